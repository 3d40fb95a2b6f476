package dev.docflow.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.ingest.chunk.Chunker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbedBudgetTest {
    @Test
    void aDocumentGetsTheFloorPlusItsShareByChunks() {
        EmbedBudget budget = new EmbedBudget(120, 600);

        assertThat(budget.forChunks(1)).isEqualTo(Duration.ofMillis(120_600));
        // jxl.xls: 3,005 chunks, which once failed after the 600 s left of parse.max-seconds
        assertThat(budget.forChunks(3_005)).isEqualTo(Duration.ofMillis(120_000 + 1_803_000));
        assertThat(budget.deadlineMillis(1_000, 5_000)).isEqualTo(5_000 + 720_000);
    }

    @Test
    void theOperatorsTimeoutComesAfterTheDeadlineOfTheLargestDocumentAndOneBatchMore() {
        EmbedBudget budget = EmbedBudget.DEFAULTS;

        assertThat(budget.operatorTimeout()).isGreaterThan(budget.forChunks(Chunker.MAX_CHUNKS))
                .isEqualTo(budget.forChunks(Chunker.MAX_CHUNKS + ChunkEmbedder.BATCH));
    }

    @Test
    void readsItsSettingsAndNamesTheOneThatIsWrong() {
        ConfigSource source = ConfigSource.of(null, Map.of(),
                Map.of(EmbedBudget.MIN_SECONDS, "30", EmbedBudget.SECONDS_PER_1000_CHUNKS, "200"));

        assertThat(EmbedBudget.from(source)).isEqualTo(new EmbedBudget(30, 200));
        assertThat(EmbedBudget.from(ConfigSource.of(null, Map.of(), Map.of()))).isEqualTo(EmbedBudget.DEFAULTS);
        assertThatThrownBy(() -> new EmbedBudget(0, 600)).hasMessageContaining(EmbedBudget.MIN_SECONDS);
        assertThatThrownBy(() -> new EmbedBudget(10, -1)).hasMessageContaining(EmbedBudget.SECONDS_PER_1000_CHUNKS);
    }
}
