package dev.docflow.ingest.ocr;

import java.awt.image.BufferedImage;

/**
 * A PDF page as an 8-bit gray image.
 *
 * @param dpi the resolution it was rendered at: the settings' dpi, or lower for a page so large that
 *     it would otherwise pass {@link OcrSettings#maxImagePixels()}; pass it on to Tesseract
 */
public record RenderedPage(BufferedImage image, int dpi) {}
