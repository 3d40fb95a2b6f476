package dev.docflow.cli;

import dev.docflow.connectors.config.ConfigSource;
import java.net.URI;
import java.util.Optional;

/**
 * Where the commands that talk to a running agent service ({@code status}, {@code kb}, {@code chat})
 * find it, and with which tenant key.
 *
 * @param url {@code service.url}: default {@code http://127.0.0.1:<http.port>}, the service
 *     {@code ./docflow up} starts
 * @param apiKey {@code service.api-key} ({@code DOCFLOW_SERVICE_API_KEY}): a tenant's key; empty means
 *     the demo tenant's key that {@code up} and {@code demo} keep in the work folder
 */
public record ServiceAccess(URI url, Optional<String> apiKey) {
    static ServiceAccess from(ConfigSource source, int httpPort) {
        String url = source.text("service.url", "http://127.0.0.1:" + httpPort);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("service.url must be the service's http(s) URL; got '" + url + "'");
        }
        String key = source.text("service.api-key", "").strip();
        return new ServiceAccess(URI.create(url.endsWith("/") ? url : url + "/"),
                key.isEmpty() ? Optional.empty() : Optional.of(key));
    }
}
