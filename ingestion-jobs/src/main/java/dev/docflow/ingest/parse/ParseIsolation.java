package dev.docflow.ingest.parse;

import dev.docflow.connectors.config.ConfigSource;
import java.io.Serializable;
import java.util.Locale;

/**
 * Where extraction runs. In {@link Mode#PROCESS} (the default) every parse subtask reads untrusted
 * bytes in child JVMs of its own, each with a small heap: a parser that exhausts memory, crashes in
 * native code or never returns takes down only that worker, which is killed and started again, and
 * its document fails ({@code out_of_memory}, {@code worker_crashed}, {@code timeout}); the
 * TaskManager, its other tenants' work and the embedding model are untouched. {@link Mode#THREAD}
 * parses inside the TaskManager on a worker thread (no start-up cost; for tests and small setups):
 * a stuck parser is abandoned there, at most {@link DocumentExtractor#MAX_STUCK_WORKERS} per
 * subtask, and an out-of-memory error hits the whole TaskManager.
 *
 * @param workerHeapBytes the {@code -Xmx} of each worker process
 * @param workers worker processes per parse subtask, started once and reused across documents
 */
public record ParseIsolation(Mode mode, long workerHeapBytes, int workers) implements Serializable {
    public enum Mode { PROCESS, THREAD }

    /** Below this a worker cannot even load Tika and Tesseract. */
    static final long MIN_WORKER_HEAP = 64L << 20;

    public static final ParseIsolation DEFAULTS = new ParseIsolation(Mode.PROCESS, 1L << 30, 1);
    public static final ParseIsolation IN_PROCESS = new ParseIsolation(Mode.THREAD, DEFAULTS.workerHeapBytes, 1);

    public ParseIsolation {
        if (mode == null) {
            throw new IllegalArgumentException("parse isolation needs a mode: process or thread");
        }
        if (workerHeapBytes < MIN_WORKER_HEAP) {
            throw new IllegalArgumentException(ConfigSource.describe("parse.worker-heap")
                    + " must be at least 64m; got " + workerHeapBytes + " bytes");
        }
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException(ConfigSource.describe("parse.workers") + " must be 1 to 16; got " + workers);
        }
    }

    public boolean isolated() {
        return mode == Mode.PROCESS;
    }

    public ParseIsolation withWorkerHeap(long bytes) {
        return new ParseIsolation(mode, bytes, workers);
    }

    public ParseIsolation withWorkers(int count) {
        return new ParseIsolation(mode, workerHeapBytes, count);
    }

    /** As configured: {@code parse.isolation} ({@code process}, {@code thread}), {@code parse.worker-heap}, {@code parse.workers}. */
    public static ParseIsolation from(ConfigSource source) {
        String mode = source.text("parse.isolation", "process").toLowerCase(Locale.ROOT);
        Mode parsed = switch (mode) {
            case "process" -> Mode.PROCESS;
            case "thread" -> Mode.THREAD;
            default -> throw new IllegalArgumentException(ConfigSource.describe("parse.isolation")
                    + " must be process (a child JVM per worker, the safe default) or thread (in the TaskManager); got '" + mode + "'");
        };
        return new ParseIsolation(parsed, source.bytes("parse.worker-heap", DEFAULTS.workerHeapBytes),
                source.integer("parse.workers", DEFAULTS.workers));
    }
}
