package dev.docflow.ingest.parse;

import static dev.docflow.connectors.contract.FailureReason.*;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.ocr.TesseractOcr;
import dev.docflow.ingest.tables.PageTable;
import dev.docflow.ingest.tables.PdfTableExtractor;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parse stage of one document: its text, the files embedded in it, OCR of scanned pages and
 * images, and tables, within the {@link ParseLimits}. A document that cannot be read throws
 * {@link DocumentFailedException} with its reason; nothing it does stops the next one.
 *
 * <p>Extraction runs on a worker thread so that a parser stuck in a loop cannot hold the job: past
 * the time limit the worker is interrupted and abandoned, and the next document gets a new one.
 * A parser that ignores the interrupt (or spins in native code) keeps its thread: at most
 * {@link #MAX_STUCK_WORKERS} such threads are left behind by one extractor. With that many still
 * running, a document is not started but fails at once as {@code internal_error}, saying so: the
 * threads and their memory stay bounded and the TaskManager lives, and the logs say it needs a
 * restart to get its parse capacity back (a thread Java cannot stop is only freed with its
 * process). Not thread-safe: one per operator instance.
 */
public final class DocumentExtractor implements Extractor {
    /** Time past the limit a cooperative stop is given before the worker is abandoned. */
    private static final long GRACE_SECONDS = 5;
    /** {@link #GRACE_SECONDS}, for the isolated extractor, whose workers run this extractor. */
    public static final java.time.Duration GRACE = java.time.Duration.ofSeconds(GRACE_SECONDS);
    /** Abandoned workers still running that one extractor tolerates; each may hold a core and a parse's memory. */
    public static final int MAX_STUCK_WORKERS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentExtractor.class);

    private final ParseLimits limits;
    private final ExtractionSettings settings;
    private final PartExtractor parts;
    private final int maxStuckWorkers;
    private final List<Thread> abandoned = new ArrayList<>();
    private Worker worker;

    /** Tables are found by tabula ({@link PdfTableExtractor}) when the settings want them. */
    public DocumentExtractor(ParseLimits limits, ExtractionSettings settings) {
        this(limits, settings, tabula());
    }

    /** @param tables finds the tables on a PDF page (tabula); {@code null} for none */
    public DocumentExtractor(ParseLimits limits, ExtractionSettings settings, PdfPagePass.PageTables tables) {
        this(limits, settings, tables, MAX_STUCK_WORKERS);
    }

    DocumentExtractor(ParseLimits limits, ExtractionSettings settings, PdfPagePass.PageTables tables, int maxStuckWorkers) {
        this.limits = limits;
        this.settings = settings;
        this.parts = new PartExtractor(settings, tables);
        this.maxStuckWorkers = maxStuckWorkers;
    }

    /**
     * The thread extraction runs on, with its own Tesseract (an instance serves one thread only).
     * An abandoned worker frees its Tesseract when its last task finally returns.
     */
    private final class Worker {
        private volatile Thread thread;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread created = new Thread(runnable, "docflow-parse-worker");
            created.setDaemon(true);
            thread = created;
            return created;
        });
        private volatile boolean abandoned;
        private TesseractOcr tesseract;

        TesseractOcr tesseract() {
            if (tesseract == null) {
                tesseract = new TesseractOcr(settings.ocr());
            }
            return tesseract;
        }

        void closeTesseract() {
            if (tesseract != null) {
                tesseract.close();
                tesseract = null;
            }
        }

        void abandon() {
            abandoned = true;
            executor.shutdownNow();
        }

        void close() {
            executor.submit(this::closeTesseract);
            executor.shutdown();
        }
    }

    @Override
    public ExtractedDocument extract(DocumentRef ref, Path file) {
        long size = sizeOf(file);
        if (size == 0) {
            throw new DocumentFailedException(EMPTY, "the file is empty");
        }
        if (size > limits.maxFileBytes()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "the file has " + size + " bytes, over the limit of " + limits.maxFileBytes());
        }
        int stuck = stuckWorkers();
        if (stuck >= maxStuckWorkers) {
            LOG.error("document refused documentId={} stage=parse reason=internal_error: {} parse workers are still"
                    + " running documents that timed out and ignored the interrupt; restart the TaskManager", ref.documentId(), stuck);
            throw new DocumentFailedException(INTERNAL_ERROR, "not parsed: " + stuck
                    + " parse workers are stuck in earlier documents that ignored their time limit");
        }
        ExtractionBudget budget = new ExtractionBudget(limits);
        Worker current = worker();
        Future<ExtractedDocument> result = current.executor.submit(() -> {
            try {
                return extractOnWorker(ref, file, budget, current);
            } finally {
                if (current.abandoned) {
                    current.closeTesseract();
                }
            }
        });
        try {
            return result.get(limits.maxParseSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.abandon();
            if (worker.thread != null) {
                abandoned.add(worker.thread);
            }
            worker = null;
            throw budget.timeout();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentFailedException(TIMEOUT, "parsing was interrupted", e);
        } catch (ExecutionException e) {
            throw FailureClassifier.classify(e.getCause());
        }
    }

    private ExtractedDocument extractOnWorker(DocumentRef ref, Path file, ExtractionBudget budget, Worker current)
            throws IOException {
        Path scratch = Files.createTempDirectory("docflow-parts-");
        try {
            DocumentAssembler assembler = new DocumentAssembler();
            parts.extract(file, ref.fileName(), budget, scratch, assembler, current::tesseract);
            if (assembler.isEmpty()) {
                throw new DocumentFailedException(EMPTY, "no text found in the document");
            }
            return assembler.build(ref).withDeadline(budget.deadlineMillis());
        } finally {
            deleteTree(scratch);
        }
    }

    private static PdfPagePass.PageTables tabula() {
        PdfTableExtractor tabula = new PdfTableExtractor();
        return (pdf, page) -> tabula.extractPageOrNone(pdf, page).stream().map(PageTable::rows).toList();
    }

    /** Abandoned workers whose thread is still running. */
    int stuckWorkers() {
        abandoned.removeIf(thread -> !thread.isAlive());
        return abandoned.size();
    }

    private Worker worker() {
        if (worker == null) {
            worker = new Worker();
        }
        return worker;
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        parts.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
