package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fusion and neighbouring chunks over a fake index: each search answers from a fixed list of chunks. */
class HybridRetrieverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Question QUESTION = new Question("q", new LinkedHashSet<>(List.of("q")), new float[] {1f});

    /** Chunks of document d: ordinal → {charStart, charEnd}; 0–2 overlap, 3 is far after 2. */
    private static final Map<Integer, int[]> SPANS = Map.of(0, new int[] {0, 100}, 1, new int[] {90, 200},
            2, new int[] {190, 300}, 3, new int[] {500, 600});

    private final List<ObjectNode> requests = new ArrayList<>();
    /** Each search also returns a much worse third hit, so scores spread between best and worst. */
    private boolean spread;

    private JsonNode search(ObjectNode body) {
        requests.add(body);
        ArrayNode hits = JSON.createArrayNode();
        if (body.has("knn")) {
            hit(hits, 2, 0.95);
            hit(hits, 3, 0.94);
            if (spread) {
                hit(hits, 1, 0.50);
            }
        } else if (body.path("query").path("bool").path("should").size() > 0) {
            hit(hits, 3, 10);
            hit(hits, 2, 2); // far behind d:3 by score, one rank by rank
            if (spread) {
                hit(hits, 0, 1);
            }
        } else { // ids of neighbours
            for (JsonNode id : body.path("query").path("bool").path("filter").get(2).path("terms").path("chunk_id")) {
                int ordinal = Integer.parseInt(id.asText().substring(2));
                if (SPANS.containsKey(ordinal)) {
                    hit(hits, ordinal, 1);
                }
            }
        }
        ObjectNode response = JSON.createObjectNode();
        response.putObject("hits").set("hits", hits);
        return response;
    }

    private static void hit(ArrayNode hits, int ordinal, double score) {
        ObjectNode hit = hits.addObject();
        hit.put("_id", "d:" + ordinal).put("_score", score);
        ObjectNode source = hit.putObject("_source");
        int[] span = SPANS.get(ordinal);
        source.put("document_id", "d").put("file_name", "f.md").put("ordinal", ordinal)
                .put("char_start", span[0]).put("char_end", span[1]).put("text", "x".repeat(span[1] - span[0]))
                .put("text_stemmed", ordinal == 2 ? "q" : "x"); // only d:2 holds the question's term
    }

    private static RetrievalSettings settings(double bm25Weight, double knnWeight, int topK, int neighbours) {
        return settings(bm25Weight, knnWeight, topK, neighbours, 0);
    }

    private static RetrievalSettings settings(double bm25Weight, double knnWeight, int topK, int neighbours,
            double coverageWeight) {
        return new RetrievalSettings(topK, 50, 60, bm25Weight, knnWeight, 1, 0, neighbours, EmbeddingModelChoice.DEFAULT,
                coverageWeight, FusionMethod.RRF);
    }

    @Test
    void hybridReScoresTheFusedCandidatesByTheQuestionsTerms() {
        // equal weights: d:3 and d:2 tie on ranks and BM25's d:3 wins; d:2 alone holds the question's term
        HybridRetriever plain = new HybridRetriever(this::search, settings(1, 1, 1, 0));
        HybridRetriever rescored = new HybridRetriever(this::search, settings(1, 1, 1, 0, 0.01));

        assertThat(plain.retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks()).extracting(RetrievedChunk::chunkId)
                .containsExactly("d:3");
        assertThat(rescored.retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks()).extracting(RetrievedChunk::chunkId)
                .containsExactly("d:2");
        // one search alone keeps its own order: the modes measured against hybrid stay as they were
        assertThat(rescored.ranked(QUESTION, RetrievalScope.of("t", "kb"), RetrievalMode.BM25, 1).chunks())
                .extracting(RetrievedChunk::chunkId).containsExactly("d:3");
    }

    @Test
    void theHeavierRankingWinsATieOfRanks() {
        List<RetrievedChunk> byBm25 = new HybridRetriever(this::search, settings(2, 1, 2, 0))
                .retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks();
        List<RetrievedChunk> byKnn = new HybridRetriever(this::search, settings(1, 2, 2, 0))
                .retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks();

        assertThat(byBm25).extracting(RetrievedChunk::chunkId).containsExactly("d:3", "d:2");
        assertThat(byKnn).extracting(RetrievedChunk::chunkId).containsExactly("d:2", "d:3");
    }

    @Test
    void convexFusionWeighsHowFarAheadEachSearchPutsItsHit() {
        // by rank, knn's heavier weight puts its first hit d:2 first; by score, BM25's d:3 is far
        // ahead of d:2 while kNN has them nearly level, so a third of the weight puts d:3 first
        spread = true;
        RetrievalSettings rrf = settings(1, 2, 2, 0);
        RetrievalSettings convex = new RetrievalSettings(2, 50, 60, 1, 2, 1, 0, 0, EmbeddingModelChoice.DEFAULT, 0,
                FusionMethod.CONVEX);

        assertThat(new HybridRetriever(this::search, rrf).retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks())
                .extracting(RetrievedChunk::chunkId).containsExactly("d:2", "d:3");
        List<RetrievedChunk> byScore = new HybridRetriever(this::search, convex).retrieve(QUESTION, RetrievalScope.of("t", "kb"))
                .chunks();
        assertThat(byScore).extracting(RetrievedChunk::chunkId).containsExactly("d:3", "d:2");
        // d:3: 1/3 × (10 - 1) / 9 + 2/3 × (0.94 - 0.5) / 0.45
        assertThat(byScore.get(0).score()).isCloseTo(1.0 / 3 + 2.0 / 3 * 0.44 / 0.45, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void neighboursThatTouchAKeptChunkJoinItWithItsScore() {
        List<RetrievedChunk> chunks = new HybridRetriever(this::search, settings(1, 2, 1, 1))
                .retrieve(QUESTION, RetrievalScope.of("t", "kb")).chunks();

        // d:2 kept; d:1 overlaps it and joins; d:3 does not touch it and stays out
        assertThat(chunks).extracting(RetrievedChunk::chunkId).containsExactly("d:2", "d:1");
        assertThat(chunks.get(1).score()).isEqualTo(chunks.get(0).score());
        assertThat(requests.get(requests.size() - 1).path("query").path("bool").path("filter").get(2).toString())
                .isEqualTo("{\"terms\":{\"chunk_id\":[\"d:1\",\"d:3\"]}}");
    }

    @Test
    void withoutNeighboursOnlyTheTwoSearchesRun() {
        new HybridRetriever(this::search, settings(1, 1, 2, 0)).retrieve(QUESTION, RetrievalScope.of("t", "kb"));

        assertThat(requests).hasSize(2);
    }

    @Test
    void theRankingIsTheKeptChunksWithoutTheNeighboursAddedForTheAnswer() {
        HybridRetriever retriever = new HybridRetriever(this::search, settings(1, 2, 1, 1));

        Retrieval ranked = retriever.ranked(QUESTION, RetrievalScope.of("t", "kb"), RetrievalMode.HYBRID, 2);

        assertThat(ranked.chunks()).extracting(RetrievedChunk::chunkId).containsExactly("d:2", "d:3");
        assertThat(requests).hasSize(2); // the two searches; no look-up of neighbours
        assertThat(retriever.retrieve(QUESTION, RetrievalScope.of("t", "kb"), RetrievalMode.HYBRID, 1).chunks())
                .extracting(RetrievedChunk::chunkId).containsExactly("d:2", "d:1");
    }

    @Test
    void theRankingOfOneModeIsThatSearchsOrderAndStopsAtTheDepth() {
        HybridRetriever retriever = new HybridRetriever(this::search, settings(1, 1, 8, 0));

        assertThat(retriever.ranked(QUESTION, RetrievalScope.of("t", "kb"), RetrievalMode.BM25, 50).chunks())
                .extracting(RetrievedChunk::chunkId).containsExactly("d:3", "d:2");
        assertThat(retriever.ranked(QUESTION, RetrievalScope.of("t", "kb"), RetrievalMode.KNN, 1).chunks())
                .extracting(RetrievedChunk::chunkId).containsExactly("d:2");
    }
}
