package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live path end to end, as {@code ./docflow up} runs it: a file uploaded over HTTP is stored,
 * its event goes through Kafka to the streaming job, it is indexed, and chat cites it; a new
 * version replaces it, and once deleted it is never cited.
 */
class UploadToChatIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KB = "field-notes-" + UUID.randomUUID().toString().substring(0, 8);

    private static LocalFlinkCluster flink;
    private static LocalDeployment deployment;
    private static URI base;
    private static ChatClient chat;
    private static String demoKey;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServiceAndTheStreamingJob() throws Exception {
        DocflowConfig config = DocflowConfig.load(HOME, Map.of());
        flink = LocalFlinkCluster.start("0", 4);
        deployment = LocalDeployment.over(config, SharedStack.get(), flink);
        int port = deployment.startAgent(0);
        deployment.startStreamingJob();
        base = URI.create("http://127.0.0.1:" + port);
        chat = new ChatClient(port, deployment.demoKey());
        demoKey = deployment.demoKey();
    }

    @AfterAll
    static void stop() throws Exception {
        deployment.close();
        flink.close();
    }

    @Test
    void anUploadIsIndexedAndCitedThenReplacedThenDeleted() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + KB + "\"}")).build()).statusCode()).isEqualTo(201);

        String id = upload("# Wetlands\n\nThe grey heron nests in the reed beds near the northern lake every spring.\n");
        awaitIndexed(id);
        // searchable within the index's refresh interval (a second) of being committed
        JsonNode first = awaitCitation("reed beds");
        assertThat(first.path("citations").get(0).path("fileName").asText()).isEqualTo("wetlands.md");

        assertThat(upload("# Wetlands\n\nThe grey heron has moved its nests to the old oak woods by the river.\n"))
                .isEqualTo(id);
        awaitIndexed(id);
        JsonNode second = awaitCitation("oak woods");
        assertThat(second.toString()).doesNotContain("reed beds");

        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + KB + "/documents/" + id))
                .DELETE().build()).statusCode()).isEqualTo(204);
        JsonNode afterDeletion = chat.ask(KB, "Where does the grey heron nest?", null);
        assertThat(afterDeletion.path("citations")).isEmpty();
    }

    private String upload(String markdown) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wetlands.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + KB + "/documents"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body()).path("documents").get(0);
        assertThat(document.path("status").asText()).isEqualTo("uploaded");
        return document.path("id").asText();
    }

    /** Waits until the streaming job has committed the document as indexed; failing it ends the wait. */
    private void awaitIndexed(String id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode document = JSON.readTree(send(HttpRequest.newBuilder(
                    base.resolve("/api/knowledge-bases/" + KB + "/documents/" + id)).GET().build()).body());
            assertThat(document.path("status").asText()).as(document.toString()).isNotEqualTo("failed");
            return document.path("status").asText().equals("indexed");
        });
    }

    /** Asks until the first citation holds {@code passage}, and returns that reply. */
    private static JsonNode awaitCitation(String passage) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> chat.ask(KB, "Where does the grey heron nest?", null),
                        reply -> reply.path("citations").path(0).path("snippet").asText().contains(passage));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + demoKey).build();
        return http.send(authorized, HttpResponse.BodyHandlers.ofString());
    }
}
