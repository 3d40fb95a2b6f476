package dev.docflow.cli.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The agent service's knowledge-base and document routes, as a client calls them over HTTP. */
public final class ServiceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String apiKey;

    public ServiceApi(int port, String apiKey) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
    }

    /** @return the HTTP status */
    public int createKnowledgeBase(String name) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))).statusCode();
    }

    public int deleteKnowledgeBase(String name) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + name)).DELETE()).statusCode();
    }

    public int deleteDocument(String knowledgeBase, String id) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents/" + id))
                .DELETE()).statusCode();
    }

    /** Uploads one file; @return its document id */
    public String upload(String knowledgeBase, String fileName, String text) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload of " + fileName + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("documents").get(0).path("id").asText();
    }

    /** The document's status, or {@code "absent"} when the service answers 404. */
    public String status(String knowledgeBase, String id) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents/" + id)).GET());
        if (response.statusCode() == 404) {
            return "absent";
        }
        JsonNode document = JSON.readTree(response.body());
        return document.path("status").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
    }
}
