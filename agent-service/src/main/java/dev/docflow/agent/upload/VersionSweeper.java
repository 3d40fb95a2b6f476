package dev.docflow.agent.upload;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.ObjectRemovalRepository;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the stored files no document needs any more: versions replaced by a newer indexed one
 * (scheduled by the ingestion job as it promotes the new one), versions that failed while an older
 * one stays served, and objects of uploads that died before their row was written. A removal waits
 * {@code grace} past its due time, so links already handed out keep working; an object a row still
 * names is never removed, whatever was scheduled.
 */
public final class VersionSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VersionSweeper.class);
    static final int BATCH = 100;
    static final long IDLE_MILLIS = 5_000;

    private final ObjectRemovalRepository removals;
    private final ObjectStore store;
    private final Duration grace;
    private final BackgroundLoop loop = new BackgroundLoop("docflow-version-sweeper", IDLE_MILLIS, this::sweep);

    public VersionSweeper(ObjectRemovalRepository removals, ObjectStore store, Duration grace) {
        this.removals = removals;
        this.store = store;
        this.grace = grace;
    }

    public void start() {
        loop.start();
    }

    /** Removes what is due now. */
    void sweep() {
        for (List<String> due = removals.due(grace.toSeconds(), BATCH); !due.isEmpty() && loop.running();
                due = removals.due(grace.toSeconds(), BATCH)) {
            for (String key : due) {
                if (removals.isReferenced(key)) {
                    LOG.warn("scheduled removal skipped: a document still names the file key={}", key);
                } else {
                    store.remove(key);
                    LOG.debug("replaced file removed key={}", key);
                }
                removals.cancel(key);
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
