package dev.docflow.cli;

import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.StatusCount;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The live progress line of a bulk ingestion, read from the documents' recorded outcomes:
 * {@code demo: 3/4 documents (3 indexed, 0 failed), 212 chunks, 0.8 docs/s, 12s}.
 */
final class IngestionProgress {
    private final DocumentRepository documents;
    private final UUID knowledgeBaseId;
    private final String label;
    private final int total;
    private final long startNanos = System.nanoTime();

    IngestionProgress(DocumentRepository documents, UUID knowledgeBaseId, String label, int total) {
        this.documents = documents;
        this.knowledgeBaseId = knowledgeBaseId;
        this.label = label;
        this.total = total;
    }

    record Snapshot(long indexed, long failed, long chunks, double seconds) {
        long done() {
            return indexed + failed;
        }
    }

    Snapshot snapshot() {
        List<StatusCount> counts = documents.countByStatus(knowledgeBaseId);
        long indexed = 0;
        long failed = 0;
        long chunks = 0;
        for (StatusCount count : counts) {
            if (count.status().equals("indexed")) {
                indexed = count.documents();
                chunks = count.chunks();
            } else if (count.status().equals("failed")) {
                failed = count.documents();
            }
        }
        return new Snapshot(indexed, failed, chunks, (System.nanoTime() - startNanos) / 1e9);
    }

    String line(Snapshot s) {
        double rate = s.seconds() > 0 ? s.done() / s.seconds() : 0;
        return String.format(Locale.ROOT, "%s: %d/%d documents (%d indexed, %d failed), %d chunks, %.1f docs/s, %.0fs",
                label, s.done(), total, s.indexed(), s.failed(), s.chunks(), rate, s.seconds());
    }

    /** Rewrites the line in place on a terminal; elsewhere prints it as a new line. */
    void print(PrintStream out, boolean terminal) {
        String line = line(snapshot());
        out.print(terminal ? "\r" + line : line + System.lineSeparator());
        out.flush();
    }
}
