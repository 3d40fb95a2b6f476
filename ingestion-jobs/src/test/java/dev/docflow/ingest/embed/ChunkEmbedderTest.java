package dev.docflow.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.Chunk;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkEmbedderTest {
    /** A model that counts its calls and gives each text its length as its vector. */
    private final AtomicInteger calls = new AtomicInteger();
    private final EmbeddingModel lengths = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            calls.incrementAndGet();
            assertThat(segments).hasSizeLessThanOrEqualTo(ChunkEmbedder.BATCH);
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {segment.text().length()})).toList());
        }
    };

    @Test
    void embedsEveryChunkInOrderABatchAtATime() {
        Chunk[] chunks = chunks(ChunkEmbedder.BATCH * 2 + 3);

        List<float[]> vectors = new ChunkEmbedder(lengths).embed(chunks);

        assertThat(vectors).hasSize(chunks.length);
        for (int i = 0; i < chunks.length; i++) {
            assertThat(vectors.get(i)[0]).as("chunk %d", i).isEqualTo(ChunkEmbedder.textToEmbed(chunks[i]).length());
        }
        assertThat(calls).hasValue(3);
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
