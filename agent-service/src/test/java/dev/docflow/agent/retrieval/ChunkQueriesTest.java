package dev.docflow.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.util.LinkedHashSet;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChunkQueriesTest {
    private static final String HOSTILE = "\"}}, \"query\": {\"match_all\": {}} OR tenant:* \\ ";

    private final Question question =
            new Question(HOSTILE, new LinkedHashSet<>(List.of("tenant", "match")), new float[] {0.5f, -0.25f});

    @Test
    void bm25CarriesTheQuestionAsOneStringValueInsideTheTenantFilter() throws Exception {
        ObjectNode body = ChunkQueries.bm25(question, RetrievalScope.of("acme", "handbook"), 50);

        // round-trip through text: what Elasticsearch receives parses back to the same values
        JsonNode sent = new ObjectMapper().readTree(body.toString());
        JsonNode bool = sent.path("query").path("bool");
        assertThat(bool.path("should").get(0).path("multi_match").path("query").asText()).isEqualTo(HOSTILE);
        assertThat(bool.path("should").get(0).path("multi_match").path("fields"))
                .extracting(JsonNode::asText).containsExactly("text", "heading_path");
        assertThat(bool.path("should").get(1).path("match").path("text_stemmed").path("query").asText())
                .isEqualTo("tenant match");
        assertThat(bool.path("filter").toString())
                .isEqualTo("[{\"term\":{\"tenant\":\"acme\"}},{\"term\":{\"knowledge_base\":\"handbook\"}}]");
        assertThat(bool.path("minimum_should_match").asInt()).isEqualTo(1);
        assertThat(sent.path("size").asInt()).isEqualTo(50);
        assertThat(sent.path("_source").path("excludes").get(0).asText()).isEqualTo("embedding");
    }

    @Test
    void bm25LeavesOutTheStemmedClauseWhenTheQuestionHasNoTerms() {
        Question stopWordsOnly = new Question("what is it", new LinkedHashSet<>(), new float[] {1f});

        JsonNode should = ChunkQueries.bm25(stopWordsOnly, RetrievalScope.of("acme", "handbook"), 10).path("query").path("bool").path("should");

        assertThat(should).hasSize(1);
    }

    @Test
    void knnFiltersInsideTheVectorSearch() {
        RetrievalSettings settings = new RetrievalSettings(5, 50, 60);

        JsonNode knn = ChunkQueries.knn(question, RetrievalScope.of("acme", "handbook"), settings).path("knn");

        assertThat(knn.path("field").asText()).isEqualTo("embedding");
        assertThat(knn.path("query_vector")).extracting(JsonNode::floatValue).containsExactly(0.5f, -0.25f);
        assertThat(knn.path("k").asInt()).isEqualTo(50);
        assertThat(knn.path("num_candidates").asInt()).isEqualTo(100);
        assertThat(knn.path("filter").path("bool").path("filter").toString())
                .isEqualTo("[{\"term\":{\"tenant\":\"acme\"}},{\"term\":{\"knowledge_base\":\"handbook\"}}," + DEFAULT_MODEL + "]");
    }

    /** The default model's chunks. */
    private static final String DEFAULT_MODEL = "{\"term\":{\"embedding_model\":\"bge-small-en-v15-q\"}}";

    @Test
    void knnSearchesOnlyTheChunksOfItsOwnModelAndForTheEarlierDefaultChunksThatNameNone() {
        RetrievalSettings miniLm = new RetrievalSettings(5, 50, 60, 1, 1, 1, 0, 0, EmbeddingModelChoice.ALL_MINILM_L6_V2, 0, FusionMethod.RRF);

        JsonNode filters = ChunkQueries.knn(question, RetrievalScope.of("acme", "handbook"), miniLm)
                .path("knn").path("filter").path("bool").path("filter");

        // chunks indexed before chunks named their model were all embedded by all-MiniLM-L6-v2
        assertThat(filters.get(filters.size() - 1).toString()).isEqualTo(
                "{\"bool\":{\"should\":[{\"term\":{\"embedding_model\":\"all-minilm-l6-v2\"}},"
                + "{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"embedding_model\"}}}}],\"minimum_should_match\":1}}");
    }

    @Test
    void bm25BoostsTheHeadingPathAndTitleAndLeavesOutAFieldBoostedZero() {
        RetrievalScope scope = RetrievalScope.of("acme", "handbook");

        assertThat(ChunkQueries.bm25(question, scope, 10, 2, 0.5).path("query").path("bool").path("should").get(0)
                .path("multi_match").path("fields")).extracting(JsonNode::asText)
                .containsExactly("text", "heading_path^2.0", "title^0.5");
        assertThat(ChunkQueries.bm25(question, scope, 10, 0, 0).path("query").path("bool").path("should").get(0)
                .path("multi_match").path("fields")).extracting(JsonNode::asText).containsExactly("text");
    }

    @Test
    void filtersNarrowBothSearchesToTheGivenDocumentsTypesAndUploadTimes() {
        RetrievalFilter filter = new RetrievalFilter(List.of("d1", "d2"), List.of("pdf"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        RetrievalScope scope = new RetrievalScope("acme", "handbook", null, filter);
        String expected = "[{\"term\":{\"tenant\":\"acme\"}},{\"term\":{\"knowledge_base\":\"handbook\"}},"
                + "{\"terms\":{\"document_id\":[\"d1\",\"d2\"]}},{\"terms\":{\"file_type\":[\"pdf\"]}},"
                + "{\"range\":{\"uploaded_at\":{\"gte\":1767225600000,\"lt\":1769904000000}}}]";

        assertThat(ChunkQueries.bm25(question, scope, 10).path("query").path("bool").path("filter").toString()).isEqualTo(expected);
        assertThat(ChunkQueries.knn(question, scope, RetrievalSettings.defaults()).path("knn").path("filter").path("bool")
                .path("filter").toString()).isEqualTo(expected.substring(0, expected.length() - 1) + "," + DEFAULT_MODEL + "]");
    }

    @Test
    void aScopeWithTheKnowledgeBasesIdMatchesItsIdOrForChunksWithoutTheFieldItsName() {
        RetrievalScope scope = new RetrievalScope("acme", "handbook", "3f2c9e4a-0000-4000-8000-000000000001", RetrievalFilter.NONE);
        String expected = "[{\"term\":{\"tenant\":\"acme\"}},{\"bool\":{\"should\":["
                + "{\"term\":{\"knowledge_base_id\":\"3f2c9e4a-0000-4000-8000-000000000001\"}},"
                + "{\"bool\":{\"filter\":[{\"term\":{\"knowledge_base\":\"handbook\"}}],"
                + "\"must_not\":[{\"exists\":{\"field\":\"knowledge_base_id\"}}]}}],\"minimum_should_match\":1}}]";

        assertThat(ChunkQueries.bm25(question, scope, 10).path("query").path("bool").path("filter").toString()).isEqualTo(expected);
        assertThat(ChunkQueries.byIds(scope, List.of("c1")).path("query").path("bool").path("filter").get(1).toString())
                .isEqualTo(ChunkQueries.filters(scope).get(1).toString());
    }
}
