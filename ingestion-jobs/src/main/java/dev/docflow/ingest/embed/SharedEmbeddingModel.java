package dev.docflow.ingest.embed;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.EnumMap;
import java.util.Map;

/**
 * The embedding models, each loaded once per JVM and shared by every subtask in it: an ONNX
 * session holds 23–133 MB of weights and is safe for concurrent use, so one copy per operator
 * would only cost memory and start-up time.
 */
public final class SharedEmbeddingModel {
    private static final Map<EmbeddingModelChoice, EmbeddingModel> MODELS = new EnumMap<>(EmbeddingModelChoice.class);

    private SharedEmbeddingModel() {}

    /** The default model ({@link EmbeddingModelChoice#DEFAULT}). */
    public static EmbeddingModel get() {
        return get(EmbeddingModelChoice.DEFAULT);
    }

    public static synchronized EmbeddingModel get(EmbeddingModelChoice choice) {
        return MODELS.computeIfAbsent(choice, EmbeddingModelChoice::load);
    }
}
