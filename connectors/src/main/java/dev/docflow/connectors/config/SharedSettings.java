package dev.docflow.connectors.config;

import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;

/**
 * The settings the ingestion jobs and the agent service must agree on, read by one rule for both:
 * the embedding model, the chunk index it writes and searches, and the topic uploads are announced
 * on. A job reading one name and the service another would index where nobody searches, or wait on
 * a topic nobody publishes to.
 */
public final class SharedSettings {
    public static final String EMBEDDING_MODEL = "embedding.model";
    public static final String ELASTICSEARCH_URL = "elasticsearch.url";
    public static final String ELASTICSEARCH_ALIAS = "elasticsearch.alias";
    public static final String ELASTICSEARCH_TIMEOUT_SECONDS = "elasticsearch.timeout-seconds";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
    public static final String KAFKA_UPLOADS_TOPIC = "kafka.uploads-topic";

    public static final String DEFAULT_ELASTICSEARCH_URL = "http://127.0.0.1:9200";
    public static final String DEFAULT_KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    private SharedSettings() {}

    /** {@code embedding.model}; passages and questions must be embedded by the same model. */
    public static EmbeddingModelChoice embeddingModel(ConfigSource source) {
        try {
            return EmbeddingModelChoice.of(source.text(EMBEDDING_MODEL, EmbeddingModelChoice.DEFAULT.id()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigSource.describe(EMBEDDING_MODEL) + " " + e.getMessage(), e);
        }
    }

    /**
     * {@code elasticsearch.url}, and {@code elasticsearch.alias} or, unset, the alias of
     * {@code model}'s own index (see {@link #chunkIndexAlias}).
     */
    public static ElasticsearchSettings elasticsearch(ConfigSource source, EmbeddingModelChoice model) {
        return new ElasticsearchSettings(source.text(ELASTICSEARCH_URL, DEFAULT_ELASTICSEARCH_URL),
                source.text(ELASTICSEARCH_ALIAS, chunkIndexAlias(model)),
                java.time.Duration.ofSeconds(source.integer(ELASTICSEARCH_TIMEOUT_SECONDS,
                        (int) ElasticsearchSettings.DEFAULT_TIMEOUT.toSeconds())));
    }

    /**
     * Each model's chunks in an index of its own ({@code docflow-chunks-bge-small-en-v15-q}), the
     * earlier default's in {@code docflow-chunks}, where they were before the default changed:
     * vectors of two models never meet, and neither do their BM25 statistics (term frequencies are
     * index-wide, so copies of a corpus embedded by another model would shift each other's scores).
     */
    public static String chunkIndexAlias(EmbeddingModelChoice model) {
        return model == EmbeddingModelChoice.LEGACY_DEFAULT
                ? ElasticsearchSettings.DEFAULT_ALIAS
                : ElasticsearchSettings.DEFAULT_ALIAS + "-" + model.id();
    }

    /** {@code kafka.uploads-topic}: where the service publishes upload events and the streaming job reads them. */
    public static String uploadsTopic(ConfigSource source) {
        return source.text(KAFKA_UPLOADS_TOPIC, UploadEvent.TOPIC);
    }

    /** {@code kafka.bootstrap-servers}. */
    public static String kafkaBootstrapServers(ConfigSource source) {
        return source.text(KAFKA_BOOTSTRAP_SERVERS, DEFAULT_KAFKA_BOOTSTRAP_SERVERS);
    }
}
