package dev.docflow.connectors.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
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
 * ships in its own LangChain4j jar (the model is inside, 23–133 MB); the default and the earlier
 * default ({@link #LEGACY_DEFAULT}, for knowledge bases ingested with it) are dependencies of the
 * service and the jobs, the others are loaded from their jar's files when chosen and it is on the
 * class path (the CLI carries all four, for {@code ./docflow bench retrieval}).
 */
public enum EmbeddingModelChoice {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-MiniLM-L6-v2", "all-minilm-l6-v2", PoolingMode.MEAN, ""),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-MiniLM-L6-v2-q", "all-minilm-l6-v2-q", PoolingMode.MEAN, ""),
    BGE_SMALL_EN_V15("bge-small-en-v15", "bge-small-en-v1.5", "bge-small-en-v1.5", PoolingMode.CLS, Prefixes.BGE_QUERY),
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q", "bge-small-en-v1.5-q", PoolingMode.CLS,
            Prefixes.BGE_QUERY);

    /**
     * bge-small-en-v1.5, quantized, with its query instruction: on issue 12's tuning half it cited
     * and answered better than all-MiniLM-L6-v2 (README "Figures"), at 0.78 × its embedding speed;
     * the full-precision build was no better and half as fast.
     */
    public static final EmbeddingModelChoice DEFAULT = BGE_SMALL_EN_V15_Q;

    /**
     * The default until December 2026. Chunks indexed before they recorded their model were embedded
     * by it, and its chunks keep the index name of that time ({@code docflow-chunks}), so a knowledge
     * base ingested then is searched again by setting {@code embedding.model=all-minilm-l6-v2}.
     */
    public static final EmbeddingModelChoice LEGACY_DEFAULT = ALL_MINILM_L6_V2;

    private final String id;
    private final String displayName;
    /** The model jar's file names: {@code <files>.onnx} and {@code <files>-tokenizer.json}. */
    private final String files;
    private final PoolingMode pooling;
    private final String queryPrefix;

    EmbeddingModelChoice(String id, String displayName, String files, PoolingMode pooling, String queryPrefix) {
        this.id = id;
        this.displayName = displayName;
        this.files = files;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
    }

    /** Every model here gives 384-dimensional vectors. */
    public static final int DIMENSION = 384;

    /** The setting's value and what chunks record in {@code embedding_model}. */
    public String id() {
        return id;
    }

    /** The model's own name; {@code -q} for the quantized builds (no comma: it names a Flink operator and its metrics). */
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
     * Loads the model from its LangChain4j jar (seconds, and 100–500 MB of memory): once per JVM, see
     * the callers' holders. Closing it frees its native ONNX session.
     *
     * @throws IllegalStateException when the model's jar is not on the class path
     */
    public OnnxSentenceEncoder load() {
        ClassLoader resources = EmbeddingModelChoice.class.getClassLoader();
        if (resources.getResource(files + ".onnx") == null) {
            throw new IllegalStateException("embedding.model=" + id + " needs dev.langchain4j:langchain4j-embeddings-"
                    + id + " on the class path (the CLI has it; the service and the jobs ship only "
                    + DEFAULT.id + " and " + LEGACY_DEFAULT.id + ")");
        }
        return OnnxSentenceEncoder.load(resources, files + ".onnx", files + "-tokenizer.json", pooling, DIMENSION);
    }

    private static final class Prefixes {
        static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";
    }
}
