package dev.docflow.ingest.ocr;

import com.sun.jna.ptr.PointerByReference;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.TessAPI1;

/**
 * Finds pages scanned sideways or upside down, with Tesseract's orientation detection. It needs an
 * engine of its own, started on {@code osd.traineddata} with the legacy classifier: the English
 * engine, LSTM only, answers "270°" for every page. Same threading rule as {@link TesseractOcr}.
 */
final class PageOrientation implements AutoCloseable {
    static final String MODEL = "osd";

    private TessBaseAPI engine;

    /** Whether {@code osd.traineddata} is there (Debian: tesseract-ocr-osd, which tesseract-ocr depends on). */
    static boolean isInstalled(OcrSettings settings) {
        return Files.isRegularFile(Path.of(settings.tessdataPath(), MODEL + ".traineddata"));
    }

    PageOrientation(OcrSettings settings) {
        engine = TessAPI1.TessBaseAPICreate();
        if (TessAPI1.TessBaseAPIInit2(engine, settings.tessdataPath(), MODEL, TessOcrEngineMode.OEM_TESSERACT_ONLY) != 0) {
            TessAPI1.TessBaseAPIDelete(engine);
            engine = null;
            throw new IllegalStateException("Tesseract could not start orientation detection from "
                    + settings.tessdataPath() + "/" + MODEL + ".traineddata");
        }
        TessAPI1.TessBaseAPISetVariable(engine, "debug_file", "/dev/null");
    }

    /**
     * Quarter turns clockwise that bring {@code page} upright: 0 when it is upright or when no
     * orientation could be told (too little text, a photo).
     */
    int quartersToUpright(Pix page, int dpi) {
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer confidence = FloatBuffer.allocate(1);
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        try {
            TessAPI1.TessBaseAPISetImage2(engine, page);
            if (dpi > 0) {
                TessAPI1.TessBaseAPISetSourceResolution(engine, dpi);
            }
            boolean found = TessAPI1.TessBaseAPIDetectOrientationScript(engine, degrees, confidence,
                    new PointerByReference(), scriptConfidence) != 0;
            // Tesseract gives the page's turn clockwise from upright; undoing it is the rest of a circle
            return found ? Math.floorMod(4 - degrees.get(0) / 90, 4) : 0;
        } finally {
            TessAPI1.TessBaseAPIClear(engine);
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            TessAPI1.TessBaseAPIEnd(engine);
            TessAPI1.TessBaseAPIDelete(engine);
            engine = null;
        }
    }
}
