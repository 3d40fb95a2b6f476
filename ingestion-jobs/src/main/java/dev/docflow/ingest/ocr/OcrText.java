package dev.docflow.ingest.ocr;

/**
 * Text read by OCR from one page or image.
 *
 * @param text the text, lines separated by '\n'; never null
 * @param confidence Tesseract's mean word confidence, 0–100 (0 when nothing was read); a page under
 *     about 60 is usually noise, a photo or handwriting rather than print
 * @param millis how long reading it took (straightening included), for the OCR metrics
 */
public record OcrText(String text, float confidence, long millis) {
    public static final OcrText EMPTY = new OcrText("", 0f, 0);

    public OcrText {
        if (text == null) {
            throw new IllegalArgumentException("OCR text must not be null; use OcrText.EMPTY");
        }
        if (!(confidence >= 0f && confidence <= 100f)) {
            throw new IllegalArgumentException("OCR confidence must be within 0–100, not " + confidence);
        }
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
