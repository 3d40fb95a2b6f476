package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.testutils.BagOfWordsEmbeddingModel;
import dev.docflow.agent.testutils.StackAgentConfig;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.localstack.EmbeddedStack;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.StackSettings;
import dev.docflow.localstack.StackSettings.Server;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /ready} follows the servers: 200 while all four answer, 503 naming the one that was
 * stopped (within its short timeout, however long the client libraries would wait), 200 again
 * within seconds of its return. The service's object store is an S3 server of this test's own, stopped and restarted
 * on its port; Elasticsearch, PostgreSQL and Kafka are the shared stack's.
 */
class ReadinessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readySaysWhichServerIsDownAndRecoversWithIt() throws Exception {
        StackEndpoints shared = SharedStack.get();
        StackSettings settings = StackSettings.builder(SharedStack.workDir().resolve("ready-it")).servers(Server.S3)
                .anyFreePorts().build();
        Database.migrate(StackAgentConfig.database(shared));
        try (EmbeddedStack own = EmbeddedStack.start(settings); Database database = Database.open(StackAgentConfig.database(shared))) {
            AgentConfig config = StackAgentConfig.of(shared, "ready-it-" + UUID.randomUUID().toString().substring(0, 8))
                    .withUploadsTo(StackAgentConfig.objectStore(own.endpoints()), shared.kafkaBootstrapServers());
            try (AgentApp app = AgentApp.create(config, database, new BagOfWordsEmbeddingModel())) {
                URI ready = URI.create("http://127.0.0.1:" + app.start() + "/ready");
                assertThat(ready(ready).statusCode()).isEqualTo(200);

                own.stop(Server.S3);
                long asked = System.nanoTime();
                HttpResponse<String> down = ready(ready);
                long tookMillis = (System.nanoTime() - asked) / 1_000_000;

                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                JsonNode report = JSON.readTree(down.body());
                assertThat(report.path("status").asText()).isEqualTo("unavailable");
                assertThat(report.path("failed").toString()).isEqualTo("[\"object_store\"]");
                assertThat(report.path("checks").path("object_store").asText()).isIn("error", "timeout");
                assertThat(report.path("checks").path("postgresql").asText()).isEqualTo("ok");
                assertThat(tookMillis).isLessThan(Duration.ofSeconds(5).toMillis());

                own.restart(Server.S3);
                // a probe sent while it was down may still be ending (within its own 2 s timeouts)
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(ready(ready).statusCode()).isEqualTo(200));
            }
        }
    }

    private HttpResponse<String> ready(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
