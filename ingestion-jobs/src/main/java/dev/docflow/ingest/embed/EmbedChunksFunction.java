package dev.docflow.ingest.embed;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embed stage, asynchronous (Flink's Async I/O): a document's batches run on the shared
 * embedding executor ({@link ChunkEmbedder}) while the task thread goes on, so a large document
 * holds neither checkpoints nor the documents behind it. Each document has its own time,
 * {@link EmbedBudget#forChunks}; past it, it fails alone as {@code timeout} at stage
 * {@code embed}. Its chunks are emitted together, for the index stage to write as one unit; the
 * outcome of an embedded document is the index stage's to emit once its chunks are written
 * ({@code IndexChunksFunction}), a failure goes to the outcomes through
 * {@link RouteEmbedResultsFunction}.
 *
 * <p>At most {@link #DOCUMENTS_IN_FLIGHT} documents per subtask are in flight: Flink checkpoints
 * them (their chunks, not their vectors) and embeds them again after a restore, which indexing
 * takes as it is (chunk ids are the document id and ordinal). While all of them are still
 * embedding, the next document waits, and so does a checkpoint barrier: Flink 1.20's async operator
 * takes no unaligned barrier while its queue is full (FLINK-39835, fixed after 1.20).
 *
 * <p>Metrics are updated from the executor's thread (batches, results) as well as the task's
 * (documents in): {@link EmbedMetrics} is safe for that.
 */
public class EmbedChunksFunction extends RichAsyncFunction<ChunkedDocument, EmbedResult> {
    /** Documents in flight per embed subtask: enough to keep the executor busy, few enough to hold in memory. */
    public static final int DOCUMENTS_IN_FLIGHT = 4;
    private static final Logger LOG = LoggerFactory.getLogger(EmbedChunksFunction.class);
    private final EmbeddingModelChoice model;
    private final EmbedBudget budget;
    private transient ChunkEmbedder embedder;
    private transient EmbedMetrics metrics;

    public EmbedChunksFunction(EmbeddingModelChoice model, EmbedBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new EmbedMetrics(getRuntimeContext().getMetricGroup());
        embedder = new ChunkEmbedder(embeddingModel(), embeddingExecutor(), metrics);
    }

    /** The model, shared by the TaskManager's subtasks; a test gives its own. */
    protected EmbeddingModel embeddingModel() {
        EmbeddingModel shared = SharedEmbeddingModel.get(model);
        SharedEmbeddingModel.closeWithJob(getRuntimeContext());
        return shared;
    }

    /** Where batches run: {@link SharedEmbeddingModel#executor()}; a test gives its own. */
    protected Executor embeddingExecutor() {
        return SharedEmbeddingModel.executor();
    }

    @Override
    public void asyncInvoke(ChunkedDocument document, ResultFuture<EmbedResult> result) {
        metrics.received();
        long start = System.nanoTime();
        embedder.embed(document.chunks(), budget.forChunks(document.chunks().length)).whenComplete((vectors, failure) -> {
            if (failure == null) {
                metrics.embedded();
                LOG.debug("document embedded documentId={} stage=embed chunks={} tookMs={}", document.ref().documentId(),
                        vectors.size(), (System.nanoTime() - start) / 1_000_000);
                result.complete(List.of(EmbedResult.embedded(withVectors(document, vectors))));
            } else if (failure instanceof DocumentFailedException documentFailure) {
                result.complete(List.of(failed(document, documentFailure)));
            } else {
                result.completeExceptionally(failure); // the model itself is broken: an infrastructure failure
            }
        });
    }

    /**
     * The operator's timeout ({@link EmbedBudget#operatorTimeout()}) is later than any document's
     * own deadline, so it fires only when a model call never returned: the document fails as
     * {@code timeout} rather than the job (Flink's default).
     */
    @Override
    public void timeout(ChunkedDocument document, ResultFuture<EmbedResult> result) {
        result.complete(List.of(failed(document, new DocumentFailedException(Stage.EMBED, FailureReason.TIMEOUT,
                "the embedding model did not answer within the embed stage's timeout ("
                        + budget.operatorTimeout().toSeconds() + " s)", null))));
    }

    private EmbedResult failed(ChunkedDocument document, DocumentFailedException e) {
        metrics.failed(e.reason());
        LOG.info("document failed documentId={} stage={} reason={} file={}: {}", document.ref().documentId(),
                e.stage().code(), e.reason(), document.ref().fileName(), e.getMessage());
        return EmbedResult.failed(DocumentOutcome.failed(document.ref(), e.stage(), e.reason(), e.getMessage()));
    }

    private EmbeddedDocument withVectors(ChunkedDocument document, List<float[]> vectors) {
        EmbeddedChunk[] embedded = new EmbeddedChunk[document.chunks().length];
        for (int i = 0; i < embedded.length; i++) {
            embedded[i] = new EmbeddedChunk(document.ref(), document.contentType(), document.chunks()[i], vectors.get(i), model.id());
        }
        return new EmbeddedDocument(document.ref(), document.pageCount(), embedded);
    }
}
