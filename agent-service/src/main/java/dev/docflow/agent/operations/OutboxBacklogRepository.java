package dev.docflow.agent.operations;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The outbox as operators watch it. One aggregate over a table that holds only the events not yet
 * published (normally none or a few), so reading it is cheap; {@link CachedReading} reads it
 * at most every few seconds however often it is scraped.
 */
@RegisterConstructorMapper(OutboxBacklog.class)
public interface OutboxBacklogRepository {
    @SqlQuery("SELECT count(*) AS events, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest_age_seconds"
            + " FROM upload_outbox")
    OutboxBacklog backlog();
}
