package dev.docflow.ingest.parse;

import java.io.Serializable;

/**
 * What the parse stage does beyond reading text.
 *
 * @param tables detect tables on PDF pages (tabula)
 */
public record ExtractionSettings(boolean tables) implements Serializable {
    public static final ExtractionSettings DEFAULTS = new ExtractionSettings(true);
}
