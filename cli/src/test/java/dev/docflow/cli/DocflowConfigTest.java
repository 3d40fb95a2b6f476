package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.parse.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocflowConfigTest {
    @TempDir
    Path home;

    @Test
    void defaultsPutTheWorkFolderInTheCheckout() {
        DocflowConfig config = DocflowConfig.load(home, Map.of());

        assertThat(config.workDir()).isEqualTo(home.resolve(".docflow").toAbsolutePath());
        assertThat(config.agent().httpPort()).isEqualTo(7070);
        assertThat(config.flinkRestPorts()).isEqualTo("8081-8099");
        assertThat(config.samplesDir()).isEqualTo(home.resolve("samples"));
    }

    @Test
    void theEnvironmentOverridesTheFileForTheLauncherAndTheService() throws Exception {
        Files.writeString(home.resolve("docflow.properties"),
                "http.port=7100\nelasticsearch.heap=1g\nretrieval.top-k=7\nflink.rest.ports=9081\n");

        DocflowConfig config = DocflowConfig.load(home,
                Map.of("DOCFLOW_HTTP_PORT", "7200", "DOCFLOW_FLINK_REST_PORTS", "9999"));

        assertThat(config.agent().httpPort()).isEqualTo(7200);
        assertThat(config.flinkRestPorts()).isEqualTo("9999");
        assertThat(config.elasticsearchHeap()).isEqualTo("1g");
        assertThat(config.agent().retrieval().topK()).isEqualTo(7);
    }

    @Test
    void aBadNumberNamesTheSettingAndTheVariable() {
        assertThatThrownBy(() -> DocflowConfig.load(home, Map.of("DOCFLOW_INGEST_PARALLELISM", "seventy")))
                .hasMessageContaining("ingest.parallelism").hasMessageContaining("DOCFLOW_INGEST_PARALLELISM")
                .hasMessageContaining("seventy");
    }

    @Test
    void aMissingConfigFileNamedExplicitlyIsAnError() {
        assertThatThrownBy(() -> DocflowConfig.load(home, Map.of("DOCFLOW_CONFIG", home.resolve("nope.properties").toString())))
                .hasMessageContaining("nope.properties");
    }

    @Test
    void parseLimitsComeFromTheFileWithUnitsAndTheEnvironmentWins() throws Exception {
        Files.writeString(home.resolve("docflow.properties"),
                "parse.max-file-bytes=64m\nparse.max-pages=300\nparse.max-expanded-bytes=2g\ntables.enabled=off\n");

        DocflowConfig config = DocflowConfig.load(home, Map.of("DOCFLOW_PARSE_MAX_SECONDS", "90"));

        assertThat(config.parseLimits().maxFileBytes()).isEqualTo(64L << 20);
        assertThat(config.parseLimits().maxPages()).isEqualTo(300);
        assertThat(config.parseLimits().maxExpandedBytes()).isEqualTo(2L << 30);
        assertThat(config.parseLimits().maxParseSeconds()).isEqualTo(90);
        assertThat(config.parseLimits().maxEmbeddedDepth()).isEqualTo(ParseLimits.DEFAULTS.maxEmbeddedDepth());
        assertThat(config.extraction().tables()).isFalse();
    }

    @Test
    void aBadSizeNamesTheSetting() {
        assertThatThrownBy(() -> DocflowConfig.load(home, Map.of("DOCFLOW_PARSE_MAX_FILE_BYTES", "lots")))
                .hasMessageContaining("parse.max-file-bytes").hasMessageContaining("512m");
    }

    @Test
    void theJobsAndTheServiceAgreeOnTheIndexAndTheUploadsTopic() throws Exception {
        Files.writeString(home.resolve("docflow.properties"), "embedding.model=bge-small-en-v15-q\n");

        DocflowConfig config = DocflowConfig.load(home, Map.of("DOCFLOW_KAFKA_UPLOADS_TOPIC", "acme.uploads"));

        assertThat(config.ingest().ingestion().elasticsearch().indexAlias())
                .isEqualTo(config.agent().elasticsearch().indexAlias()).isEqualTo("docflow-chunks-bge-small-en-v15-q");
        assertThat(config.ingest().kafka().uploadsTopic())
                .isEqualTo(config.agent().uploads().uploadsTopic()).isEqualTo("acme.uploads");
    }
}
