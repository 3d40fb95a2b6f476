package dev.docflow.agent.testutils;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.DocumentVersions;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Does to an uploaded document what the ingestion job would, for service tests where no job runs:
 * claims it ({@code uploaded → processing}), then either indexes a PDF's pages (text from
 * {@code pdftotext}, the tests' ground truth for page numbers, in chunks of a few sentences,
 * embedded with the service's model) and settles it indexed, or settles it failed with a reason.
 * Each step is the job's own repository call, so the row moves exactly as it would in production.
 */
public final class IngestionStandIn {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** About the job's chunk size, under the 256 word pieces the model was trained on. */
    private static final int CHUNK_CHARS = 900;

    /** A PDF page's text, 1-based. */
    public record Page(int number, String text) {}

    private final Database database;
    private final ElasticsearchSettings elasticsearch;
    private final EmbeddingModel model;

    public IngestionStandIn(Database database, ElasticsearchSettings elasticsearch, EmbeddingModel model) {
        this.database = database;
        this.elasticsearch = elasticsearch;
        this.model = model;
    }

    /** The job picked the document up. */
    public void claim(UUID id) {
        assertThat(database.documents().markStarted(id)).as("document %s was uploaded and not yet claimed", id).isEqualTo(1);
    }

    /** Indexes {@code pdf}'s pages as the document's chunks and settles it indexed; returns the chunk count. */
    public int indexPdf(UUID id, String tenant, String knowledgeBase, Path pdf) throws Exception {
        DocumentRecord row = database.documents().find(id).orElseThrow();
        List<Page> pages = pages(pdf);
        StringBuilder ndjson = new StringBuilder();
        int ordinal = 0;
        try (EnglishTextAnalyzer english = new EnglishTextAnalyzer()) {
            for (Page page : pages) {
                // the page's first line of words: its running number is a line of its own
                String heading = page.text().lines().map(String::strip).filter(line -> line.matches(".*\\p{L}.*"))
                        .findFirst().orElse("");
                for (String text : chunks(page.text())) {
                    String chunkId = ChunkIds.of(id.toString(), ordinal);
                    ObjectNode source = JSON.createObjectNode()
                            .put(ChunkFields.CHUNK_ID, chunkId)
                            .put(ChunkFields.TENANT, tenant)
                            .put(ChunkFields.KNOWLEDGE_BASE, knowledgeBase)
                            .put(ChunkFields.DOCUMENT_ID, id.toString())
                            .put(ChunkFields.FILE_NAME, row.fileName())
                            .put(ChunkFields.CONTENT_TYPE, "application/pdf")
                            .put(ChunkFields.ORDINAL, ordinal)
                            .put(ChunkFields.PAGE_START, page.number())
                            .put(ChunkFields.PAGE_END, page.number())
                            .put(ChunkFields.HEADING_PATH, heading)
                            .put(ChunkFields.TEXT, text)
                            .put(ChunkFields.TEXT_STEMMED, english.analyze(text));
                    // labelled as the service searches: the fixtures embed with the default model
                    source.put(ChunkFields.EMBEDDING_MODEL, EmbeddingModelChoice.DEFAULT.id());
                    var embedding = source.putArray(ChunkFields.EMBEDDING);
                    for (float value : model.embed(heading + "\n" + text).content().vector()) {
                        embedding.add(value);
                    }
                    ObjectNode action = JSON.createObjectNode();
                    action.putObject("index").put("_index", elasticsearch.indexAlias()).put("_id", chunkId);
                    ndjson.append(action).append('\n').append(source).append('\n');
                    ordinal++;
                }
            }
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("errors").asBoolean()).as(response.body()).isFalse();
        try (ChunkIndex index = new ChunkIndex(elasticsearch)) {
            index.refresh();
        }
        assertThat(database.documents().settleIndexed(id, pendingObjectKey(id), pages.size(), ordinal)).isTrue();
        return ordinal;
    }

    /** Settles the document failed, as the job does for a file it cannot read. */
    public void fail(UUID id, Stage stage, FailureReason reason, String message) {
        assertThat(database.documents().settleFailed(id, pendingObjectKey(id), stage, reason, message)).isTrue();
    }

    private String pendingObjectKey(UUID id) {
        DocumentVersions versions = database.uploads().lockVersions(id).orElseThrow();
        return versions.pendingObjectKey();
    }

    /** Each page of {@code pdf} as {@code pdftotext -f N -l N} prints it (poppler-utils). */
    public static List<Page> pages(Path pdf) throws IOException, InterruptedException {
        String all = run("pdftotext", pdf.toString(), "-");
        // pdftotext ends each page with a form feed: page N is the Nth piece
        String[] pieces = all.split("\f", -1);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isBlank()) {
                pages.add(new Page(i + 1, pieces[i].strip()));
            }
        }
        return pages;
    }

    /** The page's sentences, joined up to about {@link #CHUNK_CHARS}. */
    private static List<String> chunks(String page) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> pieces = new ArrayList<>();
        for (String paragraph : page.split("\n\\s*\n")) {
            pieces.addAll(List.of(paragraph.strip().replaceAll("\\s*\n\\s*", " ").split("(?<=[.!?])\\s+")));
        }
        for (String text : pieces) {
            if (text.isBlank()) {
                continue;
            }
            if (current.length() > 0 && current.length() + text.length() > CHUNK_CHARS) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(text);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is needed to read the test PDF's pages (Debian: apt-get install"
                    + " poppler-utils; .ci/run installs it)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit code", command[0]).isZero();
        return out;
    }
}
