package dev.docflow.ingest.ocr;

/**
 * Whether a PDF page's own text is too thin to trust, so the page should be OCR'd. Scans often carry
 * a few characters of text (a stamped page number, a fax header); counting only letters and digits
 * keeps whitespace and dot leaders from passing a scan off as text.
 */
public final class ThinTextLayerRule {
    private final int minChars;

    public ThinTextLayerRule(OcrSettings settings) {
        this.minChars = settings.minTextCharsPerPage();
    }

    /** @param pageText the page's text layer, null or empty for none */
    public boolean needsOcr(String pageText) {
        if (pageText == null) {
            return true;
        }
        long letters = pageText.codePoints().filter(Character::isLetterOrDigit).limit(minChars).count();
        return letters < minChars;
    }
}
