package dev.docflow.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    /** Runs each batch at once on the calling thread. */
    private final ChunkEmbedder inline = new ChunkEmbedder(secondPerBatch, Runnable::run, now::get, EmbeddingBatchListener.NONE);

    @Test
    void embedsEveryChunkInOrderWithinTheBudget() {
        Chunk[] chunks = chunks("chunk", ChunkEmbedder.BATCH * 2 + 3);

        List<float[]> vectors = inline.embed(chunks, Duration.ofSeconds(10)).join();

        assertThat(vectors).hasSize(chunks.length);
        assertThat(vectors.get(chunks.length - 1)[0]).isEqualTo(ChunkEmbedder.textToEmbed(chunks[chunks.length - 1]).length());
    }

    @Test
    void aDocumentWhoseTimeRunsOutFailsAsTimeoutAtTheNextBatch() {
        Chunk[] chunks = chunks("chunk", ChunkEmbedder.BATCH * 10);
        long start = now.get();

        CompletableFuture<List<float[]>> vectors = inline.embed(chunks, Duration.ofMillis(2_500));

        assertThat(vectors).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(DocumentFailedException.class, e -> {
                    assertThat(e.stage()).isEqualTo(Stage.EMBED);
                    assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
                    assertThat(e.getMessage()).contains("after embedding " + 3 * ChunkEmbedder.BATCH + " of " + chunks.length)
                            .contains("embed.max-seconds-per-1000-chunks");
                });
        assertThat(now.get() - start).as("three batches, not ten").isEqualTo(3_000);
    }

    @Test
    void aDocumentWithNoChunksIsDoneWithoutAModelCall() {
        assertThat(inline.embed(new Chunk[0], Duration.ofSeconds(1)).join()).isEmpty();
        assertThat(now.get()).isEqualTo(1_000_000);
    }

    @Test
    void aFailingModelFailsTheFutureWithItsOwnException() {
        EmbeddingModel broken = model(segments -> {
            throw new IllegalStateException("the embedding model was closed");
        });
        ChunkEmbedder embedder = new ChunkEmbedder(broken, Runnable::run, now::get, EmbeddingBatchListener.NONE);

        assertThat(embedder.embed(chunks("chunk", 3), Duration.ofSeconds(1)))
                .failsWithin(Duration.ZERO).withThrowableThat().havingCause().isInstanceOf(IllegalStateException.class);
    }

    /**
     * On one thread, a small document submitted while a large one is embedding waits for one batch
     * of it, not for all of it: each document's next batch is queued only when its last is done.
     */
    @Test
    @Timeout(30)
    void aSmallDocumentTakesItsTurnBetweenTheBatchesOfALargeOne() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        EmbeddingModel recording = model(segments -> {
            String document = segments.get(0).text().split(" ")[0];
            calls.add(document);
            if (calls.size() == 1) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            }
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {1})).toList());
        });
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            ChunkEmbedder embedder = new ChunkEmbedder(recording, oneThread, EmbeddingBatchListener.NONE);
            CompletableFuture<List<float[]>> large = embedder.embed(chunks("large", ChunkEmbedder.BATCH * 3), Duration.ofMinutes(1));
            firstBatchStarted.await();
            CompletableFuture<List<float[]>> small = embedder.embed(chunks("small", 5), Duration.ofMinutes(1));
            releaseFirstBatch.countDown();

            assertThat(small.get()).hasSize(5);
            assertThat(large.get()).hasSize(ChunkEmbedder.BATCH * 3);
            assertThat(calls).containsExactly("large", "small", "large", "large");
        } finally {
            oneThread.shutdownNow();
            assertThat(oneThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** A model that embeds as {@code embed} says (EmbeddingModel has no single abstract method to make a lambda of). */
    static EmbeddingModel model(Function<List<TextSegment>, Response<List<Embedding>>> embed) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return embed.apply(segments);
            }
        };
    }

    static Chunk[] chunks(String document, int count) {
        Chunk[] chunks = new Chunk[count];
        for (int i = 0; i < count; i++) {
            String text = document + " chunk number " + i;
            chunks[i] = new Chunk(i, text, 0, 0, 0, text.length(), "", 4, "", null, 0, Chunk.NOT_OCR);
        }
        return chunks;
    }
}
