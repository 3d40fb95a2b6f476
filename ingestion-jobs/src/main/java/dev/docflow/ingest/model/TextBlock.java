package dev.docflow.ingest.model;

/**
 * A block of a document's extracted text: a heading, a paragraph, a list item, a table.
 *
 * @param part index of the {@link DocumentPart} the block belongs to (0: the file itself)
 * @param page 1-based physical page of a paged part, 0 where the part has no pages
 * @param headingLevel 1–6 for a heading, 0 otherwise
 * @param start offset of the block in the document's extracted text ({@link ExtractedDocument#text})
 * @param end offset one past the block's last character
 */
public record TextBlock(int part, int page, BlockKind kind, int headingLevel, int start, int end) {

    /** A block of the file itself (part 0), as plain formats produce them. */
    public static TextBlock of(int page, int headingLevel, int start, int end) {
        return new TextBlock(0, page, headingLevel > 0 ? BlockKind.HEADING : BlockKind.PARAGRAPH, headingLevel, start, end);
    }

    public boolean isHeading() {
        return kind == BlockKind.HEADING;
    }
}
