package dev.docflow.ingest.parse;

import java.io.Serializable;

/**
 * Per-document limits of the parse stage; a document over one fails alone with reason
 * {@code too_large}.
 */
public record ParseLimits(long maxFileBytes, long maxExtractedChars) implements Serializable {
    public static final ParseLimits DEFAULTS = new ParseLimits(512L * 1024 * 1024, 20_000_000L);
}
