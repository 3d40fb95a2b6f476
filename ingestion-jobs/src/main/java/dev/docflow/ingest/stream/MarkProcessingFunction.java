package dev.docflow.ingest.stream;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.DocumentVersions;
import dev.docflow.ingest.model.DocumentRef;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an uploaded document to {@code processing} as the streaming job takes it, so its status
 * says work has started ({@code uploaded → processing → indexed | failed}). The bulk job records
 * the same when it lists its documents. Upload events do not carry the upload time: it is read here
 * from the row ({@code created_at}), so both jobs take it from the same place.
 *
 * <p>An event whose version the row no longer names (a newer upload replaced it before it was
 * processed), or whose document has no row any more (deleted since), is dropped here: its chunks
 * would only be overwritten or orphaned, and chat could cite them meanwhile.
 */
public final class MarkProcessingFunction extends RichFlatMapFunction<DocumentRef, DocumentRef> {
    private static final Logger LOG = LoggerFactory.getLogger(MarkProcessingFunction.class);

    private final DatabaseSettings database;
    private transient Database db;
    private transient DocumentRepository documents;
    private transient MarkProcessingMetrics metrics;

    public MarkProcessingFunction(DatabaseSettings database) {
        this.database = database;
    }

    @Override
    public void open(OpenContext openContext) {
        db = Database.forSubtask(database);
        documents = db.documents();
        metrics = new MarkProcessingMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void flatMap(DocumentRef ref, Collector<DocumentRef> out) {
        metrics.received();
        UUID id = UUID.fromString(ref.documentId());
        Optional<DocumentVersions> versions = documents.versions(id);
        if (versions.isEmpty() || !versions.get().names(ref.objectKey())) {
            String reason = versions.isEmpty() ? MarkProcessingMetrics.DELETED : MarkProcessingMetrics.REPLACED;
            metrics.skipped(reason);
            LOG.info("upload event skipped documentId={} stage=mark-processing reason={} objectKey={}", ref.documentId(),
                    reason, ref.objectKey());
            return;
        }
        documents.markStarted(id);
        long uploadedAt = documents.uploadedAt(id).map(time -> time.toInstant().toEpochMilli())
                .orElseGet(System::currentTimeMillis);
        metrics.passed();
        out.collect(ref.withUploadedAt(uploadedAt));
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
