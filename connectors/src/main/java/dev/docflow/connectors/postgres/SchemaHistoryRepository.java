package dev.docflow.connectors.postgres;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Flyway's record of the migrations applied, read to check the schema before work starts. */
interface SchemaHistoryRepository {
    @SqlQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")
    boolean exists();

    @SqlQuery("SELECT coalesce(max(version::int), 0) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
    int version();
}
