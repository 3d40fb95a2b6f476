package dev.docflow.ingest.model;

import dev.docflow.connectors.contract.ChunkIds;

/**
 * A passage of a document, small enough for the embedding model, that an answer can cite.
 *
 * @param pageStart first page the passage is on (0 where the part has no pages)
 * @param charStart offset of the passage in the document's extracted text; the text is exactly
 *     {@code text.substring(charStart, charEnd)} except for a piece of a split table, which repeats
 *     the table's header row
 * @param headingPath the headings above the passage, outermost first, joined by " › "
 * @param tokens word pieces of the embedding model's tokenizer
 * @param partPath lineage of the embedded file the passage is from ({@code mail.eml › a.pdf}),
 *     empty for the file itself
 * @param tableCsv the table rows of this passage as CSV when it is a table, otherwise null
 * @param tableIndex 1-based position of the passage's table on its page (or in its part), 0 for text
 * @param ocrConfidence lowest OCR confidence (0–100) of the pages the passage was read from by
 *     OCR, or -1 when none was
 */
public record Chunk(
        int ordinal,
        String text,
        int pageStart,
        int pageEnd,
        int charStart,
        int charEnd,
        String headingPath,
        int tokens,
        String partPath,
        String tableCsv,
        int tableIndex,
        float ocrConfidence) {

    public static final float NOT_OCR = -1f;

    public String id(String documentId) {
        return ChunkIds.of(documentId, ordinal);
    }

    public Chunk withOrdinal(int newOrdinal) {
        return new Chunk(newOrdinal, text, pageStart, pageEnd, charStart, charEnd, headingPath, tokens,
                partPath, tableCsv, tableIndex, ocrConfidence);
    }

    public boolean isTable() {
        return tableCsv != null;
    }
}
