package dev.docflow.ingest.ocr;

import java.awt.image.BufferedImage;

/** Receives the frames of an image file (the pages of a TIFF), one at a time, in order. */
@FunctionalInterface
public interface FrameConsumer {
    /**
     * @param frameNumber1Based the frame's place in the file, counting skipped frames too
     * @param image the decoded frame; it is not kept, so drop it when done to free its memory
     */
    void accept(int frameNumber1Based, BufferedImage image);
}
