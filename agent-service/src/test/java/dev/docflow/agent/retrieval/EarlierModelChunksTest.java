package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import org.junit.jupiter.api.Test;

class EarlierModelChunksTest {
    @Test
    void chunksLeftInTheEarlierIndexAreNamedWithBothWaysOut() {
        assertThat(EarlierModelChunks.notice(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, "docflow-chunks", 2385)).hasValueSatisfying(
                notice -> assertThat(notice).contains("docflow-chunks holds 2385 chunks embedded by all-minilm-l6-v2")
                        .contains("ingest the documents again").contains("set embedding.model=all-minilm-l6-v2"));
    }

    @Test
    void anEmptyEarlierIndexNeedsNoWord() {
        assertThat(EarlierModelChunks.notice(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, "docflow-chunks", 0)).isEmpty();
    }
}
