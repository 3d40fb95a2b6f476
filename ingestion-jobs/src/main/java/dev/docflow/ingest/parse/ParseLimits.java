package dev.docflow.ingest.parse;

import java.io.Serializable;

/**
 * Per-document limits of the parse stage. A document over one fails alone: {@code too_large},
 * {@code too_deep} or {@code timeout}. They bound the work and memory one hostile file can take.
 *
 * @param maxFileBytes size of the file as uploaded
 * @param maxExtractedChars characters of text extracted from the document and all its parts
 * @param maxPages pages over all paged parts
 * @param maxParseSeconds wall-clock time for parsing, OCR and tables together
 * @param maxEmbeddedDepth levels of files within files (a ZIP in a mail is depth 2)
 * @param maxEmbeddedFiles files embedded in the document, at every depth
 * @param maxExpandedBytes bytes of all embedded files once unpacked (what a ZIP bomb inflates)
 */
public record ParseLimits(
        long maxFileBytes,
        long maxExtractedChars,
        int maxPages,
        int maxParseSeconds,
        int maxEmbeddedDepth,
        int maxEmbeddedFiles,
        long maxExpandedBytes) implements Serializable {

    public static final ParseLimits DEFAULTS =
            new ParseLimits(512L << 20, 20_000_000L, 5_000, 600, 5, 1_000, 1L << 30);

    public ParseLimits withMaxParseSeconds(int seconds) {
        return new ParseLimits(maxFileBytes, maxExtractedChars, maxPages, seconds, maxEmbeddedDepth,
                maxEmbeddedFiles, maxExpandedBytes);
    }

    public ParseLimits withMaxExpandedBytes(long bytes) {
        return new ParseLimits(maxFileBytes, maxExtractedChars, maxPages, maxParseSeconds, maxEmbeddedDepth,
                maxEmbeddedFiles, bytes);
    }

    public ParseLimits withMaxPages(int pages) {
        return new ParseLimits(maxFileBytes, maxExtractedChars, pages, maxParseSeconds, maxEmbeddedDepth,
                maxEmbeddedFiles, maxExpandedBytes);
    }

    public ParseLimits withMaxExtractedChars(long chars) {
        return new ParseLimits(maxFileBytes, chars, maxPages, maxParseSeconds, maxEmbeddedDepth,
                maxEmbeddedFiles, maxExpandedBytes);
    }
}
