package dev.docflow.ingest.model;

/** What a block of extracted text is; the chunker treats each kind by its own rules. */
public enum BlockKind {
    HEADING,
    /** Running prose: the only kind chunks overlap on. */
    PARAGRAPH,
    LIST_ITEM,
    /** Preformatted text (code, listings), kept as it is. */
    CODE,
    /** A table in Markdown; its cells are in {@link ExtractedDocument#tables()}. */
    TABLE;

    public boolean isProse() {
        return this == PARAGRAPH || this == LIST_ITEM;
    }
}
