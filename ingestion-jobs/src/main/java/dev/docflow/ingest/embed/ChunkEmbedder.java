package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.Chunk;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds a document's chunks, {@link #BATCH} at a time (the model spreads a call over the cores).
 * A chunk is embedded with its heading path in front, so a passage is found by the section it
 * belongs to.
 *
 * <p>No time limit: what embedding costs is bounded by the number of chunks, which the chunk stage
 * caps ({@code Chunker.MAX_CHUNKS}), not by anything hostile in the file. The document's time
 * budget ({@code parse.max-seconds}) once covered embedding too, and a busy machine then failed a
 * large, valid document as {@code timeout} (a 3,005-chunk spreadsheet in the formats bench): the
 * load was turned into a lost file.
 */
public final class ChunkEmbedder {
    /** Chunks per model call: fills the model's threads, a few seconds at most here (~30 chunks/s). */
    static final int BATCH = 64;

    private final EmbeddingModel model;
    private final EmbeddingBatchListener listener;

    public ChunkEmbedder(EmbeddingModel model, EmbeddingBatchListener listener) {
        this.model = model;
        this.listener = listener;
    }

    ChunkEmbedder(EmbeddingModel model) {
        this(model, EmbeddingBatchListener.NONE);
    }

    /** The chunks' vectors, in the chunks' order. */
    public List<float[]> embed(Chunk[] chunks) {
        List<float[]> vectors = new ArrayList<>(chunks.length);
        for (int from = 0; from < chunks.length; from += BATCH) {
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
