package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.Chunk;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds a document's chunks in one call (the model spreads a call over the cores). A chunk is
 * embedded with its heading path in front, so a passage is found by the section it belongs to.
 */
public final class ChunkEmbedder {
    private final EmbeddingModel model;

    public ChunkEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    public List<float[]> embed(Chunk[] chunks) {
        List<TextSegment> segments = new ArrayList<>(chunks.length);
        for (Chunk chunk : chunks) {
            segments.add(TextSegment.from(textToEmbed(chunk)));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    static String textToEmbed(Chunk chunk) {
        String path = chunk.headingPath();
        if (path == null || path.isEmpty() || chunk.text().startsWith(lastHeading(path))) {
            return chunk.text();
        }
        return path + "\n" + chunk.text();
    }

    private static String lastHeading(String path) {
        int separator = path.lastIndexOf(" › ");
        return separator < 0 ? path : path.substring(separator + 3);
    }
}
