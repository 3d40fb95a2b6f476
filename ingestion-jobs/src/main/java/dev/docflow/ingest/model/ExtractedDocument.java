package dev.docflow.ingest.model;

/**
 * What the parse stage makes of a document: its text, and the blocks (with pages) that text is
 * made of. Chunks cite offsets into {@code text}.
 *
 * @param pageCount pages of a paged format, 0 otherwise
 */
public record ExtractedDocument(DocumentRef ref, String contentType, int pageCount, String text, TextBlock[] blocks) {}
