package dev.docflow.ingest.embed;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.connectors.embedding.OnnxSentenceEncoder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding models, each loaded once per class loader of this class and shared by every
 * subtask that sees it: an ONNX session holds 23–133 MB of weights and is safe for concurrent use,
 * so one copy per operator would only cost memory and start-up time.
 *
 * <p>On a Flink cluster this class comes from the job jar, so each job has its own models; they
 * are closed when Flink releases the job's class loader ({@link #closeWithJob}), or every job run on
 * a TaskManager would leave its model's native memory behind. In the launcher (a local cluster on
 * its own class path) the models are the JVM's, shared by every job it runs and by the service.
 */
public final class SharedEmbeddingModel {
    static final String RELEASE_HOOK = "docflow-embedding-models";
    /** Logged once per job class loader released (FlinkClusterIT looks for it in the TaskManagers' logs). */
    public static final String CLOSED_LOG_LINE = "embedding models closed with their job's class loader";
    private static final Logger LOG = LoggerFactory.getLogger(SharedEmbeddingModel.class);
    private static final Map<EmbeddingModelChoice, OnnxSentenceEncoder> MODELS = new EnumMap<>(EmbeddingModelChoice.class);

    private SharedEmbeddingModel() {}

    /** The default model ({@link EmbeddingModelChoice#DEFAULT}). */
    public static EmbeddingModel get() {
        return get(EmbeddingModelChoice.DEFAULT);
    }

    public static synchronized EmbeddingModel get(EmbeddingModelChoice choice) {
        return MODELS.computeIfAbsent(choice, EmbeddingModelChoice::load);
    }

    /**
     * Closes the models when the job's class loader is released, if this class was loaded by it
     * (from the job jar) rather than from Flink's own class path, where other jobs share them.
     */
    public static void closeWithJob(RuntimeContext context) {
        if (ownedByJob(SharedEmbeddingModel.class.getClassLoader(), RuntimeContext.class.getClassLoader())) {
            context.registerUserCodeClassLoaderReleaseHookIfAbsent(RELEASE_HOOK, SharedEmbeddingModel::closeAll);
        }
    }

    /** Whether {@code loader} is not {@code flinkLoader} nor one of its parents: a job's own. */
    static boolean ownedByJob(ClassLoader loader, ClassLoader flinkLoader) {
        for (ClassLoader shared = flinkLoader; shared != null; shared = shared.getParent()) {
            if (shared == loader) {
                return false;
            }
        }
        return true;
    }

    /** Closes every model loaded here; the next {@link #get} loads it again. */
    static synchronized void closeAll() {
        String closed = MODELS.keySet().toString();
        MODELS.values().forEach(OnnxSentenceEncoder::close);
        MODELS.clear();
        LOG.info(CLOSED_LOG_LINE + " models={}", closed);
    }
}
