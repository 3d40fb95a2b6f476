package dev.docflow.agent.testutils;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in embedding model for unit tests of small pieces: one dimension per lower-cased word
 * (hashed), so cosine similarity is word overlap. Deterministic and instant; never used in an IT.
 */
public final class BagOfWordsEmbeddingModel implements EmbeddingModel {
    private static final int DIMENSIONS = 512;

    public static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        return vector;
    }

    @Override
    public Response<Embedding> embed(String text) {
        return Response.from(Embedding.from(vector(text)));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        for (TextSegment segment : segments) {
            embeddings.add(Embedding.from(vector(segment.text())));
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return DIMENSIONS;
    }
}
