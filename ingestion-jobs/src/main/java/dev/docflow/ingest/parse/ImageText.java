package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.ocr.ImageFrames;
import dev.docflow.ingest.ocr.OcrText;
import dev.docflow.ingest.ocr.TesseractOcr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of an image file, read by OCR. Each frame of a multi-frame image (a faxed TIFF) is a
 * page of its own; a single image has no page number.
 */
final class ImageText {
    private final ImageFrames frames;

    ImageText(ImageFrames frames) {
        this.frames = frames;
    }

    /** Adds the image's text to {@code content}; returns what OCR read of each page that has text. */
    Map<Integer, OcrText> read(Path file, PartContent content, TesseractOcr ocr, ExtractionBudget budget) {
        List<OcrText> texts = new ArrayList<>();
        frames.forEachFrame(file, (frame, image) -> {
            budget.checkTime();
            texts.add(ocr.recognize(image));
        });
        boolean paged = texts.size() > 1;
        Map<Integer, OcrText> ocrRead = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            int page = paged ? i + 1 : 0;
            if (paged) {
                content.pageStarted();
            }
            for (String paragraph : texts.get(i).text().split("\\n\\s*\\n")) {
                content.add(paragraph, page, BlockKind.PARAGRAPH, 0);
            }
            if (!texts.get(i).isEmpty()) {
                ocrRead.put(page, texts.get(i));
            }
        }
        return ocrRead;
    }
}
