package dev.docflow.agent.retrieval;

/**
 * A chunk of the index that retrieval kept, as stored (see {@code ChunkFields}).
 *
 * @param partPath lineage of the embedded file the chunk is from ({@code mail.eml › a.pdf}), empty
 *     for the file itself
 * @param pageStart first physical page, 1-based; 0 when the format has no pages
 * @param charStart offset of {@code text} in the document's extracted text; {@code text} is exactly
 *     the characters {@code charStart..charEnd}
 * @param stemmedText the indexed English analysis of {@code text}
 * @param score reciprocal-rank-fusion score (higher is better)
 */
public record RetrievedChunk(
        String chunkId,
        String documentId,
        String fileName,
        String partPath,
        int ordinal,
        int pageStart,
        int pageEnd,
        int charStart,
        int charEnd,
        String headingPath,
        String text,
        String stemmedText,
        double score) {}
