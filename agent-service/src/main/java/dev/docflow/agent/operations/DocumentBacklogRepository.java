package dev.docflow.agent.operations;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The documents waiting for the pipeline, as operators watch them. Counted over the partial index
 * {@code documents_waiting} (V7), which holds only rows in those two statuses, so the read stays
 * cheap however many documents are indexed.
 */
@RegisterConstructorMapper(DocumentBacklog.class)
public interface DocumentBacklogRepository {
    @SqlQuery("SELECT count(*) FILTER (WHERE status = 'uploaded') AS uploaded,"
            + " count(*) FILTER (WHERE status = 'processing') AS processing"
            + " FROM documents WHERE status IN ('uploaded', 'processing')")
    DocumentBacklog backlog();
}
