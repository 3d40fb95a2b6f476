package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Embeds a document's chunks, {@link #BATCH} at a time (the model spreads a call over the cores),
 * each batch handed to the embedding executor only once the one before it is done. Every document
 * in flight so has at most one batch waiting there, and on one thread (see
 * {@link SharedEmbeddingModel#executor()}) the batches of all documents take turns: a small
 * document waits for one batch of a large one, not for all of it. A document whose deadline has
 * passed when its next batch comes up fails as {@code timeout}, so none holds the executor past its
 * budget by more than one batch. A chunk is embedded with its heading path in front, so a passage
 * is found by the section it belongs to.
 */
public final class ChunkEmbedder {
    /** Chunks per model call: a few seconds at most here (~10–30 chunks/s), so documents take turns often. */
    static final int BATCH = 64;

    private final EmbeddingModel model;
    private final Executor executor;
    private final LongSupplier clock;
    private final EmbeddingBatchListener listener;

    /** @param executor where each batch runs (the model call blocks its thread) */
    public ChunkEmbedder(EmbeddingModel model, Executor executor, EmbeddingBatchListener listener) {
        this(model, executor, System::currentTimeMillis, listener);
    }

    /** @param clock epoch milliseconds now */
    ChunkEmbedder(EmbeddingModel model, Executor executor, LongSupplier clock, EmbeddingBatchListener listener) {
        this.model = model;
        this.executor = executor;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Embeds the chunks, in order, unless {@code budget} runs out first (counted from now). Returns
     * at once; the future completes on the executor with one vector per chunk, or exceptionally:
     * {@link DocumentFailedException} ({@code timeout}, stage {@code embed}) when time ran out, the
     * model's own exception when a call failed.
     */
    public CompletableFuture<List<float[]>> embed(Chunk[] chunks, Duration budget) {
        Batches batches = new Batches(chunks, budget, clock.getAsLong() + budget.toMillis());
        batches.submitFrom(0);
        return batches.vectors;
    }

    /** One document's embedding in progress: which batch is next, and the vectors so far. */
    private final class Batches {
        private final Chunk[] chunks;
        private final Duration budget;
        private final long deadlineMillis;
        private final List<float[]> embedded;
        private final CompletableFuture<List<float[]>> vectors = new CompletableFuture<>();

        Batches(Chunk[] chunks, Duration budget, long deadlineMillis) {
            this.chunks = chunks;
            this.budget = budget;
            this.deadlineMillis = deadlineMillis;
            this.embedded = new ArrayList<>(chunks.length);
        }

        void submitFrom(int from) {
            if (from >= chunks.length) {
                vectors.complete(embedded);
                return;
            }
            try {
                executor.execute(() -> embedFrom(from));
            } catch (RejectedExecutionException e) { // the executor was shut down with its job
                vectors.completeExceptionally(e);
            }
        }

        private void embedFrom(int from) {
            try {
                if (clock.getAsLong() > deadlineMillis) {
                    throw new DocumentFailedException(Stage.EMBED, FailureReason.TIMEOUT,
                            "the document's embedding time (" + budget.toSeconds() + " s for its chunks: "
                                    + EmbedBudget.MIN_SECONDS + " + " + EmbedBudget.SECONDS_PER_1000_CHUNKS
                                    + ") ran out after embedding " + from + " of " + chunks.length + " chunks", null);
                }
                List<TextSegment> segments = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(chunks.length, from + BATCH); i++) {
                    segments.add(TextSegment.from(textToEmbed(chunks[i])));
                }
                long start = System.nanoTime();
                List<Embedding> embeddings = model.embedAll(segments).content();
                listener.batchEmbedded(segments.size(), (System.nanoTime() - start) / 1_000_000);
                for (Embedding embedding : embeddings) {
                    embedded.add(embedding.vector());
                }
            } catch (Throwable e) { // even an Error: left uncaught it would end the thread and the future would never complete
                vectors.completeExceptionally(e);
                return;
            }
            submitFrom(from + BATCH);
        }
    }

    static String textToEmbed(Chunk chunk) {
        return textToEmbed(chunk.headingPath(), chunk.text());
    }

    /** The text the model is given for a chunk of {@code text} under {@code headingPath} (the bench re-embeds it). */
    public static String textToEmbed(String headingPath, String text) {
        if (headingPath == null || headingPath.isEmpty() || text.startsWith(lastHeading(headingPath))) {
            return text;
        }
        return headingPath + "\n" + text;
    }

    private static String lastHeading(String path) {
        int separator = path.lastIndexOf(" › ");
        return separator < 0 ? path : path.substring(separator + 3);
    }
}
