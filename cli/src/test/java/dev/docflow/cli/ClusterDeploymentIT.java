package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.cli.testutils.ServiceApi;
import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import dev.docflow.localstack.FlinkSessionCluster;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with its jobs on a Flink session cluster of separate processes, as
 * {@code ./docflow ingest --flink URL} and {@code ./docflow up --flink URL} run them: the job jar
 * uploaded over the cluster's REST API and its entry points run with the stack's addresses. The bulk
 * job ingests a folder to the end; the streaming job ingests an upload made through the service,
 * which chat then cites.
 */
class ClusterDeploymentIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static FlinkSessionCluster flink;
    private static LocalDeployment deployment;

    @BeforeAll
    static void start() {
        // one slot each: the streaming job and a bulk job side by side on two TaskManagers
        DocflowConfig config = DocflowConfig.load(HOME, Map.of(
                "DOCFLOW_KAFKA_UPLOADS_TOPIC", "it.cluster-deployment." + RUN,
                "DOCFLOW_INGEST_PARALLELISM", "1"));
        flink = FlinkSessionCluster.start(HOME.resolve("flink-conf"), SharedStack.workDir().resolve("cluster-deployment"), 0, 2,
                Duration.ofMinutes(4));
        deployment = LocalDeployment.overCluster(config, SharedStack.get(), flink.restAddress());
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close(); // cancels the streaming job
        }
        if (flink != null) {
            flink.close();
        }
    }

    @Test
    void ingestFlinkRunsTheBulkJobJarOnTheClusterToTheEnd(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("herons.md"), "# Herons\n\nThe grey heron nests in tall alder trees by the water.\n");
        Files.writeString(folder.resolve("otters.md"), "# Otters\n\nOtters hunt at dusk along the river bank.\n");
        String knowledgeBase = "cluster-bulk-" + RUN;
        RemoteFlinkCluster cluster = new RemoteFlinkCluster(flink.restAddress());

        KnowledgeBaseIngestion.Result result = new KnowledgeBaseIngestion(deployment, cluster, System.out)
                .ingest(DocflowConfig.DEMO_TENANT, knowledgeBase, List.of(folder));

        assertThat(result.progress().indexed()).isEqualTo(2);
        assertThat(result.progress().failed()).isZero();
        assertThat(result.progress().chunks()).isGreaterThanOrEqualTo(2);
        assertThat(jobStates(cluster, IngestionJobNames.bulk(DocflowConfig.DEMO_TENANT, knowledgeBase)))
                .as("the bulk job ran on the cluster").containsExactly("FINISHED");
    }

    @Test
    void upFlinkRunsTheStreamingJobJarOnTheClusterAndChatCitesWhatItIndexed() throws Exception {
        int port = deployment.startAgent(0);
        deployment.startStreamingJob();
        RemoteFlinkCluster cluster = new RemoteFlinkCluster(flink.restAddress());
        assertThat(jobStates(cluster, IngestionJobNames.STREAMING)).as("the streaming job on the cluster").hasSize(1);

        ServiceApi api = new ServiceApi(port, deployment.demoKey());
        String knowledgeBase = "cluster-stream-" + RUN;
        assertThat(api.createKnowledgeBase(knowledgeBase)).isEqualTo(201);
        String id = api.upload(knowledgeBase, "wetlands.md",
                "# Wetlands\n\nThe bittern booms from the reed beds of the northern marsh in spring.\n");
        // the TaskManager loads Tika and the model when the job starts: minutes on a shared machine
        await("wetlands.md indexed by the job on the cluster").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.status(knowledgeBase, id).equals(DocumentStatus.INDEXED.code()));

        // searchable within the index's refresh interval (a second) of the status turning indexed
        ChatClient chat = new ChatClient(port, deployment.demoKey());
        await("chat cites wetlands.md").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> chat.ask(knowledgeBase, "Where does the bittern boom?", null)
                        .path("citations").path(0).path("fileName").asText().equals("wetlands.md"));
        assertThat(jobStates(cluster, IngestionJobNames.STREAMING)).containsExactly("RUNNING");
    }

    /** The states of the cluster's jobs named {@code name}. */
    private static List<String> jobStates(RemoteFlinkCluster cluster, String name) {
        List<String> states = new ArrayList<>();
        for (JsonNode job : cluster.get("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(name)) {
                states.add(job.path("state").asText());
            }
        }
        return states;
    }
}
