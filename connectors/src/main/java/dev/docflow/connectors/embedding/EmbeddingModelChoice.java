package dev.docflow.connectors.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The in-process embedding models Docflow can use ({@code embedding.model}); one setting read by
 * the ingestion job and the agent service alike, since passages and questions must be embedded by
 * the same model. Every chunk records its model ({@code embedding_model}) and kNN searches only the
 * chunks of the service's model, so vectors of two models are never compared.
 *
 * <p>All four are 384-dimensional BERT models with the same uncased word-piece vocabulary. Each
 * ships in its own LangChain4j jar (the model is inside, 23–133 MB); only the default is a
 * dependency of the service and the jobs, the others are loaded by class name when chosen and their
 * jar is on the class path (the CLI carries all four, for {@code ./docflow bench retrieval}).
 */
public enum EmbeddingModelChoice {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-MiniLM-L6-v2",
            "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel", ""),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-MiniLM-L6-v2, quantized",
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel", ""),
    BGE_SMALL_EN_V15("bge-small-en-v15", "bge-small-en-v1.5",
            "dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel", Prefixes.BGE_QUERY),
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5, quantized",
            "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel", Prefixes.BGE_QUERY);

    public static final EmbeddingModelChoice DEFAULT = ALL_MINILM_L6_V2;

    private final String id;
    private final String displayName;
    private final String className;
    private final String queryPrefix;

    EmbeddingModelChoice(String id, String displayName, String className, String queryPrefix) {
        this.id = id;
        this.displayName = displayName;
        this.className = className;
        this.queryPrefix = queryPrefix;
    }

    /** The setting's value and what chunks record in {@code embedding_model}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Put in front of a question (never a passage) before embedding it. bge models are trained
     * with this instruction on the query side; LangChain4j's classes do not add it themselves.
     */
    public String queryPrefix() {
        return queryPrefix;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static EmbeddingModelChoice of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(choice -> choice.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(EmbeddingModelChoice::id).collect(Collectors.joining(", "))
                        + "; got '" + id + "'"));
    }

    /**
     * Loads the model (seconds, and 100–500 MB of memory): once per JVM, see the callers' holders.
     *
     * @throws IllegalStateException when the model's jar is not on the class path
     */
    public EmbeddingModel load() {
        try {
            return (EmbeddingModel) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("embedding.model=" + id + " needs dev.langchain4j:langchain4j-embeddings-"
                    + id + " on the class path (the CLI has it; the service and the jobs ship only "
                    + DEFAULT.id + ")", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the embedding model " + displayName, e);
        }
    }

    private static final class Prefixes {
        static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";
    }
}
