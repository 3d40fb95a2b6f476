package dev.docflow.ingest.ocr;

/**
 * Text read by OCR from one page or image.
 *
 * @param text the text, lines separated by '\n'; never null
 * @param confidence Tesseract's mean word confidence, 0–100 (0 when nothing was read); a page under
 *     about 60 is usually noise, a photo or handwriting rather than print
 * @param millis how long reading it took (straightening and turning included), for the OCR metrics
 * @param quartersTurned quarter turns clockwise the page was given to read it upright: 0 when it
 *     was read as it lay, 1 or 3 for a page scanned sideways, 2 for one upside down
 */
public record OcrText(String text, float confidence, long millis, int quartersTurned) {
    public static final OcrText EMPTY = new OcrText("", 0f, 0);

    public OcrText(String text, float confidence, long millis) {
        this(text, confidence, millis, 0);
    }

    public OcrText {
        if (text == null) {
            throw new IllegalArgumentException("OCR text must not be null; use OcrText.EMPTY");
        }
        if (!(confidence >= 0f && confidence <= 100f)) {
            throw new IllegalArgumentException("OCR confidence must be within 0–100, not " + confidence);
        }
        if (quartersTurned < 0 || quartersTurned > 3) {
            throw new IllegalArgumentException("OCR quarter turns must be 0–3, not " + quartersTurned);
        }
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
