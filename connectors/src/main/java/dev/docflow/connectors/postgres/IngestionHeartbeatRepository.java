package dev.docflow.connectors.postgres;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * When the streaming job reading an uploads topic last recorded an outcome: the sign that it works
 * through its queue, by which {@link UploadRepository#stuck} tells a long queue from a lost event.
 */
public interface IngestionHeartbeatRepository {
    @SqlUpdate("INSERT INTO ingestion_heartbeats (topic, recorded_at) VALUES (:topic, now())"
            + " ON CONFLICT (topic) DO UPDATE SET recorded_at = now()")
    void beat(@Bind("topic") String topic);
}
