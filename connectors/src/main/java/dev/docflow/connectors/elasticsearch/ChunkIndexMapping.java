package dev.docflow.connectors.elasticsearch;

import static dev.docflow.connectors.contract.ChunkFields.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.KeywordBound;
import java.util.List;

/**
 * The chunk index: BM25 over the exact text (standard analyzer) and over Java-stemmed text
 * (whitespace analyzer: the terms arrive analyzed), a 384-dim cosine HNSW vector, and keyword
 * fields for the filters every query carries, each with an {@code ignore_above} (see
 * {@link KeywordBound}). Only analyzers built into the Elasticsearch server
 * are named, so the mapping works on the embedded distribution and on a full one.
 */
public final class ChunkIndexMapping {
    /**
     * Bump when a field changes or goes; the alias moves to the new index. Added fields need no
     * bump: {@link ChunkIndex#ensureExists} adds them to an existing index.
     */
    public static final int VERSION = 1;
    public static final int EMBEDDING_DIMENSIONS = 384;
    /** The keyword fields: exact filters and labels. Writers cut their values with {@link KeywordBound#cut}. */
    public static final List<String> KEYWORD_FIELDS = List.of(
            CHUNK_ID, TENANT, KNOWLEDGE_BASE, KNOWLEDGE_BASE_ID, DOCUMENT_ID, FILE_NAME, FILE_TYPE, CONTENT_TYPE, PART_PATH, KIND, EMBEDDING_MODEL);

    private ChunkIndexMapping() {}

    public static String indexName(String alias) {
        return alias + "-v" + VERSION;
    }

    public static ObjectNode properties() {
        return (ObjectNode) body().path("mappings").path("properties");
    }

    public static ObjectNode body() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode properties = json.objectNode();
        for (String keyword : KEYWORD_FIELDS) {
            // a value over Lucene's term limit would reject the whole chunk: writers cut values
            // (KeywordBound.cut), and ignore_above leaves any longer one unindexed instead
            properties.putObject(keyword).put("type", "keyword").put("ignore_above", KeywordBound.IGNORE_ABOVE_CHARS);
        }
        for (String integer : new String[] {ORDINAL, PAGE_START, PAGE_END, CHAR_START, CHAR_END, TABLE_INDEX}) {
            properties.putObject(integer).put("type", "integer");
        }
        properties.putObject(TEXT).put("type", "text").put("analyzer", "standard");
        properties.putObject(TEXT_STEMMED).put("type", "text").put("analyzer", "whitespace");
        properties.putObject(HEADING_PATH).put("type", "text").put("analyzer", "standard");
        properties.putObject(TITLE).put("type", "text").put("analyzer", "standard");
        properties.putObject(TABLE_CSV).put("type", "text").put("index", false);
        properties.putObject(OCR_CONFIDENCE).put("type", "float");
        properties.putObject(UPLOADED_AT).put("type", "date").put("format", "epoch_millis");
        properties.putObject(EMBEDDING)
                .put("type", "dense_vector")
                .put("dims", EMBEDDING_DIMENSIONS)
                .put("index", true)
                .put("similarity", "cosine");

        ObjectNode body = json.objectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 0);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.set("properties", properties);
        return body;
    }
}
