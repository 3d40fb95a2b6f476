package dev.docflow.ingest.parse;

import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.ingest.ocr.OcrSettings;
import java.io.Serializable;

/**
 * What the parse stage does beyond reading text.
 *
 * @param tables detect tables on PDF pages (tabula)
 * @param ocr OCR of images and of PDF pages without a usable text layer (Tesseract)
 * @param isolation where all of it runs: child worker processes (the default) or a thread of the TaskManager
 */
public record ExtractionSettings(boolean tables, OcrSettings ocr, ParseIsolation isolation) implements Serializable {
    public static final ExtractionSettings DEFAULTS = new ExtractionSettings(true, OcrSettings.DEFAULTS);

    /** Isolated in worker processes ({@link ParseIsolation#DEFAULTS}). */
    public ExtractionSettings(boolean tables, OcrSettings ocr) {
        this(tables, ocr, ParseIsolation.DEFAULTS);
    }

    public ExtractionSettings withoutOcr() {
        return new ExtractionSettings(tables, ocr.withEnabled(false), isolation);
    }

    public ExtractionSettings withIsolation(ParseIsolation other) {
        return new ExtractionSettings(tables, ocr, other);
    }

    /**
     * As configured: {@code tables.enabled}, and {@code ocr.enabled}, {@code ocr.languages}
     * ({@code eng+deu}), {@code ocr.tessdata}, {@code ocr.dpi}, {@code ocr.min-text-chars} (letters and
     * digits under which a PDF page is OCR'd), {@code ocr.embedded-images}, {@code ocr.max-image-pixels},
     * {@code ocr.min-image-side}, {@code ocr.max-pages} (per document); and {@link ParseIsolation#from}.
     */
    public static ExtractionSettings from(ConfigSource source) {
        OcrSettings d = OcrSettings.DEFAULTS;
        return new ExtractionSettings(source.bool("tables.enabled", DEFAULTS.tables), new OcrSettings(
                source.bool("ocr.enabled", d.enabled()),
                source.text("ocr.languages", d.languages()),
                source.text("ocr.tessdata", d.tessdataPath()),
                source.integer("ocr.dpi", d.dpi()),
                source.integer("ocr.min-text-chars", d.minTextCharsPerPage()),
                source.bool("ocr.embedded-images", d.embeddedImages()),
                source.longInteger("ocr.max-image-pixels", d.maxImagePixels()),
                source.integer("ocr.min-image-side", d.minImageSide()),
                source.integer("ocr.max-pages", d.maxOcrPages())), ParseIsolation.from(source));
    }
}
