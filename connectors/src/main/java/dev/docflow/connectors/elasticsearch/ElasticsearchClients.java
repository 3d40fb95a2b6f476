package dev.docflow.connectors.elasticsearch;

import java.net.URI;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/** The one place an Elasticsearch client is built. */
public final class ElasticsearchClients {
    private ElasticsearchClients() {}

    public static HttpHost host(ElasticsearchSettings settings) {
        URI uri = URI.create(settings.url());
        return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
    }

    /** A low-level REST client; callers send JSON they built with Jackson, never spliced text. */
    public static RestClient restClient(ElasticsearchSettings settings) {
        return RestClient.builder(host(settings))
                .setDefaultHeaders(new Header[] {new BasicHeader("Content-Type", "application/json")})
                .build();
    }
}
