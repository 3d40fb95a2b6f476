package dev.docflow.ingest.parse;

import dev.docflow.connectors.config.ConfigSource;
import java.io.Serializable;

/**
 * What the parse stage does beyond reading text.
 *
 * @param tables detect tables on PDF pages (tabula)
 */
public record ExtractionSettings(boolean tables) implements Serializable {
    public static final ExtractionSettings DEFAULTS = new ExtractionSettings(true);

    /** As configured: {@code tables.enabled}. */
    public static ExtractionSettings from(ConfigSource source) {
        return new ExtractionSettings(source.bool("tables.enabled", DEFAULTS.tables));
    }
}
