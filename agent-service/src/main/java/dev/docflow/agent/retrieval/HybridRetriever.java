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
 * BM25 and kNN over one knowledge base, fused by {@link ReciprocalRankFusion} (or
 * {@link ConvexFusion}, {@code retrieval.fusion}), the fused
 * candidates then re-scored by {@link TermCoverage}. BM25 finds exact words (names, codes, rare
 * terms), kNN finds paraphrases; fusion needs no score calibration.
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
        Retrieval ranked = ranked(question, scope, mode, topK);
        if (settings.neighbours() > 0 && !ranked.isEmpty()) {
            return new Retrieval(withNeighbours(ranked.chunks(), scope), ranked.bestSimilarity());
        }
        return ranked;
    }

    /**
     * The chunks {@link #retrieve} keeps, in rank order, without the neighbours it then adds for
     * the answer's context: the ranking itself, which a measurement can read at depths chat never
     * keeps (the searches' depth, {@link RetrievalSettings#candidates()}, is the limit).
     *
     * @param depth chunks to keep after fusion; at most {@link RetrievalSettings#candidates()}
     */
    public Retrieval ranked(Question question, RetrievalScope scope, RetrievalMode mode, int depth) {
        JsonNode lexical = mode == RetrievalMode.KNN ? NONE
                : hits(search.apply(ChunkQueries.bm25(question, scope, settings.candidates(),
                        settings.headingBoost(), settings.titleBoost())));
        JsonNode semantic = mode == RetrievalMode.BM25 ? NONE
                : hits(search.apply(ChunkQueries.knn(question, scope, settings)));

        Map<String, JsonNode> sources = new HashMap<>();
        List<ConvexFusion.Hit> lexicalHits = hits(lexical, sources);
        List<ConvexFusion.Hit> semanticHits = hits(semantic, sources);
        int keep = Math.min(depth, settings.candidates());
        List<RetrievedChunk> chunks = new ArrayList<>(lexicalHits.size() + semanticHits.size());
        for (ReciprocalRankFusion.Fused fused : fuse(lexicalHits, semanticHits, mode)) {
            chunks.add(chunk(fused.id(), sources.get(fused.id()), fused.score()));
        }
        if (mode == RetrievalMode.HYBRID) {
            chunks = TermCoverage.rescore(chunks, question.terms(), settings.coverageWeight());
        }
        if (chunks.size() > keep) {
            chunks = new ArrayList<>(chunks.subList(0, keep));
        }
        // Elasticsearch scores a cosine kNN hit as (1 + cosine) / 2; hits come best first
        double bestSimilarity = semantic.isEmpty() ? -1 : 2 * semantic.get(0).path("_score").asDouble() - 1;
        return new Retrieval(chunks, bestSimilarity);
    }

    /**
     * Adds to the kept chunks their neighbours within {@link RetrievalSettings#neighbours()}
     * ordinals in the same document and part, when they overlap or touch a kept chunk's text: the
     * passage merger then joins them into the kept chunk's passage, so the answer reads the
     * sentences around a hit. A neighbour takes the score of the chunk it extends (never a rank of
     * its own) and comes after every kept chunk.
     */
    private List<RetrievedChunk> withNeighbours(List<RetrievedChunk> kept, RetrievalScope scope) {
        Map<String, RetrievedChunk> byId = new java.util.LinkedHashMap<>();
        kept.forEach(chunk -> byId.put(chunk.chunkId(), chunk));
        Map<String, RetrievedChunk> wanted = new java.util.LinkedHashMap<>(); // neighbour id -> the chunk it extends
        for (RetrievedChunk chunk : kept) {
            for (int step = 1; step <= settings.neighbours(); step++) {
                for (int ordinal : new int[] {chunk.ordinal() - step, chunk.ordinal() + step}) {
                    String id = dev.docflow.connectors.contract.ChunkIds.of(chunk.documentId(), ordinal);
                    if (ordinal >= 0 && !byId.containsKey(id)) {
                        wanted.putIfAbsent(id, chunk);
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            return kept;
        }
        List<RetrievedChunk> result = new ArrayList<>(kept);
        for (JsonNode hit : hits(search.apply(ChunkQueries.byIds(scope, List.copyOf(wanted.keySet()))))) {
            String id = hit.path("_id").asText();
            RetrievedChunk origin = wanted.get(id);
            RetrievedChunk neighbour = chunk(id, hit.path("_source"), origin.score());
            boolean touches = neighbour.partPath().equals(origin.partPath())
                    && neighbour.charStart() <= origin.charEnd() && neighbour.charEnd() >= origin.charStart();
            if (touches) {
                result.add(neighbour);
            }
        }
        return result;
    }

    private static JsonNode hits(JsonNode response) {
        return response.path("hits").path("hits");
    }

    private List<ReciprocalRankFusion.Fused> fuse(List<ConvexFusion.Hit> lexical, List<ConvexFusion.Hit> semantic,
            RetrievalMode mode) {
        if (mode == RetrievalMode.HYBRID && settings.fusion() == FusionMethod.CONVEX) {
            return ConvexFusion.fuse(lexical, semantic, settings.lexicalShare());
        }
        // one search alone keeps its own order
        double[] weights = mode == RetrievalMode.HYBRID ? new double[] {settings.bm25Weight(), settings.knnWeight()}
                : new double[] {1, 1};
        return ReciprocalRankFusion.fuse(List.of(ids(lexical), ids(semantic)), weights, settings.rrfK());
    }

    private static List<ConvexFusion.Hit> hits(JsonNode hits, Map<String, JsonNode> sources) {
        List<ConvexFusion.Hit> found = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            String id = hit.path("_id").asText();
            found.add(new ConvexFusion.Hit(id, hit.path("_score").asDouble()));
            sources.putIfAbsent(id, hit.path("_source"));
        }
        return found;
    }

    private static List<String> ids(List<ConvexFusion.Hit> hits) {
        return hits.stream().map(ConvexFusion.Hit::id).toList();
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
