package dev.docflow.cli;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.StatusCount;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The live progress line of a bulk ingestion, read from the documents' recorded outcomes:
 * {@code demo [###############.....] 3/4 documents (3 indexed, 0 failed), 212 chunks, 0.8 docs/s, ETA 1s, 4s}.
 */
public final class IngestionProgress {
    private final DocumentRepository documents;
    private final UUID knowledgeBaseId;
    private final String label;
    private final int total;
    private final long startNanos = System.nanoTime();

    public IngestionProgress(DocumentRepository documents, UUID knowledgeBaseId, String label, int total) {
        this.documents = documents;
        this.knowledgeBaseId = knowledgeBaseId;
        this.label = label;
        this.total = total;
    }

    public record Snapshot(long indexed, long failed, long chunks, double seconds) {
        public long done() {
            return indexed + failed;
        }
    }

    public Snapshot snapshot() {
        List<StatusCount> counts = documents.countByStatus(knowledgeBaseId);
        long indexed = 0;
        long failed = 0;
        long chunks = 0;
        for (StatusCount count : counts) {
            if (count.status() == DocumentStatus.INDEXED) {
                indexed = count.documents();
                chunks = count.chunks();
            } else if (count.status() == DocumentStatus.FAILED) {
                failed = count.documents();
            }
        }
        return new Snapshot(indexed, failed, chunks, (System.nanoTime() - startNanos) / 1e9);
    }

    String line(Snapshot s) {
        return line(label, total, s);
    }

    static final int BAR_WIDTH = 20;

    /** The line for {@code s} of {@code total} documents; the ETA is left out until a document is done. */
    public static String line(String label, int total, Snapshot s) {
        double rate = s.seconds() > 0 ? s.done() / s.seconds() : 0;
        long done = Math.min(s.done(), total);
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String eta = done >= total ? "" : rate > 0 ? ", ETA " + duration((total - done) / rate) : ", ETA ?";
        return String.format(Locale.ROOT, "%s [%s] %d/%d documents (%d indexed, %d failed), %d chunks, %.1f docs/s%s, %s",
                label, bar, s.done(), total, s.indexed(), s.failed(), s.chunks(), rate, eta, duration(s.seconds()));
    }

    /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
    public static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + "s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60);
    }

    /** Rewrites the line in place on a terminal; elsewhere prints it as a new line. */
    void print(PrintStream out, boolean terminal) {
        String line = line(snapshot());
        out.print(terminal ? "\r" + line : line + System.lineSeparator());
        out.flush();
    }
}
