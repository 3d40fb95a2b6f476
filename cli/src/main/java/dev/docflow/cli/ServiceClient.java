package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The agent service's REST API as the operator commands use it: JSON in and out, a tenant's key,
 * and the service's own error code and message when it refuses ({@link ServiceRefusedException}).
 */
final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for an answer (the service cuts those off at its own deadline). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final URI base;
    private final String apiKey;

    ServiceClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    static String segment(String pathPart) {
        return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    void delete(String path) {
        send(request(path).DELETE());
    }

    URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ServiceRefusedException(0, "unreachable", "no agent service answers at " + base
                    + " (start one with ./docflow up, or set service.url)");
        } catch (IOException e) {
            throw new ServiceRefusedException(0, "unreachable", "the agent service at " + base + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceRefusedException(0, "interrupted", "interrupted while waiting for the agent service");
        }
        if (response.statusCode() == 204) {
            return JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceRefusedException(response.statusCode(), "not_json",
                    "the service at " + base + " answered " + response.statusCode() + " with something other than JSON");
        }
        if (response.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new ServiceRefusedException(response.statusCode(), error.path("code").asText("error"),
                    error.path("message").asText(response.body()));
        }
        return body;
    }
}
