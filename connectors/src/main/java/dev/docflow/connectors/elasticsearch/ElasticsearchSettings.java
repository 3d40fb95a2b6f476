package dev.docflow.connectors.elasticsearch;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where the chunk index lives. Serializable so Flink operators carry it; clients are built from it
 * at run time by {@link ElasticsearchClients}.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:9200}
 * @param indexAlias the alias every reader and writer uses; it points at a versioned index
 */
public record ElasticsearchSettings(String url, String indexAlias) implements Serializable {
    public static final String DEFAULT_ALIAS = "docflow-chunks";

    public ElasticsearchSettings {
        Objects.requireNonNull(url, "elasticsearch url");
        URI.create(url);
        if (indexAlias == null || indexAlias.isBlank()) {
            indexAlias = DEFAULT_ALIAS;
        }
    }

    public static ElasticsearchSettings of(String url) {
        return new ElasticsearchSettings(url, DEFAULT_ALIAS);
    }
}
