package dev.docflow.connectors.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A sentence encoder from a LangChain4j model jar (its {@code .onnx} weights and tokenizer),
 * run in this JVM by ONNX Runtime, as LangChain4j's own model classes run it, except that the
 * ONNX session is this object's and {@link #close()} frees it. LangChain4j's classes keep theirs in
 * a static field for good; on a Flink session cluster each job's class loader would then leave
 * 23–133 MB of native weights behind in the TaskManager when the job ends.
 */
public final class OnnxSentenceEncoder extends AbstractInProcessEmbeddingModel implements AutoCloseable {
    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;
    private final int dimension;
    private volatile boolean closed;

    private OnnxSentenceEncoder(OrtSession session, OnnxBertBiEncoder encoder, int dimension) {
        super(null); // LangChain4j's default executor: one thread per core, idle threads end after a second
        this.session = session;
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /**
     * @param resources where the model jar's files are found
     * @param model the weights' resource name ({@code all-minilm-l6-v2.onnx})
     * @param tokenizer the tokenizer's resource name ({@code all-minilm-l6-v2-tokenizer.json})
     * @throws IllegalStateException when a resource is missing
     */
    static OnnxSentenceEncoder load(ClassLoader resources, String model, String tokenizer, PoolingMode pooling,
            int dimension) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (InputStream weights = open(resources, model)) {
            session = environment.createSession(weights.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + model, e);
        }
        try (InputStream vocabulary = open(resources, tokenizer)) {
            return new OnnxSentenceEncoder(session, new OnnxBertBiEncoder(environment, session, vocabulary, pooling), dimension);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof IOException io ? new UncheckedIOException("cannot read " + tokenizer, io) : (RuntimeException) e;
        }
    }

    private static InputStream open(ClassLoader resources, String name) {
        InputStream in = resources.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        if (closed) {
            throw new IllegalStateException("the embedding model was closed");
        }
        return encoder;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        model(); // fails fast once closed, rather than inside ONNX Runtime on a freed session
        return super.embedAll(segments);
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    /** Frees the ONNX session's native memory; embedding afterwards throws {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(session);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to do with a session that cannot be closed
        }
    }
}
