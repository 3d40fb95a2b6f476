package dev.docflow.ingest.ocr;

import com.sun.jna.Pointer;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.lept4j.Leptonica;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tesseract engine, loaded once and used for many pages: loading the language models takes longer
 * than reading a page, which is why this talks to Tesseract's C API rather than Tess4J's
 * {@code Tesseract} class (that one loads and frees the engine on every call).
 *
 * <p><b>Not thread-safe</b>: Tesseract keeps per-page state in the engine. Create one per worker thread
 * (in a Flink function's {@code open()}), and close it in {@code close()}; the native memory is not
 * freed otherwise. Run the JVM with {@code OMP_THREAD_LIMIT=1} in the environment, or Tesseract's
 * OpenMP threads make every page several times slower on shared cores.
 */
public final class TesseractOcr implements AutoCloseable {
    /**
     * Mean word confidence under which a reading is doubted and the page's orientation looked for.
     * Upright print reads at 80–96; the same page turned a quarter or half reads at 35–40.
     */
    public static final int LOW_CONFIDENCE = 60;

    private static final Logger LOG = LoggerFactory.getLogger(TesseractOcr.class);

    private final OcrSettings settings;
    private TessBaseAPI engine;
    private PageOrientation orientation;
    private boolean orientationMissing;

    /**
     * @throws IllegalStateException when Tesseract cannot start here (a language's model or the native
     *     library is missing): a problem of the installation, not of any document
     */
    public TesseractOcr(OcrSettings settings) {
        this.settings = settings;
        for (String language : settings.languageList()) {
            Path model = Path.of(settings.tessdataPath(), language + ".traineddata");
            if (!Files.isRegularFile(model)) {
                throw new IllegalStateException("OCR language '" + language + "' is not installed: no " + model
                        + ". Install it (Debian: apt-get install tesseract-ocr-" + language
                        + ") or change the OCR languages or tessdata path.");
            }
        }
        try {
            engine = TessAPI1.TessBaseAPICreate();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("The Tesseract library cannot be loaded (Debian: apt-get install "
                    + "libtesseract-dev, which adds libtesseract.so): " + e.getMessage(), e);
        }
        if (TessAPI1.TessBaseAPIInit3(engine, settings.tessdataPath(), settings.languages()) != 0) {
            TessAPI1.TessBaseAPIDelete(engine);
            engine = null;
            throw new IllegalStateException("Tesseract could not start with languages '" + settings.languages()
                    + "' from " + settings.tessdataPath());
        }
        // its notes on odd images ("Line cannot be recognized!!") go to stderr, past any logging
        TessAPI1.TessBaseAPISetVariable(engine, "debug_file", "/dev/null");
    }

    /** Reads an image whose resolution is unknown (Tesseract estimates it from the text height). */
    public OcrText recognize(BufferedImage image) {
        return recognize(image, 0);
    }

    /**
     * Reads the text of one page or image, straightened first when it is tilted. A reading of low
     * confidence (under {@link #LOW_CONFIDENCE}) may be a page scanned sideways or upside down: then,
     * and only then, the orientation is looked for, and the page turned upright is read again; the
     * reading with the higher confidence is kept. Upright pages of print never pay for that.
     *
     * @param dpi the image's resolution, 0 when unknown; Tesseract sizes its expectations by it
     * @throws DocumentFailedException with reason {@code ocr_failed} when Tesseract fails on it
     */
    public OcrText recognize(BufferedImage image, int dpi) {
        if (engine == null) {
            throw new IllegalStateException("This TesseractOcr is closed");
        }
        long start = System.nanoTime();
        Pix gray = null;
        Pix upright = null;
        try {
            gray = GrayImages.toPix(GrayImages.toGray(image), dpi);
            Reading best = read(gray, dpi, 0);
            if (best.confidence() < LOW_CONFIDENCE && orientation() != null) {
                int quarters = orientation.quartersToUpright(gray, dpi);
                if (quarters != 0) {
                    upright = Leptonica.INSTANCE.pixRotateOrth(gray, quarters);
                    Reading turned = read(upright, dpi, quarters);
                    if (turned.confidence() > best.confidence()) {
                        best = turned;
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return best.text().isBlank() ? new OcrText("", 0f, millis)
                    : new OcrText(best.text().strip(), best.confidence(), millis, best.quartersTurned());
        } catch (RuntimeException e) {
            throw new DocumentFailedException(Stage.OCR, FailureReason.OCR_FAILED,
                    "OCR failed on a " + image.getWidth() + "×" + image.getHeight() + " image: " + e.getMessage(), e);
        } finally {
            GrayImages.release(upright);
            GrayImages.release(gray);
        }
    }

    private record Reading(String text, int confidence, int quartersTurned) {}

    /** Straightens {@code gray} and reads it; the confidence is 0–100. */
    private Reading read(Pix gray, int dpi, int quartersTurned) {
        Pix straight = null;
        try {
            straight = SkewCorrection.straighten(gray);
            TessAPI1.TessBaseAPISetImage2(engine, straight);
            if (dpi > 0) {
                TessAPI1.TessBaseAPISetSourceResolution(engine, dpi);
            }
            Pointer utf8 = TessAPI1.TessBaseAPIGetUTF8Text(engine);
            if (utf8 == null) {
                throw new IllegalStateException("Tesseract returned no text (recognition failed)");
            }
            String text;
            try {
                text = utf8.getString(0, StandardCharsets.UTF_8.name());
            } finally {
                TessAPI1.TessDeleteText(utf8);
            }
            int confidence = text.isBlank() ? 0 : Math.max(0, Math.min(100, TessAPI1.TessBaseAPIMeanTextConf(engine)));
            return new Reading(text, confidence, quartersTurned);
        } finally {
            TessAPI1.TessBaseAPIClear(engine);
            GrayImages.release(straight);
        }
    }

    /**
     * The orientation engine, started on first need so that documents without a doubtful page never
     * load it; null when {@code osd.traineddata} is missing (said once: pages are then read as they lie).
     */
    private PageOrientation orientation() {
        if (orientation == null && !orientationMissing) {
            if (PageOrientation.isInstalled(settings)) {
                orientation = new PageOrientation(settings);
            } else {
                orientationMissing = true;
                LOG.warn("stage=ocr no {}/{}.traineddata: pages scanned sideways or upside down are read as they lie "
                        + "(Debian: apt-get install tesseract-ocr-osd)", settings.tessdataPath(), PageOrientation.MODEL);
            }
        }
        return orientation;
    }

    /** Whether orientation detection has been needed by this engine yet (it starts on first need). */
    boolean orientationStarted() {
        return orientation != null;
    }

    public OcrSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (orientation != null) {
            orientation.close();
            orientation = null;
        }
        if (engine != null) {
            TessAPI1.TessBaseAPIEnd(engine);
            TessAPI1.TessBaseAPIDelete(engine);
            engine = null;
        }
    }
}
