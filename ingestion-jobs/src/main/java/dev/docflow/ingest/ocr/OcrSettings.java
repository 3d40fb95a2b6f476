package dev.docflow.ingest.ocr;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How documents are OCR'd. Travels with the job (serialisable); the Tesseract engine itself is built
 * where it runs, one per worker thread.
 *
 * @param enabled OCR at all; off, scanned pages and images simply yield no text
 * @param languages Tesseract languages, '+'-joined ("eng", "eng+deu"); each needs its
 *     {@code <lang>.traineddata} in {@code tessdataPath}
 * @param tessdataPath folder holding the {@code .traineddata} files
 * @param dpi resolution PDF pages are rendered at for OCR; 300 is where Tesseract reads best
 * @param minTextCharsPerPage letters and digits below which a PDF page's text layer counts as thin
 *     (a scan, or a scan with a stray header) and the page is OCR'd instead
 * @param embeddedImages OCR images embedded in office documents (DOCX, PPTX), not only image files
 * @param maxImagePixels width × height a page or image may have: checked before decoding, so a
 *     small file that claims a huge image cannot exhaust memory
 * @param minImageSide images narrower or shorter than this (icons, bullets, rules) are skipped
 * @param maxOcrPages pages and image frames OCR'd per document at most: OCR costs about a second a
 *     page, so this bounds one document's share of a worker
 */
public record OcrSettings(
        boolean enabled,
        String languages,
        String tessdataPath,
        int dpi,
        int minTextCharsPerPage,
        boolean embeddedImages,
        long maxImagePixels,
        int minImageSide,
        int maxOcrPages) implements Serializable {

    /** Where Debian, Ubuntu, Fedora and source builds put tessdata, newest layout first. */
    static final List<String> KNOWN_TESSDATA_DIRS = List.of(
            "/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata",
            "/usr/local/share/tessdata");

    private static final Pattern LANGUAGES = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    public static final OcrSettings DEFAULTS =
            new OcrSettings(true, "eng", defaultTessdataPath(), 300, 50, true, 100_000_000L, 32, 500);

    public OcrSettings {
        if (languages == null || !LANGUAGES.matcher(languages).matches()) {
            throw new IllegalArgumentException("OCR languages must be Tesseract codes joined by '+', like "
                    + "'eng' or 'eng+deu', not '" + languages + "'");
        }
        if (tessdataPath == null || tessdataPath.isBlank()) {
            throw new IllegalArgumentException("OCR tessdataPath is empty: give the folder holding "
                    + "eng.traineddata (e.g. /usr/share/tesseract-ocr/5/tessdata)");
        }
        if (dpi < 70 || dpi > 1200) {
            throw new IllegalArgumentException("OCR dpi must be between 70 and 1200 (300 reads best), not " + dpi);
        }
        if (minTextCharsPerPage < 0) {
            throw new IllegalArgumentException("OCR minTextCharsPerPage must be 0 or more, not " + minTextCharsPerPage);
        }
        if (maxImagePixels < 1) {
            throw new IllegalArgumentException("OCR maxImagePixels must be positive, not " + maxImagePixels);
        }
        if (minImageSide < 1) {
            throw new IllegalArgumentException("OCR minImageSide must be at least 1 pixel, not " + minImageSide);
        }
        if (maxOcrPages < 0) {
            throw new IllegalArgumentException("OCR maxOcrPages must be 0 or more, not " + maxOcrPages);
        }
    }

    /**
     * The first known tessdata folder that holds {@code eng.traineddata}, else the first known one
     * (so that the error on starting Tesseract names a real place to install to). The environment
     * ({@code TESSDATA_PREFIX}) is deliberately not read here: a deployable's config may pass it in.
     */
    public static String defaultTessdataPath() {
        return KNOWN_TESSDATA_DIRS.stream()
                .filter(dir -> Files.isRegularFile(Path.of(dir, "eng.traineddata")))
                .findFirst()
                .orElse(KNOWN_TESSDATA_DIRS.get(0));
    }

    /** The languages one by one, in the order Tesseract tries them. */
    public List<String> languageList() {
        return List.of(languages.split("\\+"));
    }

    public OcrSettings withEnabled(boolean on) {
        return new OcrSettings(on, languages, tessdataPath, dpi, minTextCharsPerPage, embeddedImages, maxImagePixels,
                minImageSide, maxOcrPages);
    }

    public OcrSettings withLanguages(String newLanguages) {
        return new OcrSettings(enabled, newLanguages, tessdataPath, dpi, minTextCharsPerPage, embeddedImages,
                maxImagePixels, minImageSide, maxOcrPages);
    }

    public OcrSettings withDpi(int newDpi) {
        return new OcrSettings(enabled, languages, tessdataPath, newDpi, minTextCharsPerPage, embeddedImages,
                maxImagePixels, minImageSide, maxOcrPages);
    }

    public OcrSettings withMaxImagePixels(long pixels) {
        return new OcrSettings(enabled, languages, tessdataPath, dpi, minTextCharsPerPage, embeddedImages,
                pixels, minImageSide, maxOcrPages);
    }
}
