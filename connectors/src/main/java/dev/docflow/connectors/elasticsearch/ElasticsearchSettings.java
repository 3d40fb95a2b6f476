package dev.docflow.connectors.elasticsearch;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the chunk index lives. Serializable so Flink operators carry it; clients are built from it
 * at run time by {@link ElasticsearchClients}.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param indexAlias the alias every reader and writer uses; it points at a versioned index
 * @param timeout {@code elasticsearch.timeout-seconds}: the longest one request waits for a
 *     connection and then for its answer, so that a stalled cluster fails the request (a 503 for
 *     chat, a retry in the index writer) instead of holding it; null for {@link #DEFAULT_TIMEOUT}
 */
public record ElasticsearchSettings(String url, String indexAlias, Duration timeout) implements Serializable {
    public static final String DEFAULT_ALIAS = "docflow-chunks";
    /** The REST client's own socket timeout; a kNN search on a busy laptop stays well within it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ElasticsearchSettings {
        Objects.requireNonNull(url, "elasticsearch url");
        URI.create(url);
        if (indexAlias == null || indexAlias.isBlank()) {
            indexAlias = DEFAULT_ALIAS;
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("elasticsearch.timeout-seconds (DOCFLOW_ELASTICSEARCH_TIMEOUT_SECONDS)"
                    + " must be at least 1");
        }
    }

    public ElasticsearchSettings(String url, String indexAlias) {
        this(url, indexAlias, DEFAULT_TIMEOUT);
    }

    public static ElasticsearchSettings of(String url) {
        return new ElasticsearchSettings(url, DEFAULT_ALIAS);
    }
}
