package dev.docflow.ingest.parse.worker;

import static dev.docflow.connectors.contract.FailureReason.*;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.Extractor;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.parse.worker.Frames.Frame;
import dev.docflow.ingest.parse.worker.Frames.Type;
import dev.docflow.ingest.parse.worker.ParseWorker.WorkerGoneException;
import dev.docflow.ingest.parse.worker.WorkerMessages.ExtractRequest;
import dev.docflow.ingest.parse.worker.WorkerMessages.Failure;
import dev.docflow.ingest.parse.worker.WorkerMessages.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction in child worker processes ({@link ParseWorkerMain}), started once and reused across
 * documents: a small pool, {@code parse.workers} per parse subtask. A worker that exceeds the
 * document's time budget is killed; one that dies, runs out of its heap or breaks the protocol is
 * gone; either way its document fails with stage {@code parse} ({@code timeout},
 * {@code out_of_memory}, {@code worker_crashed}) and a new worker is started at once, so the next
 * document finds it booting or ready. A worker whose document timed out inside it (a parser it had
 * to abandon) is replaced too. So there are never more than {@code parse.workers} processes per
 * subtask, each with its reader thread, and nothing a file does reaches the TaskManager's heap.
 *
 * <p>Thread-safe: each call holds one worker of the pool for the duration of its document.
 */
public final class IsolatedExtractor implements Extractor {
    /** Exit code of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;
    /** A JVM with Tika and Tesseract on its class path starts in 1–3 s here; a slow machine gets more. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Past the document's budget the worker's own extractor stops cooperatively and says
     * {@code timeout} (after its 5 s grace); only a worker silent beyond that as well is killed.
     */
    static final Duration KILL_MARGIN = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(IsolatedExtractor.class);

    private final ParseLimits limits;
    private final WorkerCommand command;
    private final byte[] settings;
    private final int maxReplyBytes;
    private final Duration replyTimeout;
    private final List<Slot> slots = new ArrayList<>();
    private final BlockingQueue<Slot> free;

    /** One place in the pool; its worker is replaced when it goes. */
    private static final class Slot {
        volatile ParseWorker worker;
    }

    public IsolatedExtractor(ParseLimits limits, ExtractionSettings extraction) {
        this(limits, extraction, WorkerCommand.parseWorker(extraction.isolation().workerHeapBytes()), replyTimeout(limits));
    }

    /**
     * With another worker main and a reply timeout (tests). Workers are started at once, so their
     * JVMs boot while the first file is fetched.
     */
    IsolatedExtractor(ParseLimits limits, ExtractionSettings extraction, WorkerCommand command, Duration replyTimeout) {
        this.limits = limits;
        this.command = command;
        this.replyTimeout = replyTimeout;
        this.settings = WorkerMessages.settings(new Settings(limits, extraction));
        this.maxReplyBytes = maxReplyBytes(limits);
        int workers = extraction.isolation().workers();
        this.free = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            Slot slot = new Slot();
            slot.worker = startOrNull();
            slots.add(slot);
            free.add(slot);
        }
    }

    /**
     * The largest reply accepted: the text at its limit in UTF-8 (at most 3 bytes a character, 4 for
     * two), table cells repeating it once more, and the blocks.
     */
    static int maxReplyBytes(ParseLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 64, limits.maxExtractedChars() * 7 + (64L << 20));
    }

    /** How long a worker may stay silent on a document before it is killed. */
    static Duration replyTimeout(ParseLimits limits) {
        return Duration.ofSeconds(limits.maxParseSeconds()).plus(DocumentExtractor.GRACE).plus(KILL_MARGIN);
    }

    @Override
    public ExtractedDocument extract(DocumentRef ref, Path file) {
        Slot slot;
        try {
            slot = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentFailedException(TIMEOUT, "parsing was interrupted", e);
        }
        try {
            return extractOn(slot, ref, file);
        } finally {
            free.add(slot);
        }
    }

    private ExtractedDocument extractOn(Slot slot, DocumentRef ref, Path file) {
        byte[] request = WorkerMessages.request(new ExtractRequest(ref, file.toAbsolutePath()));
        ParseWorker worker = ready(slot);
        try {
            worker.send(Type.EXTRACT, request);
        } catch (IOException e) {
            // it went before it took the document (died while idle): the document goes to a new worker
            replace(slot, ref, "gone before its document");
            worker = ready(slot);
            try {
                worker.send(Type.EXTRACT, request);
            } catch (IOException again) {
                throw new ParseWorkerUnavailableException("a new parse worker took no document", again);
            }
        }
        Frame reply;
        try {
            reply = worker.await(maxReplyBytes, replyTimeout);
        } catch (TimeoutException e) {
            replace(slot, ref, TIMEOUT.code());
            throw new DocumentFailedException(TIMEOUT, "parsing took longer than the limit of "
                    + limits.maxParseSeconds() + " s; its worker process was killed");
        } catch (WorkerGoneException e) {
            replace(slot, ref, (e.exitCode() == OUT_OF_MEMORY_EXIT ? OUT_OF_MEMORY : WORKER_CRASHED).code());
            throw died(e);
        } catch (InterruptedException e) {
            replace(slot, ref, "interrupted");
            Thread.currentThread().interrupt();
            throw new DocumentFailedException(TIMEOUT, "parsing was interrupted", e);
        }
        return read(slot, ref, reply);
    }

    private ExtractedDocument read(Slot slot, DocumentRef ref, Frame reply) {
        try {
            if (reply.type() == Type.EXTRACTED) {
                return WorkerMessages.extracted(ref, reply.payload());
            }
            if (reply.type() == Type.FAILED) {
                Failure failure = WorkerMessages.failure(reply.payload());
                if (failure.reason() == TIMEOUT || failure.reason() == INTERNAL_ERROR) {
                    // it may still run an abandoned parser, or be in a state of ours we do not trust
                    replace(slot, ref, failure.reason().code());
                }
                throw new DocumentFailedException(failure.reason(), failure.message());
            }
            throw new Frames.ProtocolException("unexpected " + reply.type());
        } catch (Frames.ProtocolException e) {
            replace(slot, ref, WORKER_CRASHED.code());
            throw new DocumentFailedException(WORKER_CRASHED, "the parse worker's reply was broken: " + e.getMessage(), e);
        }
    }

    private DocumentFailedException died(WorkerGoneException e) {
        if (e.exitCode() == OUT_OF_MEMORY_EXIT) {
            return new DocumentFailedException(OUT_OF_MEMORY, "parsing ran out of the worker's memory ("
                    + (command.heapBytes() >> 20) + " MB, parse.worker-heap); its worker process ended", e);
        }
        return new DocumentFailedException(WORKER_CRASHED, "the parse worker process died on this document ("
                + (e.exitCode() == -1 ? "a broken reply" : "exit code " + e.exitCode()) + ")", e);
    }

    /** The slot's worker, started if it has none or it died while idle, and ready. */
    private ParseWorker ready(Slot slot) {
        if (slot.worker != null && !slot.worker.isAlive()) {
            LOG.warn("parse worker pid={} ended while idle; starting another", slot.worker.pid());
            slot.worker.stop();
            slot.worker = null;
        }
        if (slot.worker == null) {
            slot.worker = start();
        }
        try {
            slot.worker.awaitReady(STARTUP_TIMEOUT);
            return slot.worker;
        } catch (WorkerGoneException | TimeoutException e) {
            slot.worker.kill();
            slot.worker = null;
            throw new ParseWorkerUnavailableException("a parse worker did not start: " + e.getMessage()
                    + " (main class " + command.mainClass() + ", heap " + (command.heapBytes() >> 20) + " MB)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentFailedException(TIMEOUT, "parsing was interrupted", e);
        }
    }

    /** Kills the slot's worker and starts its successor without waiting for it. */
    private void replace(Slot slot, DocumentRef ref, String why) {
        long pid = slot.worker.pid();
        int exitCode = slot.worker.kill();
        slot.worker = startOrNull();
        LOG.info("parse worker replaced documentId={} stage=parse reason={} pid={} exitCode={}",
                ref.documentId(), why, pid, exitCode);
    }

    private ParseWorker start() {
        try {
            return ParseWorker.start(command, settings);
        } catch (IOException e) {
            throw new ParseWorkerUnavailableException("a parse worker did not start: " + e.getMessage(), e);
        }
    }

    /** A new worker, or none when it cannot start now: the next document tries again and fails the task if it still cannot. */
    private ParseWorker startOrNull() {
        try {
            return ParseWorker.start(command, settings);
        } catch (IOException e) {
            LOG.warn("a parse worker did not start: {}", e.getMessage());
            return null;
        }
    }

    /** The pids of the pool's live workers (for operators' logs and tests). */
    public List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        for (Slot slot : slots) {
            ParseWorker worker = slot.worker;
            if (worker != null && worker.isAlive()) {
                pids.add(worker.pid());
            }
        }
        return pids;
    }

    @Override
    public void close() {
        for (Slot slot : slots) {
            if (slot.worker != null) {
                slot.worker.stop();
                slot.worker = null;
            }
        }
    }
}
