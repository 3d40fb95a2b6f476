package dev.docflow.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    @TempDir
    Path folder;

    @Test
    void argumentsWinOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = Files.writeString(folder.resolve("docflow.properties"), "s3.bucket=from-file\nkafka.uploads-topic=t-file\n"
                + "tenant=file-tenant\n");
        ConfigSource source = ConfigSource.of(file, Map.of("DOCFLOW_S3_BUCKET", "from-env", "DOCFLOW_TENANT", "env-tenant"),
                ConfigSource.arguments("--s3.bucket", "from-args"));

        assertThat(source.text("s3.bucket", "none")).isEqualTo("from-args");
        assertThat(source.text("tenant", "none")).isEqualTo("env-tenant");
        assertThat(source.text("kafka.uploads-topic", "none")).isEqualTo("t-file");
        assertThat(source.withArguments(Map.of("tenant", "late")).text("tenant", "none")).isEqualTo("late");
    }

    @Test
    void argumentsComeInKeyValuePairs() {
        assertThat(ConfigSource.arguments("--tenant", "acme", "--knowledge-base", "contracts"))
                .containsExactly(Map.entry("tenant", "acme"), Map.entry("knowledge-base", "contracts"));
        assertThatThrownBy(() -> ConfigSource.arguments("--tenant")).hasMessageContaining("--tenant needs a value");
        assertThatThrownBy(() -> ConfigSource.arguments("tenant", "acme")).hasMessageContaining("'tenant'");
    }

    @Test
    void aBadArgumentValueNamesItsKey() {
        ConfigSource source = ConfigSource.of(null, Map.of(), ConfigSource.arguments("--ingest.parallelism", "many"));
        assertThatThrownBy(() -> source.integer("ingest.parallelism", 2))
                .hasMessageContaining("ingest.parallelism").hasMessageContaining("many");
    }

    @Test
    void theJobsAndTheServiceDeriveTheIndexOfAModelAndTheTopicAlike() {
        ConfigSource source = ConfigSource.of(null, Map.of("DOCFLOW_EMBEDDING_MODEL", "bge-small-en-v15-q",
                "DOCFLOW_KAFKA_UPLOADS_TOPIC", "acme.uploads"));
        EmbeddingModelChoice model = SharedSettings.embeddingModel(source);

        assertThat(SharedSettings.elasticsearch(source, model).indexAlias()).isEqualTo("docflow-chunks-bge-small-en-v15-q");
        assertThat(SharedSettings.elasticsearch(ConfigSource.of(null, Map.of()), EmbeddingModelChoice.DEFAULT).indexAlias())
                .isEqualTo("docflow-chunks-bge-small-en-v15-q");
        // where the earlier default's chunks were before the default changed, so they are found again
        assertThat(SharedSettings.chunkIndexAlias(EmbeddingModelChoice.ALL_MINILM_L6_V2)).isEqualTo("docflow-chunks");
        assertThat(SharedSettings.uploadsTopic(source)).isEqualTo("acme.uploads");
        assertThat(SharedSettings.uploadsTopic(ConfigSource.of(null, Map.of()))).isEqualTo("docflow.uploads");
        assertThatThrownBy(() -> SharedSettings.embeddingModel(ConfigSource.of(null, Map.of("DOCFLOW_EMBEDDING_MODEL", "gpt"))))
                .hasMessageContaining("embedding.model").hasMessageContaining("gpt");
    }
}
