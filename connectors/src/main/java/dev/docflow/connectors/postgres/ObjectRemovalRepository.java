package dev.docflow.connectors.postgres;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Objects due to leave the store: versions a newer one replaced, and uploads from before their row
 * was written (an intent, cancelled when the row names the object). Whoever removes them checks
 * {@link #isReferenced} first, so a scheduled removal can never take a file a document serves.
 */
public interface ObjectRemovalRepository {

    /** Schedules the object's removal for {@code delaySeconds} from now (a later schedule wins). */
    @SqlUpdate("INSERT INTO object_removals (object_key, remove_after) VALUES (:key, now() + make_interval(secs => :delay))"
            + " ON CONFLICT (object_key) DO UPDATE SET remove_after = excluded.remove_after")
    void schedule(@Bind("key") String objectKey, @Bind("delay") long delaySeconds);

    @SqlUpdate("DELETE FROM object_removals WHERE object_key = :key")
    void cancel(@Bind("key") String objectKey);

    /** Keys whose removal was due {@code graceSeconds} ago or earlier, oldest first. */
    @SqlQuery("SELECT object_key FROM object_removals WHERE remove_after <= now() - make_interval(secs => :grace)"
            + " ORDER BY remove_after LIMIT :limit")
    List<String> due(@Bind("grace") long graceSeconds, @Bind("limit") int limit);

    /** Whether a document row serves the object or waits for it. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM documents WHERE object_key = :key OR pending_object_key = :key)")
    boolean isReferenced(@Bind("key") String objectKey);
}
