package dev.docflow.ingest.ocr;

import java.nio.FloatBuffer;
import com.sun.jna.NativeLibrary;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Leptonica;
import net.sourceforge.lept4j.util.LoadLibs;
import net.sourceforge.lept4j.Pix;

/**
 * Straightens scanned pages. Tesseract reads a page tilted by a few degrees poorly and one tilted by
 * ten barely at all, and feeders tilt pages that much; Leptonica finds the angle from the text lines
 * and rotates the page back. Its default search only covers ±7°, so the sweep is widened.
 */
final class SkewCorrection {
    /** Degrees searched either way; a little past the ±10° that must be handled. */
    static final float SWEEP_RANGE_DEGREES = 12f;

    static {
        quietWarnings();
    }

    private SkewCorrection() {}

    /**
     * Leptonica prints its warnings to the process's stderr ("max found at sweep edge" for many a
     * page), past any logging; only its errors are worth that. lept4j does not map the setting.
     */
    private static void quietWarnings() {
        try {
            NativeLibrary.getInstance(LoadLibs.getLeptonicaLibName()).getFunction("setMsgSeverity")
                    .invokeInt(new Object[] {ILeptonica.L_SEVERITY_ERROR});
        } catch (UnsatisfiedLinkError e) {
            // an older Leptonica without the setting: warnings stay on stderr
        }
    }

    /**
     * The page rotated straight, or a clone of it when it is straight already or no angle could be
     * found with confidence (a photo, a blank page). Either way a new reference the caller destroys.
     */
    static Pix straighten(Pix gray) {
        FloatBuffer angle = FloatBuffer.allocate(1);
        FloatBuffer confidence = FloatBuffer.allocate(1);
        // 0 = Leptonica's defaults for the reductions, the sweep step and the binarisation threshold
        Pix straight = Leptonica.INSTANCE.pixDeskewGeneral(gray, 0, SWEEP_RANGE_DEGREES, 0f, 0, 0, angle, confidence);
        if (straight == null) {
            throw new IllegalStateException("Leptonica could not deskew the image");
        }
        return straight;
    }
}
