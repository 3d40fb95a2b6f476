package dev.docflow.ingest.model;

import dev.docflow.connectors.contract.ChunkIds;

/**
 * A passage of a document, small enough for the embedding model, that an answer can cite.
 *
 * @param pageStart first page the passage is on (0 where the format has no pages)
 * @param charStart offset of the passage in the document's extracted text
 * @param headingPath the headings above the passage, outermost first, joined by " › "
 * @param tokens word pieces of the embedding model's tokenizer
 */
public record Chunk(
        int ordinal,
        String text,
        int pageStart,
        int pageEnd,
        int charStart,
        int charEnd,
        String headingPath,
        int tokens) {

    public String id(String documentId) {
        return ChunkIds.of(documentId, ordinal);
    }
}
