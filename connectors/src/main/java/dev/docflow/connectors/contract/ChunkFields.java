package dev.docflow.connectors.contract;

/**
 * Field names of a chunk in the search index: the one contract between the indexing job and the
 * retrieval service. Renaming one is a new index version (see {@code ChunkIndexMapping}).
 */
public final class ChunkFields {
    public static final String CHUNK_ID = "chunk_id";
    public static final String TENANT = "tenant";
    public static final String KNOWLEDGE_BASE = "knowledge_base";
    public static final String DOCUMENT_ID = "document_id";
    public static final String FILE_NAME = "file_name";
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

    private ChunkFields() {}
}
