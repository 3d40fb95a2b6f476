package org.apache.flink.connector.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.http.HttpHost;
import org.elasticsearch.action.index.IndexRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector as shipped cannot write to Elasticsearch 8; with REST compatibility headers it
 * can, and explicit ids make a second run overwrite rather than add.
 */
class Elasticsearch8CompatibleSinkIT {
    private static final int DOCUMENTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private final String elasticsearch = SharedStack.get().elasticsearchUrl();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesToElasticsearch8AndOverwritesOnReplay() throws Exception {
        String index = "sink-it-compatible";
        write(new Elasticsearch8CompatibleSinkBuilder<Long>(), index);
        assertThat(count(index)).isEqualTo(DOCUMENTS);

        write(new Elasticsearch8CompatibleSinkBuilder<Long>(), index);
        assertThat(count(index)).isEqualTo(DOCUMENTS);
    }

    @Test
    void theConnectorAsShippedFailsAgainstElasticsearch8() {
        assertThatThrownBy(() -> write(new Elasticsearch7SinkBuilder<Long>(), "sink-it-stock"))
                .hasStackTraceContaining("Unable to parse response body");
    }

    private void write(Elasticsearch7SinkBuilder<Long> builder, String index) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRestartStrategy(RestartStrategies.noRestart());
        URI uri = URI.create(elasticsearch);
        env.fromSequence(1, DOCUMENTS)
                .sinkTo(builder
                        .setHosts(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                        .setEmitter((Long n, SinkWriter.Context context, RequestIndexer indexer) ->
                                indexer.add(new IndexRequest(index).id("doc-" + n).source(Map.of("n", n))))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .setBulkFlushMaxActions(500)
                        .build());
        env.execute("sink-it " + index);
    }

    private long count(String index) throws Exception {
        send("POST", "/" + index + "/_refresh");
        return send("GET", "/" + index + "/_count").path("count").asLong();
    }

    private JsonNode send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
