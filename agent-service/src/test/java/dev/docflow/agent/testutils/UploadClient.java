package dev.docflow.agent.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Knowledge bases and multipart uploads over real HTTP, as one tenant (named by the test header). */
public final class UploadClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String tenant;

    public UploadClient(URI base, String tenant) {
        this.base = base;
        this.tenant = tenant;
    }

    public void create(String knowledgeBase) throws Exception {
        assertThat(send(post("/api/knowledge-bases", "{\"name\":\"" + knowledgeBase + "\"}")).statusCode()).isEqualTo(201);
    }

    /** Uploads the files (name → text) and expects 200. */
    public JsonNode upload(String knowledgeBase, Map<String, String> files) throws Exception {
        HttpResponse<String> response = send(multipart(knowledgeBase, files));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The one file of an upload's reply. */
    public JsonNode uploadOne(String knowledgeBase, String fileName, String text) throws Exception {
        return byName(upload(knowledgeBase, Map.of(fileName, text))).get(fileName);
    }

    public static Map<String, JsonNode> byName(JsonNode reply) {
        Map<String, JsonNode> byName = new HashMap<>();
        reply.path("documents").forEach(document -> byName.put(document.path("fileName").asText(), document));
        return byName;
    }

    public HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Test-Tenant", tenant)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    public HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Test-Tenant", tenant).GET().build();
    }

    public HttpRequest delete(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-Test-Tenant", tenant).DELETE().build();
    }

    public HttpRequest multipart(String knowledgeBase, Map<String, String> files) {
        String boundary = "docflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, content) -> body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + knowledgeBase + "/documents"))
                .header("X-Test-Tenant", tenant)
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI base() {
        return base;
    }
}
