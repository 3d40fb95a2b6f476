package dev.docflow.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.KeywordBound;
import dev.docflow.localstack.testutils.SharedStack;
import java.util.Map;
import java.util.UUID;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The chunk index's mapping on the real Elasticsearch. */
class ChunkIndexIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An index made before keywords were bounded (no {@code ignore_above}) gets the bound from
     * {@link ChunkIndex#ensureExists}: {@code ignore_above} is one of the settings Elasticsearch
     * lets an existing field change, so no new index version is needed.
     */
    @Test
    void anIndexMadeBeforeKeywordsWereBoundedGetsIgnoreAboveWhenEnsured() throws Exception {
        ElasticsearchSettings settings = new ElasticsearchSettings(SharedStack.get().elasticsearchUrl(),
                "it-bound-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode old = ChunkIndexMapping.body();
        for (Map.Entry<String, JsonNode> field : old.path("mappings").path("properties").properties()) {
            if ("keyword".equals(field.getValue().path("type").asText())) {
                ((ObjectNode) field.getValue()).remove("ignore_above");
            }
        }
        old.putObject("aliases").putObject(settings.indexAlias());
        try (RestClient client = ElasticsearchClients.restClient(settings); ChunkIndex index = new ChunkIndex(settings)) {
            Request create = new Request("PUT", "/" + ChunkIndexMapping.indexName(settings.indexAlias()));
            create.setJsonEntity(old.toString());
            client.performRequest(create);
            assertThat(ignoreAbove(client, settings, ChunkFields.PART_PATH).isMissingNode()).isTrue();

            index.ensureExists();

            for (String keyword : ChunkIndexMapping.KEYWORD_FIELDS) {
                assertThat(ignoreAbove(client, settings, keyword).asInt()).as(keyword).isEqualTo(KeywordBound.IGNORE_ABOVE_CHARS);
            }
        }
    }

    @Test
    void anIndexExistsOnceEnsuredAndCountsTheChunksOfEveryTenant() throws Exception {
        ElasticsearchSettings settings = new ElasticsearchSettings(SharedStack.get().elasticsearchUrl(),
                "it-count-" + UUID.randomUUID().toString().substring(0, 8));
        try (RestClient client = ElasticsearchClients.restClient(settings); ChunkIndex index = new ChunkIndex(settings)) {
            assertThat(index.exists()).isFalse();

            index.ensureExists();
            for (String tenant : new String[] {"acme", "globex"}) {
                Request put = new Request("PUT", "/" + settings.indexAlias() + "/_doc/" + tenant + "-1?refresh=true");
                put.setJsonEntity(JSON.createObjectNode().put(ChunkFields.TENANT, tenant).put(ChunkFields.TEXT, "x").toString());
                client.performRequest(put);
            }

            assertThat(index.exists()).isTrue();
            assertThat(index.countAll()).isEqualTo(2);
        }
    }

    private static JsonNode ignoreAbove(RestClient client, ElasticsearchSettings settings, String field) throws Exception {
        String body = EntityUtils.toString(client.performRequest(new Request("GET", "/" + settings.indexAlias() + "/_mapping")).getEntity());
        return JSON.readTree(body).path(ChunkIndexMapping.indexName(settings.indexAlias()))
                .path("mappings").path("properties").path(field).path("ignore_above");
    }
}
