package dev.docflow.connectors.contract;

/**
 * Field names of a chunk in the search index: the one contract between the indexing job and the
 * retrieval service. Renaming one is a new index version (see {@code ChunkIndexMapping}).
 */
public final class ChunkFields {
    public static final String CHUNK_ID = "chunk_id";
    public static final String TENANT = "tenant";
    /** The knowledge base's name: shown, and the filter for chunks older than {@link #KNOWLEDGE_BASE_ID}. */
    public static final String KNOWLEDGE_BASE = "knowledge_base";
    /**
     * The knowledge base's id (never reused, unlike its name): what retrieval filters on. Absent on
     * chunks indexed before the field existed; those are matched by tenant and name.
     */
    public static final String KNOWLEDGE_BASE_ID = "knowledge_base_id";
    public static final String DOCUMENT_ID = "document_id";
    public static final String FILE_NAME = "file_name";
    /** The file name's extension, lower case, without the dot ({@code pdf}); empty when it has none. */
    public static final String FILE_TYPE = "file_type";
    /** When the document was uploaded (its row's creation time), epoch milliseconds. */
    public static final String UPLOADED_AT = "uploaded_at";
    /** The file name as words, for BM25: without its extension, separators as spaces ({@code R admin}). */
    public static final String TITLE = "title";
    public static final String CONTENT_TYPE = "content_type";
    public static final String ORDINAL = "ordinal";
    public static final String PAGE_START = "page_start";
    public static final String PAGE_END = "page_end";
    public static final String CHAR_START = "char_start";
    public static final String CHAR_END = "char_end";
    public static final String HEADING_PATH = "heading_path";
    /** The passage as cited: exact text of the document between the character offsets. */
    public static final String TEXT = "text";
    /** The passage after English analysis in Java (lower-cased, stop words out, stemmed). */
    public static final String TEXT_STEMMED = "text_stemmed";
    public static final String EMBEDDING = "embedding";
    /** The model that made {@link #EMBEDDING} ({@code EmbeddingModelChoice#id}); absent on chunks older than the field: all-minilm-l6-v2. */
    public static final String EMBEDDING_MODEL = "embedding_model";
    /** Lineage of the embedded file the chunk is from ({@code mail.eml › report.pdf}), empty for the file itself. */
    public static final String PART_PATH = "part_path";
    /** {@link #KIND_TEXT} or {@link #KIND_TABLE}. */
    public static final String KIND = "kind";
    public static final String KIND_TEXT = "text";
    public static final String KIND_TABLE = "table";
    /** A table chunk's rows as CSV (stored, not searched: {@link #TEXT} holds them as Markdown). */
    public static final String TABLE_CSV = "table_csv";
    /** A table chunk's 1-based position of its table on the page (or in its part); absent for text. */
    public static final String TABLE_INDEX = "table_index";
    /** Lowest OCR confidence (0–100) of the pages a chunk was read from by OCR; absent otherwise. */
    public static final String OCR_CONFIDENCE = "ocr_confidence";

    private ChunkFields() {}
}
