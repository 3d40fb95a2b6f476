package dev.docflow.agent.testutils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * Chunks put where the service finds them, as the ingestion job leaves them: in the index with
 * stemmed text, an embedding of heading and text, and ids from document and ordinal; each
 * document with its row in PostgreSQL, {@code indexed}. For ITs that test the service, not the
 * ingestion.
 */
public final class IndexedChunks {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One chunk; a document is its chunks in ordinal order, joined by blank lines. */
    public record Chunk(String tenant, String knowledgeBase, String documentId, String fileName, int ordinal, int page,
            String headingPath, String text) {}

    private IndexedChunks() {}

    /** Indexes {@code chunks} (creating the index behind the settings' alias), then records their documents. */
    public static void index(ElasticsearchSettings elasticsearch, Database database, EmbeddingModel model, List<Chunk> chunks)
            throws IOException, InterruptedException {
        StringBuilder ndjson = new StringBuilder();
        try (ChunkIndex index = new ChunkIndex(elasticsearch); EnglishTextAnalyzer english = new EnglishTextAnalyzer()) {
            index.ensureExists();
            for (Chunk chunk : chunks) {
                String id = ChunkIds.of(chunk.documentId(), chunk.ordinal());
                int start = charStart(chunk, chunks);
                ObjectNode source = JSON.createObjectNode()
                        .put(ChunkFields.CHUNK_ID, id)
                        .put(ChunkFields.TENANT, chunk.tenant())
                        .put(ChunkFields.KNOWLEDGE_BASE, chunk.knowledgeBase())
                        .put(ChunkFields.DOCUMENT_ID, chunk.documentId())
                        .put(ChunkFields.FILE_NAME, chunk.fileName())
                        .put(ChunkFields.CONTENT_TYPE, "text/plain")
                        .put(ChunkFields.ORDINAL, chunk.ordinal())
                        .put(ChunkFields.PAGE_START, chunk.page())
                        .put(ChunkFields.PAGE_END, chunk.page())
                        .put(ChunkFields.CHAR_START, start)
                        .put(ChunkFields.CHAR_END, start + chunk.text().length())
                        .put(ChunkFields.HEADING_PATH, chunk.headingPath())
                        .put(ChunkFields.TEXT, chunk.text())
                        .put(ChunkFields.TEXT_STEMMED, english.analyze(chunk.text()));
                var embedding = source.putArray(ChunkFields.EMBEDDING);
                for (float value : model.embed(chunk.headingPath() + "\n" + chunk.text()).content().vector()) {
                    embedding.add(value);
                }
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_index", elasticsearch.indexAlias()).put("_id", id);
                ndjson.append(action).append('\n').append(source).append('\n');
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || JSON.readTree(response.body()).path("errors").asBoolean()) {
                throw new IllegalStateException("bulk indexing failed: " + response.body());
            }
            index.refresh();
        }
        for (Chunk chunk : chunks) {
            KnowledgeBase kb = database.knowledgeBases().ensure(chunk.tenant(), chunk.knowledgeBase());
            UUID id = UUID.fromString(chunk.documentId());
            if (chunk.ordinal() == 0) {
                database.documents().markProcessing(id, kb.id(), chunk.fileName() + "-" + id, chunk.fileName(), 100, null);
                database.documents().markIndexed(id, null,
                        (int) chunks.stream().filter(other -> other.documentId().equals(chunk.documentId())).count());
            }
        }
    }

    /** Drops the index behind the settings' alias. */
    public static void drop(ElasticsearchSettings elasticsearch) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/"
                        + dev.docflow.connectors.elasticsearch.ChunkIndexMapping.indexName(elasticsearch.indexAlias())))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Where the chunk starts in its document: after the earlier chunks of the document and a blank line each. */
    private static int charStart(Chunk chunk, List<Chunk> chunks) {
        int start = 0;
        for (Chunk earlier : chunks) {
            if (earlier.documentId().equals(chunk.documentId()) && earlier.ordinal() < chunk.ordinal()) {
                start += earlier.text().length() + 2;
            }
        }
        return start;
    }
}
