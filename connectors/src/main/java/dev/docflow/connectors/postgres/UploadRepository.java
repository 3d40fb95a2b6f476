package dev.docflow.connectors.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Uploads through the API and their events. A document and its upload event are written in one
 * transaction (the outbox); the service publishes pending events to Kafka and deletes them once
 * Kafka has them, so an upload survives the service dying between the two.
 */
@RegisterConstructorMapper(DocumentRecord.class)
@RegisterConstructorMapper(OutboxEntry.class)
public interface UploadRepository {

    /** A document of the knowledge base with exactly these bytes that was not given up on. */
    @SqlQuery("SELECT " + DocumentRepository.COLUMNS + " FROM documents WHERE knowledge_base_id = :kb"
            + " AND sha256 = :sha256 AND status <> 'failed' ORDER BY created_at LIMIT 1")
    Optional<DocumentRecord> findByHash(@Bind("kb") UUID knowledgeBaseId, @Bind("sha256") String sha256);

    @SqlUpdate("INSERT INTO documents (id, knowledge_base_id, object_key, file_name, size_bytes, sha256, status)"
            + " VALUES (:id, :kb, :key, :fileName, :size, :sha256, 'uploaded')"
            + " ON CONFLICT (id) DO UPDATE SET size_bytes = :size, sha256 = :sha256, status = 'uploaded',"
            + " failure_stage = NULL, failure_reason = NULL, failure_message = NULL, updated_at = now()")
    void upsertUploaded(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("key") String objectKey,
            @Bind("fileName") String fileName, @Bind("size") long sizeBytes, @Bind("sha256") String sha256);

    @SqlUpdate("INSERT INTO upload_outbox (document_id, event_key, payload) VALUES (:id, :key, :payload)")
    void insertEvent(@Bind("id") UUID documentId, @Bind("key") String eventKey, @Bind("payload") byte[] payload);

    /** Records the upload and its event together. */
    @Transaction
    default void recordUpload(UUID id, UUID knowledgeBaseId, String objectKey, String fileName, long sizeBytes,
            String sha256, byte[] event) {
        upsertUploaded(id, knowledgeBaseId, objectKey, fileName, sizeBytes, sha256);
        insertEvent(id, id.toString(), event);
    }

    @SqlQuery("SELECT id, event_key, payload FROM upload_outbox ORDER BY id LIMIT :limit")
    List<OutboxEntry> pendingEvents(@Bind("limit") int limit);

    @SqlUpdate("DELETE FROM upload_outbox WHERE id = :id")
    void deleteEvent(@Bind("id") long id);
}
