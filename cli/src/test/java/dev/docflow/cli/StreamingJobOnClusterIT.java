package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.ingest.StreamingIngestJob;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import dev.docflow.localstack.FlinkSessionCluster;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./docflow up --flink URL}'s path: the streaming job submitted as the job jar to a Flink
 * session cluster of separate processes (a JobManager and two TaskManagers, configured by
 * {@code flink-conf/config.yaml}), uploads through the agent service indexed there and cited; then
 * the job cancelled and submitted again onto the same TaskManager JVMs, where a second job's
 * class loader loads the embedding model's native library again (ONNX Runtime) with Flink's
 * leaked-class-loader check on.
 */
class StreamingJobOnClusterIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KB = "on-cluster-" + UUID.randomUUID().toString().substring(0, 8);

    private static FlinkSessionCluster flink;
    private static LocalDeployment deployment;
    private static RemoteFlinkCluster cluster;
    private static URI base;
    private static ChatClient chat;
    private static String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheClusterAndTheService() {
        flink = FlinkSessionCluster.start(HOME.resolve("flink-conf"), SharedStack.workDir(), 0, 2, Duration.ofMinutes(4));
        cluster = new RemoteFlinkCluster(flink.restAddress());
        deployment = LocalDeployment.overCluster(DocflowConfig.load(HOME, Map.of()), SharedStack.get(), flink.restAddress());
        int port = deployment.startAgent(0);
        base = URI.create("http://127.0.0.1:" + port);
        key = deployment.demoKey();
        chat = new ChatClient(port, key);
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
        if (flink != null) {
            flink.close();
        }
    }

    @Test
    void uploadsAreIndexedByTheJobJarOnTheClusterAndAgainByASecondJobOnTheSameTaskManagers() throws Exception {
        List<String> taskManagers = flink.registeredTaskManagers();
        deployment.startStreamingJob();
        String first = awaitOneRunningStreamingJob();
        assertThat(send("POST", "/api/knowledge-bases", "{\"name\":\"" + KB + "\"}").statusCode()).isEqualTo(201);

        String otters = upload("otters.md", "# Otters\n\nSea otters wrap themselves in kelp so the tide does not carry them off.\n");
        awaitIndexed(otters);
        awaitCitation("What keeps sea otters from drifting away while they rest?", "otters.md");

        cluster.cancel(first);
        await().atMost(Duration.ofMinutes(1)).until(() -> cluster.jobState(first).equals("CANCELED"));
        deployment.startStreamingJob();
        String second = awaitOneRunningStreamingJob();
        String herons = upload("herons.md", "# Herons\n\nThe grey heron stands still in the shallows for hours before it strikes.\n");
        awaitIndexed(herons);
        awaitCitation("How does the grey heron wait for its prey?", "herons.md");

        assertThat(second).isNotEqualTo(first);
        assertThat(cluster.restarts(second)).as("the second job's class loader loaded the model and its native library").isZero();
        assertThat(flink.registeredTaskManagers()).as("the same TaskManager JVMs ran both jobs").containsExactlyInAnyOrderElementsOf(taskManagers);
    }

    private static String awaitOneRunningStreamingJob() {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<String> running = new ArrayList<>();
            for (JsonNode job : cluster.get("/jobs/overview").path("jobs")) {
                if (job.path("name").asText().equals(StreamingIngestJob.NAME) && job.path("state").asText().equals("RUNNING")) {
                    running.add(job.path("jid").asText());
                }
            }
            return running;
        }, running -> running.size() == 1).get(0);
    }

    private String upload(String fileName, String text) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + KB + "/documents"))
                .header("Authorization", "Bearer " + key)
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("documents").get(0).path("id").asText();
    }

    /** Until the job on the cluster has committed the document as indexed; a failure ends the wait. */
    private void awaitIndexed(String id) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode document = JSON.readTree(send("GET", "/api/knowledge-bases/" + KB + "/documents/" + id, null).body());
            assertThat(document.path("status").asText()).as(document.toString()).isNotEqualTo("failed");
            return document.path("status").asText().equals("indexed");
        });
    }

    private static void awaitCitation(String question, String fileName) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> chat.ask(KB, question, null).path("citations"),
                        citations -> citations.size() > 0 && citations.get(0).path("fileName").asText().equals(fileName));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
