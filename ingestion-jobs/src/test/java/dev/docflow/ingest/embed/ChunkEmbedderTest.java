package dev.docflow.ingest.embed;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChunkEmbedderTest {
    /** A model whose every call takes one second of a clock the test owns. */
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final EmbeddingModel secondPerBatch = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            now.addAndGet(1_000);
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {segment.text().length()})).toList());
        }
    };

    @Test
    void embedsEveryChunkInOrderWithinTheBudget() {
        Chunk[] chunks = chunks(ChunkEmbedder.BATCH * 2 + 3);

        List<float[]> vectors = new ChunkEmbedder(secondPerBatch, now::get).embed(chunks, now.get() + 10_000);

        assertThat(vectors).hasSize(chunks.length);
        assertThat(vectors.get(chunks.length - 1)[0]).isEqualTo(ChunkEmbedder.textToEmbed(chunks[chunks.length - 1]).length());
    }

    @Test
    void aDocumentWhoseTimeRunsOutFailsAsTimeoutAtTheNextBatch() {
        Chunk[] chunks = chunks(ChunkEmbedder.BATCH * 10);
        ChunkEmbedder embedder = new ChunkEmbedder(secondPerBatch, now::get);
        long deadline = now.get() + 2_500;

        assertThatThrownBy(() -> embedder.embed(chunks, deadline))
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> {
                    assertThat(e.stage()).isEqualTo(Stage.EMBED);
                    assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
                    assertThat(e.getMessage()).contains("after embedding " + 3 * ChunkEmbedder.BATCH + " of " + chunks.length);
                });
        assertThat(now.get()).as("three batches, not ten").isEqualTo(deadline + 500);
    }

    private static Chunk[] chunks(int count) {
        Chunk[] chunks = new Chunk[count];
        for (int i = 0; i < count; i++) {
            String text = "chunk number " + i;
            chunks[i] = new Chunk(i, text, 0, 0, 0, text.length(), "", 4, "", null, 0, Chunk.NOT_OCR);
        }
        return chunks;
    }
}
