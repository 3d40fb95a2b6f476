package dev.docflow.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.ingest.embed.ChunkEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts Docflow gave the model for a knowledge base's chunks, read back from the index: each
 * chunk's text with its heading path in front, as the embed stage builds it
 * ({@link ChunkEmbedder#textToEmbed(String, String)}), document by document in ordinal order.
 */
public final class IndexedChunkTexts {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Elasticsearch's default result window: no document here has more chunks. */
    private static final int MAX_CHUNKS_PER_DOCUMENT = 10_000;

    private IndexedChunkTexts() {
    }

    public static List<String> read(ChunkIndex index, String tenant, String knowledgeBase, List<DocumentRecord> documents) {
        index.refresh();
        List<String> texts = new ArrayList<>();
        for (DocumentRecord document : documents) {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", MAX_CHUNKS_PER_DOCUMENT);
            body.putArray("_source").add(ChunkFields.TEXT).add(ChunkFields.HEADING_PATH);
            body.set("query", ChunkIndex.filterQuery(tenant, knowledgeBase, document.id().toString()));
            body.putArray("sort").addObject().put(ChunkFields.ORDINAL, "asc");
            for (JsonNode hit : index.search(body).path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                texts.add(ChunkEmbedder.textToEmbed(source.path(ChunkFields.HEADING_PATH).asText(""),
                        source.path(ChunkFields.TEXT).asText("")));
            }
        }
        return texts;
    }
}
