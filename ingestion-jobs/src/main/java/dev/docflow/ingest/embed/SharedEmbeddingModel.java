package dev.docflow.ingest.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The embedding model, loaded once per JVM and shared by every subtask in it: the ONNX session
 * holds ~90 MB of weights and is safe for concurrent use, so one copy per operator would only
 * cost memory and start-up time.
 */
public final class SharedEmbeddingModel {
    public static final String NAME = "all-MiniLM-L6-v2";

    private SharedEmbeddingModel() {}

    private static final class Holder {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();
    }

    public static EmbeddingModel get() {
        return Holder.MODEL;
    }
}
