/**
 * OCR building blocks for the parse stage, with Tesseract through Tess4J's C API and Leptonica.
 *
 * <p>How they fit: for a PDF page, Tika's text for that page goes to {@link
 * dev.docflow.ingest.ocr.ThinTextLayerRule}; a thin page is drawn by {@link
 * dev.docflow.ingest.ocr.PdfPageRenderer} and read by {@link dev.docflow.ingest.ocr.TesseractOcr} at
 * the resolution it was drawn at; a reading of low confidence has its orientation found by {@link
 * dev.docflow.ingest.ocr.PageOrientation} (Tesseract's OSD, {@code osd.traineddata}) and, when the
 * page lies sideways or upside down, is read again turned upright. An image file (or, when {@link
 * dev.docflow.ingest.ocr.OcrSettings#embeddedImages()}, an image inside a DOCX or PPTX) goes through
 * {@link dev.docflow.ingest.ocr.ImageFrames}, frame by frame, to the same engine. Tika's own OCR must
 * stay off, or pages are read twice.
 *
 * <p>Failures of a document are {@link dev.docflow.ingest.model.DocumentFailedException}s at stage
 * {@code OCR} ({@code too_large}, {@code unsupported}, {@code corrupt}, {@code ocr_failed}): the
 * document fails alone. A Tesseract that cannot start (a missing language model or native library)
 * is an {@link java.lang.IllegalStateException} from the constructor: the installation is wrong, and
 * every document would fail the same way.
 *
 * <p>Threads: {@code TesseractOcr} is one engine per thread, built in {@code open()} and closed in
 * {@code close()}; the other classes hold only settings. The process needs {@code OMP_THREAD_LIMIT=1}
 * in its environment (the launcher, surefire and the Flink config set it).
 */
package dev.docflow.ingest.ocr;
