package dev.docflow.ingest.index;

import static dev.docflow.connectors.contract.ChunkFields.*;

import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.FileTypes;
import dev.docflow.connectors.contract.KeywordBound;
import dev.docflow.connectors.elasticsearch.ChunkIndexMapping;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedChunk;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders an embedded chunk as the index document defined by {@link ChunkIndexMapping}, every
 * keyword value cut to {@link KeywordBound#MAX_BYTES}.
 */
final class ChunkDocuments {
    private ChunkDocuments() {}

    static Map<String, Object> toSource(EmbeddedChunk embedded, EnglishTextAnalyzer english) {
        Chunk chunk = embedded.chunk();
        Map<String, Object> source = new HashMap<>();
        source.put(CHUNK_ID, embedded.id());
        source.put(TENANT, embedded.ref().tenant());
        source.put(KNOWLEDGE_BASE, embedded.ref().knowledgeBase());
        source.put(KNOWLEDGE_BASE_ID, embedded.ref().knowledgeBaseId());
        source.put(DOCUMENT_ID, embedded.ref().documentId());
        source.put(FILE_NAME, embedded.ref().fileName());
        source.put(FILE_TYPE, FileTypes.of(embedded.ref().fileName()));
        source.put(TITLE, titleOf(embedded.ref()));
        source.put(UPLOADED_AT, embedded.ref().uploadedAt());
        source.put(CONTENT_TYPE, embedded.contentType());
        source.put(ORDINAL, chunk.ordinal());
        source.put(PAGE_START, chunk.pageStart());
        source.put(PAGE_END, chunk.pageEnd());
        source.put(CHAR_START, chunk.charStart());
        source.put(CHAR_END, chunk.charEnd());
        source.put(HEADING_PATH, chunk.headingPath());
        source.put(TEXT, chunk.text());
        source.put(TEXT_STEMMED, english.analyze(chunk.text()));
        source.put(EMBEDDING, embedded.vector());
        source.put(EMBEDDING_MODEL, embedded.model());
        source.put(PART_PATH, chunk.partPath());
        source.put(KIND, chunk.isTable() ? KIND_TABLE : KIND_TEXT);
        if (chunk.isTable()) {
            source.put(TABLE_CSV, chunk.tableCsv());
            source.put(TABLE_INDEX, chunk.tableIndex());
        }
        if (chunk.ocrConfidence() != Chunk.NOT_OCR) {
            source.put(OCR_CONFIDENCE, chunk.ocrConfidence());
        }
        // names come from users' files (a ZIP entry can be named with 40,000 characters): a keyword
        // over Lucene's term limit would make Elasticsearch reject the chunk
        for (String keyword : ChunkIndexMapping.KEYWORD_FIELDS) {
            if (source.get(keyword) instanceof String value) {
                source.put(keyword, KeywordBound.cut(value));
            }
        }
        return source;
    }

    /** The document's own title, else its file name as words. */
    static String titleOf(DocumentRef ref) {
        String title = ref.title();
        return title == null || title.isBlank() ? FileTypes.title(ref.fileName()) : title;
    }
}
