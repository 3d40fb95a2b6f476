package dev.docflow.ingest.stream;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.ingest.model.DocumentRef;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Moves an uploaded document to {@code processing} as the streaming job takes it, so its status
 * says work has started ({@code uploaded → processing → indexed | failed}). The bulk job records
 * the same when it lists its documents. Upload events do not carry the upload time: it is read here
 * from the row ({@code created_at}), so both jobs take it from the same place.
 */
public final class MarkProcessingFunction extends RichMapFunction<DocumentRef, DocumentRef> {
    private final DatabaseSettings database;
    private transient DocumentRepository documents;

    public MarkProcessingFunction(DatabaseSettings database) {
        this.database = database;
    }

    @Override
    public void open(OpenContext openContext) {
        documents = Database.open(database).documents();
    }

    @Override
    public DocumentRef map(DocumentRef ref) {
        UUID id = UUID.fromString(ref.documentId());
        documents.markStarted(id);
        // a row deleted since the upload leaves nothing citable; its chunks still need a time
        long uploadedAt = documents.uploadedAt(id).map(time -> time.toInstant().toEpochMilli())
                .orElseGet(System::currentTimeMillis);
        return ref.withUploadedAt(uploadedAt);
    }
}
