package dev.docflow.agent.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The service's HTTP API as a caller holding one key sees it: real requests, bodies as strings. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String key;

    public ApiClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The same service, with another key. */
    public ApiClient withKey(String otherKey) {
        return new ApiClient(base, otherKey);
    }

    public URI base() {
        return base;
    }

    /** For a caller that speaks HTTP by hand. */
    public String key() {
        return key;
    }

    public HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return post(path, body.toString());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A streamed response, line by line as it arrives; close the stream when done. */
    public java.util.stream.Stream<String> postForLines(String path, JsonNode body) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofLines()).body();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
