package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Asks the agent service's chat endpoint over HTTP, as any application would. */
public final class ChatClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI chat;
    private final String apiKey;

    public ChatClient(int port, String apiKey) {
        this.chat = URI.create("http://127.0.0.1:" + port + "/api/chat");
        this.apiKey = apiKey;
    }

    /** @param retrieval {@code hybrid}, {@code bm25} or {@code knn}; null for the service's default */
    public JsonNode ask(String knowledgeBase, String message, String retrieval) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("knowledgeBase", knowledgeBase).put("message", message);
        if (retrieval != null) {
            body.put("retrieval", retrieval);
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(chat)
                        .header("content-type", "application/json")
                        .header("Authorization", "Bearer " + apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The chat endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
