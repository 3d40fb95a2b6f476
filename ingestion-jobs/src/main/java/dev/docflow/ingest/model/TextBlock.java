package dev.docflow.ingest.model;

/**
 * A block of a document's extracted text: a heading, a paragraph, a list item.
 *
 * @param page 1-based physical page of a paged format, 0 where the format has no pages
 * @param headingLevel 1–6 for a heading, 0 for body text
 * @param start offset of the block in the document's extracted text ({@link ExtractedDocument#text})
 * @param end offset one past the block's last character
 */
public record TextBlock(int page, int headingLevel, int start, int end) {
    public boolean isHeading() {
        return headingLevel > 0;
    }
}
