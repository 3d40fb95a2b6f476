package dev.docflow.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async embed operator in Flink's operator test harness, the test thread acting as the task
 * thread: a large document whose model call the test holds does not keep a small one from being
 * emitted, nor a snapshot from being taken, and the snapshot holds the large one, to embed again
 * after a restore.
 */
@Timeout(60)
class EmbedChunksFunctionTest {
    private static final EmbedBudget BUDGET = EmbedBudget.DEFAULTS;
    private final CountDownLatch releaseLarge = new CountDownLatch(1);
    /**
     * Two threads, not the one of production: a held model call holds its thread for as long as the
     * test likes, where a real one holds it for one batch (the turns batches take on one thread
     * are {@link ChunkEmbedderTest}'s).
     */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    /** A permit per batch run to its end, its document's result (if it was the last) handed to the operator. */
    private final Semaphore batchesDone = new Semaphore(0);

    @AfterEach
    void stopThreads() throws InterruptedException {
        releaseLarge.countDown();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSmallDocumentIsEmittedWhileALargeOneIsHeldAndASnapshotHoldsTheLargeOne() throws Exception {
        ChunkedDocument large = document("large", 3 * ChunkEmbedder.BATCH);
        ChunkedDocument small = document("small", 2);
        OperatorSubtaskState snapshot;
        try (OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness = harness(OutputMode.UNORDERED, heldModel())) {
            harness.processElement(new StreamRecord<>(large));
            harness.processElement(new StreamRecord<>(small));

            List<EmbedResult> first = awaitResults(harness, 1);
            assertThat(first).extracting(result -> result.embedded().ref().documentId()).containsExactly("small");
            assertThat(first.get(0).embedded().chunks()).hasSize(2).allMatch(chunk -> chunk.vector().length == 1);

            snapshot = harness.snapshot(1L, 1L);

            releaseLarge.countDown();
            assertThat(awaitResults(harness, 2)).extracting(result -> result.embedded().ref().documentId())
                    .containsExactly("small", "large");
            assertThat(awaitResults(harness, 2).get(1).embedded().chunks()).hasSize(3 * ChunkEmbedder.BATCH);
        }

        try (OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> restored =
                harness(OutputMode.UNORDERED, heldModel(), snapshot)) {
            assertThat(awaitResults(restored, 1)).as("the document in flight at the snapshot, embedded again")
                    .extracting(result -> result.embedded().ref().documentId()).containsExactly("large");
        }
    }

    /** The streaming job's order: versions of one document must reach the index stage as they came. */
    @Test
    void inTheOrderTheyCameASmallDocumentWaitsForTheLargeOneBeforeIt() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness = harness(OutputMode.ORDERED, heldModel())) {
            harness.processElement(new StreamRecord<>(document("large", ChunkEmbedder.BATCH + 1)));
            harness.processElement(new StreamRecord<>(document("small", 1)));
            batchesDone.acquire(); // the small one's: the large one's first batch is held
            runPendingMails(harness);
            assertThat(harness.extractOutputValues()).as("the small one, embedded, waits for the large one").isEmpty();
            harness.snapshot(1L, 1L);

            releaseLarge.countDown();

            assertThat(awaitResults(harness, 2)).extracting(result -> result.embedded().ref().documentId())
                    .containsExactly("large", "small");
        }
    }

    /** The operator's timeout is a last resort (a model call that never returns): the document fails, not the job. */
    @Test
    void aDocumentPastTheOperatorsTimeoutFailsAloneAsTimeoutAtStageEmbed() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness = harness(OutputMode.UNORDERED, heldModel())) {
            harness.processElement(new StreamRecord<>(document("large", 1)));

            harness.setProcessingTime(BUDGET.operatorTimeout().toMillis() + 1);

            List<EmbedResult> results = awaitResults(harness, 1);
            DocumentOutcome failure = results.get(0).failure();
            assertThat(failure.documentId()).isEqualTo("large");
            assertThat(failure.indexed()).isFalse();
            assertThat(failure.stage()).isEqualTo(Stage.EMBED);
            assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failure.message()).contains(Long.toString(BUDGET.operatorTimeout().toSeconds()));
        }
    }

    @Test
    void itsResultIsAFlinkPojoSoNoKryoIsNeeded() {
        assertThat(TypeInformation.of(EmbedResult.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(ChunkedDocument.class)).isInstanceOf(PojoTypeInfo.class);
    }

    /** Embeds one value per segment; a segment of the document "large" waits for {@link #releaseLarge}. */
    private EmbeddingModel heldModel() {
        return ChunkEmbedderTest.model(segments -> {
            if (segments.get(0).text().startsWith("large")) {
                try {
                    releaseLarge.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
            }
            return Response.from(segments.stream().map(segment -> Embedding.from(new float[] {segment.text().length()})).toList());
        });
    }

    private OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness(OutputMode mode, EmbeddingModel model)
            throws Exception {
        return harness(mode, model, null);
    }

    private OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness(OutputMode mode, EmbeddingModel model,
            OperatorSubtaskState restoreFrom) throws Exception {
        EmbedChunksFunction function = new EmbedChunksFunction(EmbeddingModelChoice.DEFAULT, BUDGET) {
            @Override
            protected EmbeddingModel embeddingModel() {
                return model;
            }

            @Override
            protected Executor embeddingExecutor() {
                return batch -> threads.execute(() -> {
                    batch.run();
                    batchesDone.release();
                });
            }
        };
        SerializerConfigImpl serializers = new SerializerConfigImpl();
        serializers.setGenericTypes(false);
        OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, BUDGET.operatorTimeout().toMillis(), EmbedChunksFunction.DOCUMENTS_IN_FLIGHT,
                        mode),
                TypeInformation.of(ChunkedDocument.class).createSerializer(serializers));
        // results are copied through their serializer, as between chained operators
        harness.setup(TypeInformation.of(EmbedResult.class).createSerializer(serializers));
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    /** Runs the task's mails (where the operator emits what is done) until {@code count} results are out. */
    private static List<EmbedResult> awaitResults(OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness,
            int count) throws Exception {
        while (harness.extractOutputValues().size() < count) {
            harness.getTaskMailbox().take(TaskMailbox.MIN_PRIORITY).run();
        }
        return harness.extractOutputValues();
    }

    private static void runPendingMails(OneInputStreamOperatorTestHarness<ChunkedDocument, EmbedResult> harness) throws Exception {
        for (var mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY); mail.isPresent();
                mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)) {
            mail.get().run();
        }
    }

    private static ChunkedDocument document(String id, int chunks) {
        DocumentRef ref = new DocumentRef(id, "tenant", "kb", "kb-id", id + ".txt", id + ".txt", 100, DocumentRef.UPLOAD_TIME_UNKNOWN);
        return new ChunkedDocument(ref, "text/plain", 0, ChunkEmbedderTest.chunks(id, chunks));
    }
}
