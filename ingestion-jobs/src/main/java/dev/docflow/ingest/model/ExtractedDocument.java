package dev.docflow.ingest.model;

/**
 * What the parse stage makes of a document: its text, the blocks (with parts and pages) that text
 * is made of, and the tables and OCR'd pages among them. Chunks cite offsets into {@code text}.
 *
 * @param pageCount pages of the file itself when paged, 0 otherwise
 * @param parts the file (part 0) and the files embedded in it, in the order their text appears
 * @param tables the tables, in the order of their {@link BlockKind#TABLE} blocks
 * @param deadlineMillis when the document's time is up (epoch milliseconds): one budget,
 *     {@code parse.max-seconds}, for parsing, OCR, tables and chunking together (embedding is
 *     bounded by the chunk cap instead, see {@code ChunkEmbedder});
 *     {@link #NO_DEADLINE} when none was set
 */
public record ExtractedDocument(
        DocumentRef ref,
        String contentType,
        int pageCount,
        String text,
        TextBlock[] blocks,
        DocumentPart[] parts,
        ExtractedTable[] tables,
        OcrPage[] ocrPages,
        long deadlineMillis) {

    public static final long NO_DEADLINE = Long.MAX_VALUE;

    /** A document of one part with no tables and no OCR: plain formats, and tests. */
    public static ExtractedDocument of(DocumentRef ref, String contentType, int pageCount, String text, TextBlock[] blocks) {
        return new ExtractedDocument(ref, contentType, pageCount, text, blocks,
                new DocumentPart[] {new DocumentPart(ref.fileName(), contentType, pageCount)},
                new ExtractedTable[0], new OcrPage[0], NO_DEADLINE);
    }

    public ExtractedDocument withDeadline(long epochMillis) {
        return new ExtractedDocument(ref, contentType, pageCount, text, blocks, parts, tables, ocrPages, epochMillis);
    }
}
