package dev.docflow.agent.retrieval;

import static dev.docflow.connectors.contract.ChunkFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * BM25 and kNN over one knowledge base, fused by {@link ReciprocalRankFusion}. BM25 finds exact
 * words (names, codes, rare terms), kNN finds paraphrases; fusion needs no score calibration.
 * Thread-safe when the search function is.
 */
public final class HybridRetriever {
    private static final JsonNode NONE = JsonNodeFactory.instance.arrayNode();

    private final Function<ObjectNode, JsonNode> search;
    private final RetrievalSettings settings;

    /** @param search runs a request body against the chunk index ({@code ChunkIndex::search}) */
    public HybridRetriever(Function<ObjectNode, JsonNode> search, RetrievalSettings settings) {
        this.search = search;
        this.settings = settings;
    }

    public Retrieval retrieve(Question question, RetrievalScope scope) {
        return retrieve(question, scope, RetrievalMode.HYBRID, settings.topK());
    }

    /**
     * With {@link RetrievalMode#BM25} or {@link RetrievalMode#KNN}, only that search runs.
     *
     * @param topK chunks to keep after fusion; at most {@link RetrievalSettings#candidates()}
     */
    public Retrieval retrieve(Question question, RetrievalScope scope, RetrievalMode mode, int topK) {
        JsonNode lexical = mode == RetrievalMode.KNN ? NONE
                : hits(search.apply(ChunkQueries.bm25(question, scope, settings.candidates())));
        JsonNode semantic = mode == RetrievalMode.BM25 ? NONE
                : hits(search.apply(ChunkQueries.knn(question, scope, settings)));

        Map<String, JsonNode> sources = new HashMap<>();
        List<String> lexicalIds = ids(lexical, sources);
        List<String> semanticIds = ids(semantic, sources);
        int keep = Math.min(topK, settings.candidates());
        List<RetrievedChunk> chunks = new ArrayList<>(keep);
        for (ReciprocalRankFusion.Fused fused : ReciprocalRankFusion.fuse(List.of(lexicalIds, semanticIds), settings.rrfK())) {
            if (chunks.size() == keep) {
                break;
            }
            chunks.add(chunk(fused.id(), sources.get(fused.id()), fused.score()));
        }
        // Elasticsearch scores a cosine kNN hit as (1 + cosine) / 2; hits come best first
        double bestSimilarity = semantic.isEmpty() ? -1 : 2 * semantic.get(0).path("_score").asDouble() - 1;
        return new Retrieval(chunks, bestSimilarity);
    }

    private static JsonNode hits(JsonNode response) {
        return response.path("hits").path("hits");
    }

    private static List<String> ids(JsonNode hits, Map<String, JsonNode> sources) {
        List<String> ids = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            String id = hit.path("_id").asText();
            ids.add(id);
            sources.putIfAbsent(id, hit.path("_source"));
        }
        return ids;
    }

    private static RetrievedChunk chunk(String id, JsonNode source, double score) {
        return new RetrievedChunk(
                id,
                source.path(DOCUMENT_ID).asText(),
                source.path(FILE_NAME).asText(),
                source.path(PART_PATH).asText(""),
                source.path(ORDINAL).asInt(),
                source.path(PAGE_START).asInt(),
                source.path(PAGE_END).asInt(),
                source.path(CHAR_START).asInt(),
                source.path(CHAR_END).asInt(),
                source.path(HEADING_PATH).asText(""),
                source.path(TEXT).asText(),
                source.path(TEXT_STEMMED).asText(""),
                score);
    }
}
