package dev.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import java.time.Duration;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class CheckpointingTest {
    @Test
    void aCheckpointOutlastsTheLongestOneDocumentMayTakeAndALateOneIsTolerated() {
        IngestionSettings settings = new IngestionSettings(
                new ObjectStoreSettings("http://127.0.0.1:1", "a", "b", null), ElasticsearchSettings.of("http://127.0.0.1:2"),
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:3/db", "u", "p"),
                ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS, ChunkingSettings.DEFAULTS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        IngestionPipeline.configureCheckpoints(env, settings, Duration.ofSeconds(5));

        CheckpointConfig checkpoints = env.getCheckpointConfig();
        assertThat(checkpoints.getCheckpointInterval()).isEqualTo(5_000);
        assertThat(checkpoints.isUnalignedCheckpointsEnabled()).isTrue();
        // Flink's default (10 min) equals the default budget: a document at its limit expired it;
        // and embedding 10,000 chunks at 10 chunks/s takes another 1,000 s
        assertThat(Duration.ofMillis(checkpoints.getCheckpointTimeout()))
                .isEqualTo(Duration.ofSeconds(ParseLimits.DEFAULTS.maxParseSeconds()).plusSeconds(1_000).plusMinutes(5));
        assertThat(checkpoints.getTolerableCheckpointFailureNumber()).isEqualTo(10);
    }
}
