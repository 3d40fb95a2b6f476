package dev.docflow.connectors.postgres;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DocumentRecord.class)
@RegisterConstructorMapper(StatusCount.class)
public interface DocumentRepository {
    String COLUMNS = "id, knowledge_base_id, object_key, file_name, size_bytes, status, failure_stage,"
            + " failure_reason, failure_message, page_count, chunk_count, created_at, updated_at";

    /**
     * Records a document as being processed, keeping its counts from an earlier run until replaced.
     *
     * @return the row's {@code created_at}: when the document was first uploaded
     */
    @SqlQuery("INSERT INTO documents (id, knowledge_base_id, object_key, file_name, size_bytes, etag, status)"
            + " VALUES (:id, :kb, :key, :fileName, :size, :etag, 'processing')"
            + " ON CONFLICT (id) DO UPDATE SET size_bytes = :size, etag = :etag, status = 'processing',"
            + " failure_stage = NULL, failure_reason = NULL, failure_message = NULL, updated_at = now()"
            + " RETURNING created_at")
    OffsetDateTime markProcessing(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("key") String objectKey,
            @Bind("fileName") String fileName, @Bind("size") long sizeBytes, @Bind("etag") String etag);

    @SqlUpdate("UPDATE documents SET status = 'indexed', page_count = :pages, chunk_count = :chunks,"
            + " failure_stage = NULL, failure_reason = NULL, failure_message = NULL, updated_at = now() WHERE id = :id")
    int markIndexed(@Bind("id") UUID id, @Bind("pages") Integer pageCount, @Bind("chunks") int chunkCount);

    @SqlUpdate("UPDATE documents SET status = 'failed', failure_stage = :stage, failure_reason = :reason,"
            + " failure_message = :message, chunk_count = 0, updated_at = now() WHERE id = :id")
    int markFailed(@Bind("id") UUID id, @Bind("stage") String stage, @Bind("reason") String reasonCode,
            @Bind("message") String message);

    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE id = :id")
    Optional<DocumentRecord> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE knowledge_base_id = :kb ORDER BY file_name")
    List<DocumentRecord> listByKnowledgeBase(@Bind("kb") UUID knowledgeBaseId);

    /** One page of a knowledge base's documents by name, all of them or those in one status. */
    @SqlQuery("SELECT " + COLUMNS + " FROM documents WHERE knowledge_base_id = :kb"
            + " AND (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY file_name, id LIMIT :limit OFFSET :offset")
    List<DocumentRecord> page(@Bind("kb") UUID knowledgeBaseId, @Bind("status") String status,
            @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM documents WHERE knowledge_base_id = :kb"
            + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)")
    long count(@Bind("kb") UUID knowledgeBaseId, @Bind("status") String status);

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
     * Of these ids, those whose document exists and is not being deleted (what chat may cite), with
     * each one's object key for links to the file.
     */
    @SqlQuery("SELECT id, object_key FROM documents WHERE id = ANY(:ids) AND status <> 'deleting'")
    @RegisterConstructorMapper(CitableDocument.class)
    List<CitableDocument> citableDocuments(@Bind("ids") UUID[] ids);

    @SqlQuery("SELECT status, count(*) AS documents, coalesce(sum(chunk_count), 0) AS chunks FROM documents"
            + " WHERE knowledge_base_id = :kb GROUP BY status")
    List<StatusCount> countByStatus(@Bind("kb") UUID knowledgeBaseId);
}
