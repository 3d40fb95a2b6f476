package org.apache.flink.connector.elasticsearch.sink;

import org.elasticsearch.action.ActionListener;
import org.elasticsearch.action.bulk.BackoffPolicy;
import org.elasticsearch.action.bulk.BulkProcessor;
import org.elasticsearch.action.bulk.BulkRequest;
import org.elasticsearch.action.bulk.BulkResponse;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestHighLevelClient;
import org.elasticsearch.common.unit.ByteSizeUnit;
import org.elasticsearch.common.unit.ByteSizeValue;
import org.elasticsearch.common.unit.TimeValue;

/**
 * {@link Elasticsearch7SinkBuilder} whose bulk requests ask Elasticsearch 8 to answer in the 7.x
 * format (REST API compatibility). Without it every bulk fails against Elasticsearch 8: its
 * replies leave out {@code _type}, which the connector's 7.10.2 client requires to parse them.
 *
 * <p>It lives in the connector's package because {@link BulkProcessorConfig} and
 * {@link BulkProcessorBuilderFactory} are package-private; the body mirrors the connector's own
 * factory with {@link #COMPATIBLE_WITH_7} in place of {@code RequestOptions.DEFAULT}.
 */
public class Elasticsearch8CompatibleSinkBuilder<IN> extends Elasticsearch7SinkBuilder<IN> {

    static final RequestOptions COMPATIBLE_WITH_7 = RequestOptions.DEFAULT.toBuilder()
            .addHeader("Accept", "application/vnd.elasticsearch+json;compatible-with=7")
            .addHeader("Content-Type", "application/vnd.elasticsearch+x-ndjson;compatible-with=7")
            .build();

    @Override
    protected BulkProcessorBuilderFactory getBulkProcessorBuilderFactory() {
        return new CompatibleBulkProcessorBuilderFactory();
    }

    private static final class CompatibleBulkProcessorBuilderFactory implements BulkProcessorBuilderFactory {
        @Override
        public BulkProcessor.Builder apply(
                RestHighLevelClient client, BulkProcessorConfig config, BulkProcessor.Listener listener) {
            BulkProcessor.Builder builder = BulkProcessor.builder(new CompatibleBulkRequestConsumer(client), listener);
            if (config.getBulkFlushMaxActions() != -1) {
                builder.setBulkActions(config.getBulkFlushMaxActions());
            }
            if (config.getBulkFlushMaxMb() != -1) {
                builder.setBulkSize(new ByteSizeValue(config.getBulkFlushMaxMb(), ByteSizeUnit.MB));
            }
            if (config.getBulkFlushInterval() != -1) {
                builder.setFlushInterval(new TimeValue(config.getBulkFlushInterval()));
            }
            TimeValue delay = new TimeValue(config.getBulkFlushBackOffDelay());
            int retries = config.getBulkFlushBackoffRetries();
            switch (config.getFlushBackoffType()) {
                case CONSTANT:
                    builder.setBackoffPolicy(BackoffPolicy.constantBackoff(delay, retries));
                    break;
                case EXPONENTIAL:
                    builder.setBackoffPolicy(BackoffPolicy.exponentialBackoff(delay, retries));
                    break;
                case NONE:
                    builder.setBackoffPolicy(BackoffPolicy.noBackoff());
                    break;
                default:
                    throw new IllegalArgumentException("Unknown backoff type " + config.getFlushBackoffType());
            }
            // makes flush() blocking, as the connector's writer expects
            builder.setConcurrentRequests(0);
            return builder;
        }
    }

    /** A named class, not a lambda: the connector's factories must survive Java serialization. */
    private static final class CompatibleBulkRequestConsumer implements BulkRequestConsumerFactory {
        private final RestHighLevelClient client;

        CompatibleBulkRequestConsumer(RestHighLevelClient client) {
            this.client = client;
        }

        @Override
        public void accept(BulkRequest request, ActionListener<BulkResponse> listener) {
            client.bulkAsync(request, COMPATIBLE_WITH_7, listener);
        }
    }
}
