package dev.docflow.ingest.parse;

import dev.docflow.connectors.config.ConfigSource;
import java.io.Serializable;

/**
 * Per-document limits of the parse stage. A document over one fails alone: {@code too_large},
 * {@code too_deep} or {@code timeout}. They bound the work and memory one hostile file can take.
 *
 * @param maxFileBytes size of the file as uploaded
 * @param maxExtractedChars characters of text extracted from the document and all its parts
 * @param maxPages pages over all paged parts
 * @param maxParseSeconds wall-clock time for the document's whole processing: parsing, OCR and
 *     tables here, then chunking and embedding with what is left (the one time budget of a document)
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

    public ParseLimits {
        if (maxFileBytes <= 0 || maxExtractedChars <= 0 || maxPages <= 0 || maxParseSeconds < 0
                || maxEmbeddedDepth < 0 || maxEmbeddedFiles < 0 || maxExpandedBytes <= 0) {
            throw new IllegalArgumentException("parse limits must be positive: " + this);
        }
    }

    /**
     * The limits as configured: {@code parse.max-file-bytes}, {@code parse.max-extracted-chars},
     * {@code parse.max-pages}, {@code parse.max-seconds}, {@code parse.max-embedded-depth},
     * {@code parse.max-embedded-files}, {@code parse.max-expanded-bytes}; sizes take {@code k},
     * {@code m} and {@code g}.
     */
    public static ParseLimits from(ConfigSource source) {
        return new ParseLimits(
                source.bytes("parse.max-file-bytes", DEFAULTS.maxFileBytes),
                source.longInteger("parse.max-extracted-chars", DEFAULTS.maxExtractedChars),
                source.integer("parse.max-pages", DEFAULTS.maxPages),
                source.integer("parse.max-seconds", DEFAULTS.maxParseSeconds),
                source.integer("parse.max-embedded-depth", DEFAULTS.maxEmbeddedDepth),
                source.integer("parse.max-embedded-files", DEFAULTS.maxEmbeddedFiles),
                source.bytes("parse.max-expanded-bytes", DEFAULTS.maxExpandedBytes));
    }

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
