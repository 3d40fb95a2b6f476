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

    /**
     * A low-level REST client; callers send JSON they built with Jackson, never spliced text. It
     * waits at most {@link ElasticsearchSettings#timeout()} for a connection and as long again for
     * an answer.
     */
    public static RestClient restClient(ElasticsearchSettings settings) {
        int millis = (int) settings.timeout().toMillis();
        return RestClient.builder(host(settings))
                .setDefaultHeaders(new Header[] {new BasicHeader("Content-Type", "application/json")})
                .setRequestConfigCallback(request -> request.setConnectTimeout(millis).setSocketTimeout(millis))
                .build();
    }
}
