package dev.docflow.ingest.parse;

import static dev.docflow.connectors.contract.FailureReason.*;

import dev.docflow.ingest.model.DocumentFailedException;

/**
 * What one document may still take of the {@link ParseLimits}: checked as parsing goes, so a
 * hostile file stops at the limit instead of after it has filled memory or disk.
 */
final class ExtractionBudget {
    private final ParseLimits limits;
    private final long deadlineNanos;
    private final long deadlineMillis;
    private long chars;
    private int pages;
    private int embeddedFiles;
    private long expandedBytes;

    ExtractionBudget(ParseLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxParseSeconds() * 1_000_000_000L;
        this.deadlineMillis = System.currentTimeMillis() + limits.maxParseSeconds() * 1_000L;
    }

    /**
     * When the document's whole time is up, by the wall clock: the stages after parsing (chunk,
     * embed) run on other operators and spend what is left of the same budget.
     */
    long deadlineMillis() {
        return deadlineMillis;
    }

    /** Throws {@code timeout} once the document's time is up, or when its thread was interrupted. */
    void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
            throw timeout();
        }
    }

    DocumentFailedException timeout() {
        return new DocumentFailedException(TIMEOUT,
                "parsing took longer than the limit of " + limits.maxParseSeconds() + " s");
    }

    boolean timeLeft() {
        return System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted();
    }

    void addChars(int count) {
        chars += count;
        if (chars > limits.maxExtractedChars()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "extracted text exceeds the limit of " + limits.maxExtractedChars() + " characters");
        }
    }

    /** Stops a reader early: {@code count} more characters would be over the limit. */
    void checkFits(long count) {
        if (chars + count > limits.maxExtractedChars()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "extracted text exceeds the limit of " + limits.maxExtractedChars() + " characters");
        }
    }

    void addPages(int count) {
        pages += count;
        if (pages > limits.maxPages()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "the document has more than the limit of " + limits.maxPages() + " pages");
        }
    }

    void enterEmbedded(int depth) {
        if (depth > limits.maxEmbeddedDepth()) {
            throw new DocumentFailedException(TOO_DEEP,
                    "files are nested more than " + limits.maxEmbeddedDepth() + " levels deep");
        }
        if (++embeddedFiles > limits.maxEmbeddedFiles()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "the document holds more than the limit of " + limits.maxEmbeddedFiles() + " embedded files");
        }
    }

    void addExpandedBytes(long count) {
        expandedBytes += count;
        if (expandedBytes > limits.maxExpandedBytes()) {
            throw new DocumentFailedException(TOO_LARGE,
                    "embedded files expand to more than the limit of " + limits.maxExpandedBytes() + " bytes");
        }
    }
}
