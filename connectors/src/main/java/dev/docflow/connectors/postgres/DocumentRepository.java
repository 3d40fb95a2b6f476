package dev.docflow.connectors.postgres;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.DocumentIds;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(DocumentRecord.class)
@RegisterConstructorMapper(StatusCount.class)
public interface DocumentRepository {
    String COLUMNS = "id, knowledge_base_id, object_key, file_name, size_bytes, status, failure_stage,"
            + " failure_reason, failure_message, page_count, chunk_count, created_at, updated_at";

    /**
     * Records a document of the bulk job as being processed: the listed object becomes the version
     * the row waits for (it stays the one served, or becomes it for a new row), keeping the counts
     * from an earlier run until replaced.
     *
     * @return the row's {@code created_at}: when the document was first uploaded
     */
    @SqlQuery("INSERT INTO documents (id, knowledge_base_id, object_key, file_name, size_bytes, etag, status,"
            + " pending_object_key, pending_size_bytes)"
            + " VALUES (:id, :kb, :key, :fileName, :size, :etag, 'processing', :key, :size)"
            + " ON CONFLICT (id) DO UPDATE SET pending_object_key = :key, pending_size_bytes = :size, pending_sha256 = NULL,"
            + " etag = :etag, status = 'processing',"
            + " failure_stage = NULL, failure_reason = NULL, failure_message = NULL, updated_at = now()"
            + " RETURNING created_at")
    OffsetDateTime markProcessing(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("key") String objectKey,
            @Bind("fileName") String fileName, @Bind("size") long sizeBytes, @Bind("etag") String etag);

    @SqlQuery("SELECT object_key, pending_object_key, status, indexed_at, sha256, pending_sha256 FROM documents"
            + " WHERE id = :id FOR UPDATE")
    @RegisterConstructorMapper(DocumentVersions.class)
    Optional<DocumentVersions> lockVersions(@Bind("id") UUID id);

    /** The versions the row names, read without a lock. */
    @SqlQuery("SELECT object_key, pending_object_key, status, indexed_at, sha256, pending_sha256 FROM documents WHERE id = :id")
    @RegisterConstructorMapper(DocumentVersions.class)
    Optional<DocumentVersions> versions(@Bind("id") UUID id);

    /** The pending version becomes the served one, indexed. */
    @SqlUpdate("UPDATE documents SET object_key = pending_object_key, sha256 = pending_sha256,"
            + " size_bytes = coalesce(pending_size_bytes, size_bytes), pending_object_key = NULL, pending_sha256 = NULL,"
            + " pending_size_bytes = NULL, status = 'indexed', page_count = :pages, chunk_count = :chunks,"
            + " failure_stage = NULL, failure_reason = NULL, failure_message = NULL, indexed_at = now(), updated_at = now()"
            + " WHERE id = :id")
    void promotePending(@Bind("id") UUID id, @Bind("pages") Integer pageCount, @Bind("chunks") int chunkCount);

    /** The pending version failed while an indexed one stays served: shown as the latest failure. */
    @SqlUpdate("UPDATE documents SET pending_object_key = NULL, pending_sha256 = NULL, pending_size_bytes = NULL,"
            + " status = 'indexed', failure_stage = :stage, failure_reason = :reason, failure_message = :message,"
            + " updated_at = now() WHERE id = :id")
    void dropFailedPending(@Bind("id") UUID id, @Bind("stage") Stage stage, @Bind("reason") FailureReason reason,
            @Bind("message") String message);

    /** The pending version failed and nothing indexed is served: it becomes the (failed) served version. */
    @SqlUpdate("UPDATE documents SET object_key = pending_object_key, sha256 = pending_sha256,"
            + " size_bytes = coalesce(pending_size_bytes, size_bytes), pending_object_key = NULL, pending_sha256 = NULL,"
            + " pending_size_bytes = NULL, status = 'failed', failure_stage = :stage, failure_reason = :reason,"
            + " failure_message = :message, chunk_count = 0, updated_at = now() WHERE id = :id")
    void failPending(@Bind("id") UUID id, @Bind("stage") Stage stage, @Bind("reason") FailureReason reason,
            @Bind("message") String message);

    @CreateSqlObject
    ObjectRemovalRepository removals();

    /** In the same transaction as the outcomes recorded with this repository. */
    @CreateSqlObject
    IngestionHeartbeatRepository heartbeats();

    /** As {@link #settleFailed(UUID, String, Stage, FailureReason, String, boolean)}, the served chunks untouched. */
    default boolean settleFailed(UUID id, String objectKey, Stage stage, FailureReason reason, String message) {
        return settleFailed(id, objectKey, stage, reason, message, true);
    }

    /**
     * Settles the version {@code objectKey} of a document as indexed, if it is the version the row
     * waits for: it becomes the version served, and the one it replaces is scheduled for removal.
     * An outcome of any other version (replaced by a newer upload while in flight) or of a document
     * being deleted changes nothing.
     *
     * @return whether the row changed
     */
    @Transaction
    default boolean settleIndexed(UUID id, String objectKey, Integer pageCount, int chunkCount) {
        Optional<DocumentVersions> versions = lockVersions(id);
        if (versions.isEmpty() || versions.get().isDeleting() || !objectKey.equals(versions.get().pendingObjectKey())) {
            return false;
        }
        promotePending(id, pageCount, chunkCount);
        if (!objectKey.equals(versions.get().objectKey())) {
            removals().schedule(versions.get().objectKey(), 0);
        }
        return true;
    }

    /**
     * Settles the version {@code objectKey} of a document as failed, if it is the version the row
     * waits for. When an indexed version is served and its chunks are intact, it stays served and
     * searchable, the failure is kept as the latest one and the failed version's file is scheduled
     * for removal; otherwise the document is {@code failed}, keeping the failed file. Outcomes of
     * other versions change nothing.
     *
     * @param servedChunksIntact false when the failure came after the served version's chunks were
     *     touched (the index refused the new version's chunks part way)
     * @return whether the row changed
     */
    @Transaction
    default boolean settleFailed(UUID id, String objectKey, Stage stage, FailureReason reason, String message,
            boolean servedChunksIntact) {
        Optional<DocumentVersions> found = lockVersions(id);
        if (found.isEmpty() || found.get().isDeleting() || !objectKey.equals(found.get().pendingObjectKey())) {
            return false;
        }
        DocumentVersions versions = found.get();
        if (servedChunksIntact && versions.indexedAt() != null && !objectKey.equals(versions.objectKey())) {
            dropFailedPending(id, stage, reason, message);
            removals().schedule(objectKey, 0);
        } else {
            failPending(id, stage, reason, message);
            if (!objectKey.equals(versions.objectKey())) {
                removals().schedule(versions.objectKey(), 0);
            }
        }
        return true;
    }

    /**
     * Whether the knowledge base's document still wants this version's chunks: its row exists in
     * that knowledge base, is not being deleted, and serves or waits for the version. The index
     * stage asks after its write (see {@code IndexChunksFunction}).
     */
    @SqlQuery("SELECT count(*) > 0 FROM documents WHERE id = :id AND knowledge_base_id = :kb AND status <> 'deleting'"
            + " AND (object_key = :key OR pending_object_key = :key)")
    boolean wantsVersion(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("key") String objectKey);

    /**
     * The id of the document at {@code path} of the knowledge base: {@link DocumentIds#of}, unless
     * the knowledge base has a row recorded under the id documents got before knowledge-base ids
     * were part of them, which keeps that id. Old rows of a knowledge base deleted since are gone
     * with it, so a knowledge base created again never picks one up.
     */
    default UUID idOf(KnowledgeBase knowledgeBase, String path) {
        UUID old = UUID.fromString(DocumentIds.beforeKnowledgeBaseIds(knowledgeBase.tenantId(), knowledgeBase.name(), path));
        return findIn(knowledgeBase.id(), old).isPresent() ? old
                : UUID.fromString(DocumentIds.of(knowledgeBase.tenantId(), knowledgeBase.id(), path));
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE id = :id")
    Optional<DocumentRecord> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE knowledge_base_id = :kb ORDER BY file_name")
    List<DocumentRecord> listByKnowledgeBase(@Bind("kb") UUID knowledgeBaseId);

    /** One page of a knowledge base's documents by name, all of them or those in one status. */
    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE knowledge_base_id = :kb"
            + " AND (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY file_name, id LIMIT :limit OFFSET :offset")
    List<DocumentRecord> page(@Bind("kb") UUID knowledgeBaseId, @Bind("status") DocumentStatus status,
            @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM documents WHERE knowledge_base_id = :kb"
            + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)")
    long count(@Bind("kb") UUID knowledgeBaseId, @Bind("status") DocumentStatus status);

    /** The document, if it is in that knowledge base: ids from a request are never trusted alone. */
    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE id = :id AND knowledge_base_id = :kb")
    Optional<DocumentRecord> findIn(@Bind("kb") UUID knowledgeBaseId, @Bind("id") UUID id);

    /** An uploaded document's work has started (a document in any other state is left as it is). */
    @SqlUpdate("UPDATE documents SET status = 'processing', updated_at = now() WHERE id = :id AND status = 'uploaded'")
    int markStarted(@Bind("id") UUID id);

    /** When the document was uploaded (its row's {@code created_at}); empty when it has no row. */
    @SqlQuery("SELECT created_at FROM documents WHERE id = :id")
    Optional<OffsetDateTime> uploadedAt(@Bind("id") UUID id);

    @SqlUpdate("DELETE FROM documents WHERE id = :id")
    void delete(@Bind("id") UUID id);

    @SqlUpdate("UPDATE documents SET status = 'deleting', updated_at = now() WHERE id = :id")
    void markDeleting(@Bind("id") UUID id);

    @SqlUpdate("UPDATE documents SET status = 'deleting', updated_at = now() WHERE knowledge_base_id = :kb")
    void markAllDeleting(@Bind("kb") UUID knowledgeBaseId);

    /**
     * Of these ids, those whose document exists, is not being deleted and has not failed (what chat
     * may cite: a failed document's file is not what its chunks were read from), with each one's
     * served object key for links to the file.
     */
    @SqlQuery("SELECT id, object_key FROM documents WHERE id = ANY(:ids) AND status NOT IN ('deleting', 'failed')")
    @RegisterConstructorMapper(CitableDocument.class)
    List<CitableDocument> citableDocuments(@Bind("ids") UUID[] ids);

    @SqlQuery("SELECT status, count(*) AS documents, coalesce(sum(chunk_count), 0) AS chunks FROM documents"
            + " WHERE knowledge_base_id = :kb GROUP BY status")
    List<StatusCount> countByStatus(@Bind("kb") UUID knowledgeBaseId);
}
