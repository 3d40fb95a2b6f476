package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Embeds a document's chunks, {@link #BATCH} at a time (the model spreads a call over the cores),
 * within the document's time budget: a document whose time runs out between two batches fails
 * as {@code timeout}, so no document holds an embedding worker past its budget by more than one
 * batch. A chunk is embedded with its heading path in front, so a passage is found by the
 * section it belongs to.
 */
public final class ChunkEmbedder {
    /** Chunks per model call: a few seconds at most here (~30 chunks/s), so the deadline is seen often. */
    static final int BATCH = 64;

    private final EmbeddingModel model;
    private final LongSupplier clock;
    private final EmbeddingBatchListener listener;

    public ChunkEmbedder(EmbeddingModel model, EmbeddingBatchListener listener) {
        this(model, System::currentTimeMillis, listener);
    }

    /** @param clock epoch milliseconds now */
    ChunkEmbedder(EmbeddingModel model, LongSupplier clock) {
        this(model, clock, EmbeddingBatchListener.NONE);
    }

    private ChunkEmbedder(EmbeddingModel model, LongSupplier clock, EmbeddingBatchListener listener) {
        this.model = model;
        this.clock = clock;
        this.listener = listener;
    }

    /** Embeds the chunks in no more time than is left until {@code deadlineMillis} (epoch milliseconds). */
    public List<float[]> embed(Chunk[] chunks, long deadlineMillis) {
        List<float[]> vectors = new ArrayList<>(chunks.length);
        for (int from = 0; from < chunks.length; from += BATCH) {
            if (clock.getAsLong() > deadlineMillis) {
                throw new DocumentFailedException(Stage.EMBED, FailureReason.TIMEOUT,
                        "the document's time limit (parse.max-seconds) ran out after embedding " + from + " of "
                                + chunks.length + " chunks", null);
            }
            List<TextSegment> segments = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(chunks.length, from + BATCH); i++) {
                segments.add(TextSegment.from(textToEmbed(chunks[i])));
            }
            long start = System.nanoTime();
            List<Embedding> embeddings = model.embedAll(segments).content();
            listener.batchEmbedded(segments.size(), (System.nanoTime() - start) / 1_000_000);
            for (Embedding embedding : embeddings) {
                vectors.add(embedding.vector());
            }
        }
        return vectors;
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
