package dev.docflow.agent.citations;

import java.util.List;

/**
 * A stretch of one document that an answer can cite: one retrieved chunk, or several that overlap or
 * touch, joined on their offsets.
 *
 * @param pageStart first page, 1-based; 0 when the format has no pages
 * @param text exactly the document's characters {@code charStart..charEnd}
 * @param headingPath the heading path of the passage's first chunk
 * @param score the best fusion score of its chunks
 * @param chunkIds the chunks it is made of, in document order
 */
public record Passage(
        String documentId,
        String fileName,
        String partPath,
        int pageStart,
        int pageEnd,
        int charStart,
        int charEnd,
        String headingPath,
        String text,
        double score,
        List<String> chunkIds) {

    public Passage {
        chunkIds = List.copyOf(chunkIds);
    }
}
