package dev.docflow.agent.upload;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.ObjectRemovalRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;

    public VersionSweeper(ObjectRemovalRepository removals, ObjectStore store, Duration grace) {
        this.removals = removals;
        this.store = store;
        this.grace = grace;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "docflow-version-sweeper");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        while (running) {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("replaced files not removed yet, will retry cause={}", e.toString());
            }
            try {
                wakeUp.tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Removes what is due now; returns how many objects went. */
    public int sweep() {
        int removed = 0;
        for (List<String> due = removals.due(grace.toSeconds(), BATCH); !due.isEmpty() && running;
                due = removals.due(grace.toSeconds(), BATCH)) {
            for (String key : due) {
                if (removals.isReferenced(key)) {
                    LOG.warn("scheduled removal skipped: a document still names the file key={}", key);
                } else {
                    store.remove(key);
                    removed++;
                    LOG.debug("replaced file removed key={}", key);
                }
                removals.cancel(key);
            }
        }
        return removed;
    }

    @Override
    public void close() {
        running = false;
        wakeUp.release();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
