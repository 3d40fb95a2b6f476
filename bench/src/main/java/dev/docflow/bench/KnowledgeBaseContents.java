package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What PostgreSQL and Elasticsearch hold for one knowledge base, read for an {@link IndexAudit}. */
final class KnowledgeBaseContents {
    /** Elasticsearch's default result window: a bench knowledge base larger than this is refused, not half-read. */
    private static final int MAX_CHUNKS = 10_000;

    private KnowledgeBaseContents() {}

    /** Every document row of the knowledge base, by document id. */
    static Map<String, IndexAudit.Row> rows(Database database, KnowledgeBase kb) {
        Map<String, IndexAudit.Row> rows = new HashMap<>();
        for (DocumentRecord row : database.documents().listByKnowledgeBase(kb.id())) {
            rows.put(row.id().toString(), new IndexAudit.Row(row.status().code(), row.chunkCount()));
        }
        return rows;
    }

    /** Every chunk id the index holds for the knowledge base, by document, as Elasticsearch lists them. */
    static Map<String, List<String>> chunkIds(ChunkIndex index, String tenant, String knowledgeBase) {
        ObjectNode search = JsonNodeFactory.instance.objectNode();
        search.put("size", MAX_CHUNKS).put("track_total_hits", true).putArray("_source").add(ChunkFields.DOCUMENT_ID);
        search.set("query", ChunkIndex.filterQuery(tenant, knowledgeBase, null));
        JsonNode result = index.search(search).path("hits");
        long total = result.path("total").path("value").asLong();
        if (total > MAX_CHUNKS) {
            throw new IllegalStateException(tenant + "/" + knowledgeBase + " holds " + total + " chunks; the audit reads "
                    + MAX_CHUNKS + " at most: use fewer documents");
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (JsonNode hit : result.path("hits")) {
            ids.computeIfAbsent(hit.path("_source").path(ChunkFields.DOCUMENT_ID).asText(), id -> new ArrayList<>())
                    .add(hit.path("_id").asText());
        }
        return ids;
    }
}
