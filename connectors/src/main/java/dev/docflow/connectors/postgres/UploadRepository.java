package dev.docflow.connectors.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Uploads through the API and their events. Each upload is a version stored under its own object
 * key; a document's row, the version it waits for and its upload event are written in one
 * transaction (the outbox). The service publishes pending events to Kafka and deletes them once
 * Kafka has them, so an upload survives the service dying between the two.
 */
@RegisterConstructorMapper(DocumentRecord.class)
@RegisterConstructorMapper(OutboxEntry.class)
public interface UploadRepository {

    /**
     * Another document of the knowledge base that holds or waits for exactly these bytes and was
     * not given up on.
     */
    @SqlQuery("SELECT " + DocumentRepository.COLUMNS + " FROM documents WHERE knowledge_base_id = :kb AND id <> :id"
            + " AND status <> 'deleting' AND ((sha256 = :sha256 AND status <> 'failed') OR pending_sha256 = :sha256)"
            + " ORDER BY created_at LIMIT 1")
    Optional<DocumentRecord> findOtherByHash(@Bind("kb") UUID knowledgeBaseId, @Bind("id") UUID documentId,
            @Bind("sha256") String sha256);

    @SqlQuery("SELECT object_key, pending_object_key, status, indexed_at, sha256, pending_sha256 FROM documents"
            + " WHERE id = :id FOR UPDATE")
    @RegisterConstructorMapper(DocumentVersions.class)
    Optional<DocumentVersions> lockVersions(@Bind("id") UUID id);

    /** A new document whose first version is {@code key}; false when its row exists already. */
    @SqlUpdate("INSERT INTO documents (id, knowledge_base_id, object_key, file_name, size_bytes, sha256, status,"
            + " pending_object_key, pending_sha256, pending_size_bytes)"
            + " VALUES (:id, :kb, :key, :fileName, :size, :sha256, 'uploaded', :key, :sha256, :size)"
            + " ON CONFLICT (id) DO NOTHING")
    boolean insertFirstVersion(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("key") String objectKey,
            @Bind("fileName") String fileName, @Bind("size") long sizeBytes, @Bind("sha256") String sha256);

    /** {@code key} becomes the version the document waits for; the served one stays until it is indexed. */
    @SqlUpdate("UPDATE documents SET pending_object_key = :key, pending_sha256 = :sha256, pending_size_bytes = :size,"
            + " status = 'uploaded', failure_stage = NULL, failure_reason = NULL, failure_message = NULL,"
            + " reconcile_attempts = 0, updated_at = now() WHERE id = :id")
    void stagePendingVersion(@Bind("id") UUID id, @Bind("key") String objectKey, @Bind("size") long sizeBytes,
            @Bind("sha256") String sha256);

    @SqlUpdate("INSERT INTO upload_outbox (document_id, event_key, payload) VALUES (:id, :key, :payload)")
    void insertEvent(@Bind("id") UUID documentId, @Bind("key") String eventKey, @Bind("payload") byte[] payload);

    @CreateSqlObject
    ObjectRemovalRepository removals();

    /**
     * Uploaded versions that have waited longer than {@code stuckSeconds} for an outcome with no
     * event left to publish, while the streaming job reading {@code topic} has recorded no outcome
     * for as long: their event was lost (expired from Kafka unread, skipped by the job) or their
     * processing died. While the job records outcomes, a version that waits is queued behind
     * others (a burst of uploads the job takes hours to work through), and publishing it again
     * would only queue it twice and, after the last attempt, fail as lost a document whose event
     * is still in the queue. Versions the bulk job listed are its own to settle.
     */
    @SqlQuery("SELECT d.id, k.tenant_id, k.name AS knowledge_base, k.id AS knowledge_base_id, d.pending_object_key, d.file_name,"
            + " d.pending_size_bytes, d.reconcile_attempts FROM documents d"
            + " JOIN knowledge_bases k ON k.id = d.knowledge_base_id"
            + " WHERE d.status IN ('uploaded', 'processing') AND d.pending_sha256 IS NOT NULL"
            + " AND d.updated_at < now() - make_interval(secs => :stuck)"
            + " AND NOT EXISTS (SELECT 1 FROM upload_outbox o WHERE o.document_id = d.id)"
            + " AND NOT EXISTS (SELECT 1 FROM ingestion_heartbeats h WHERE h.topic = :topic"
            + " AND h.recorded_at >= now() - make_interval(secs => :stuck))"
            + " ORDER BY d.updated_at LIMIT :limit")
    @RegisterConstructorMapper(StuckDocument.class)
    List<StuckDocument> stuck(@Bind("stuck") long stuckSeconds, @Bind("topic") String topic, @Bind("limit") int limit);

    /** Counts an attempt and restarts the document's wait, if it still waits for that version. */
    @SqlUpdate("UPDATE documents SET reconcile_attempts = reconcile_attempts + 1, updated_at = now()"
            + " WHERE id = :id AND pending_object_key = :key")
    boolean countReconcileAttempt(@Bind("id") UUID id, @Bind("key") String pendingObjectKey);

    /** Publishes the pending version's event again through the outbox. */
    @Transaction
    default boolean republish(StuckDocument document, byte[] event) {
        if (!countReconcileAttempt(document.id(), document.pendingObjectKey())) {
            return false;
        }
        insertEvent(document.id(), document.id().toString(), event);
        return true;
    }

    @SqlQuery("SELECT id, event_key, payload FROM upload_outbox ORDER BY id LIMIT :limit")
    List<OutboxEntry> pendingEvents(@Bind("limit") int limit);

    @SqlUpdate("DELETE FROM upload_outbox WHERE id = :id")
    void deleteEvent(@Bind("id") long id);
}
