package dev.docflow.agent.upload;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.StuckDocument;
import dev.docflow.connectors.postgres.UploadRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees that no uploaded document stays {@code uploaded} or {@code processing} for ever. A version
 * that has waited {@link ReconcileSettings#stuckAfter} for its outcome with no event left in the
 * outbox lost its event (expired from Kafka before the job read it, skipped as unreadable) or its
 * processing: its event is published again, which is safe (chunk ids are deterministic and only the
 * version a row waits for is settled). After {@link ReconcileSettings#maxAttempts} the document
 * ends {@code failed} with reason {@code lost}; one whose file is gone ends {@code file_missing}.
 * While the streaming job records outcomes, no document counts as stuck: it is queued (see
 * {@code UploadRepository.stuck}).
 */
public final class StuckDocumentReconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StuckDocumentReconciler.class);
    static final int BATCH = 100;
    /** The stage a reconciler's failure is reported at: the document never got through ingestion. */
    static final Stage STAGE = Stage.INGEST;

    private final UploadRepository uploads;
    private final DocumentRepository documents;
    private final ObjectStore store;
    private final OutboxPublisher publisher;
    private final ReconcileSettings settings;
    private final String uploadsTopic;
    private final BackgroundLoop loop;

    /** @param uploadsTopic the topic the streaming job reads, whose heartbeat tells a queue from a loss */
    public StuckDocumentReconciler(UploadRepository uploads, DocumentRepository documents, ObjectStore store,
            OutboxPublisher publisher, ReconcileSettings settings, String uploadsTopic) {
        this.uploads = uploads;
        this.uploadsTopic = uploadsTopic;
        this.documents = documents;
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.loop = new BackgroundLoop("docflow-reconciler", settings.interval().toMillis(), this::reconcile);
    }

    public void start() {
        loop.start();
    }

    void reconcile() {
        List<StuckDocument> stuck = uploads.stuck(settings.stuckAfter().toSeconds(), uploadsTopic, BATCH);
        for (StuckDocument document : stuck) {
            if (!loop.running()) {
                return;
            }
            settle(document);
        }
        if (!stuck.isEmpty()) {
            publisher.wake();
        }
    }

    private void settle(StuckDocument document) {
        String key = document.pendingObjectKey();
        if (!store.exists(key)) {
            documents.settleFailed(document.id(), key, STAGE, FailureReason.FILE_MISSING,
                    "the uploaded file is no longer in the object store");
            LOG.warn("stuck document failed documentId={} stage={} reason=file_missing key={}", document.id(), STAGE, key);
        } else if (document.reconcileAttempts() >= settings.maxAttempts()) {
            documents.settleFailed(document.id(), key, STAGE, FailureReason.LOST, "no ingestion outcome after the upload event was"
                    + " published " + (document.reconcileAttempts() + 1) + " times, "
                    + settings.stuckAfter().toMinutes() + " min apart; upload the file again");
            LOG.warn("stuck document failed documentId={} stage={} reason=lost attempts={}", document.id(), STAGE,
                    document.reconcileAttempts());
        } else {
            UploadEvent event = new UploadEvent(document.id().toString(), document.tenantId(), document.knowledgeBase(),
                    document.knowledgeBaseId().toString(),
                    key, document.fileName(), document.pendingSizeBytes());
            if (uploads.republish(document, event.toJson())) {
                LOG.info("stuck document published again documentId={} attempt={}", document.id(),
                        document.reconcileAttempts() + 1);
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
