package dev.docflow.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.testutils.NodeProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubernetes/}: every manifest is valid against the Kubernetes API's schemas and the Flink
 * Kubernetes Operator's CRDs (checked in Node.js by {@code kubernetes/schema-check}), and names the
 * image, jar and entry points that the build and the job image really have.
 */
class KubernetesManifestsIT {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path MANIFESTS = ROOT.resolve("kubernetes");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeProject schemaCheck;

    @BeforeAll
    static void installTheSchemaCheck() {
        schemaCheck = NodeProject.install("../kubernetes/schema-check", Duration.ofMinutes(5));
    }

    @Test
    void everyManifestIsValidAgainstItsSchema() throws Exception {
        List<JsonNode> results = check(manifests());

        assertThat(results).allSatisfy(result -> assertThat(result.path("valid").asBoolean()).as(result.toString()).isTrue());
        assertThat(results).extracting(result -> result.path("type").asText()).contains(
                "flink.apache.org/v1beta1 FlinkDeployment", "flink.apache.org/v1beta1 FlinkSessionJob",
                "apps/v1 Deployment", "v1 Service", "v1 ConfigMap");
    }

    @Test
    void aManifestThatBreaksItsSchemaIsReported() throws Exception {
        Path broken = schemaCheck.dir().resolve("broken.yaml");
        Files.writeString(broken, Files.readString(MANIFESTS.resolve("streaming-job.yaml"))
                .replace("upgradeMode: last-state", "upgradeMode: whenever"));

        NodeProject.Output run = schemaCheck.run(Duration.ofMinutes(1), "node", "check.mjs", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("upgradeMode must be equal to one of the allowed values");
    }

    @Test
    void theJobsRunTheJobImageAndItsJar() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("docker/flink/Dockerfile"));
        String compose = Files.readString(ROOT.resolve("docker/docker-compose.yml"));
        for (String manifest : List.of("streaming-job.yaml", "bulk-ingest.yaml")) {
            String text = Files.readString(MANIFESTS.resolve(manifest));
            assertThat(text).contains("image: docflow/flink-job:0.1.0");
            assertThat(compose).contains("image: docflow/flink-job:0.1.0");
        }
        String streaming = Files.readString(MANIFESTS.resolve("streaming-job.yaml"));
        assertThat(streaming).contains("jarURI: local:///opt/flink/usrlib/docflow-ingestion-jobs.jar");
        assertThat(dockerfile).contains(" /opt/flink/usrlib/docflow-ingestion-jobs.jar");
        for (String entryClass : List.of("StreamingIngestJob", "BulkIngestJob")) {
            assertThat(ROOT.resolve("ingestion-jobs/src/main/java/dev/docflow/ingest/" + entryClass + ".java")).exists();
        }
        assertThat(Files.readString(MANIFESTS.resolve("agent-service.yaml")))
                .contains("image: docflow/agent-service:0.1.0", "path: /ready", "path: /health");
    }

    private static List<Path> manifests() throws Exception {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<JsonNode> check(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
        files.forEach(file -> command.add(file.toString()));
        NodeProject.Output run = schemaCheck.run(Duration.ofMinutes(1), command.toArray(String[]::new));
        List<JsonNode> results = new ArrayList<>();
        for (String line : run.stdout().strip().split("\n")) {
            results.add(JSON.readTree(line));
        }
        assertThat(results).as(run.stderr()).hasSizeGreaterThanOrEqualTo(files.size());
        return results;
    }
}
