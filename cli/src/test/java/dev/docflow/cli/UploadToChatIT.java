package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live path end to end, as {@code ./docflow up} runs it: a file uploaded over HTTP is stored,
 * its event goes through Kafka to the streaming job, it is indexed, and chat cites it; a new
 * version replaces it, and once deleted it is never cited.
 */
class UploadToChatIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KB = "field-notes-" + UUID.randomUUID().toString().substring(0, 8);

    private static LocalFlinkCluster flink;
    private static LocalDeployment deployment;
    private static URI base;
    private static ChatClient chat;
    private static String demoKey;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServiceAndTheStreamingJob() throws Exception {
        DocflowConfig config = DocflowConfig.load(HOME, Map.of());
        flink = LocalFlinkCluster.start("0", 4);
        deployment = LocalDeployment.over(config, SharedStack.get(), flink);
        int port = deployment.startAgent(0);
        deployment.startStreamingJob();
        base = URI.create("http://127.0.0.1:" + port);
        chat = new ChatClient(port, deployment.demoKey());
        demoKey = deployment.demoKey();
    }

    @AfterAll
    static void stop() throws Exception {
        deployment.close();
        flink.close();
    }

    @Test
    void anUploadIsIndexedAndCitedThenReplacedThenDeleted() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + KB + "\"}")).build()).statusCode()).isEqualTo(201);

        String id = upload("# Wetlands\n\nThe grey heron nests in the reed beds near the northern lake every spring.\n");
        awaitIndexed(id);
        // searchable within the index's refresh interval (a second) of being committed
        JsonNode first = awaitCitation("reed beds");
        assertThat(first.path("citations").get(0).path("fileName").asText()).isEqualTo("wetlands.md");

        assertThat(upload("# Wetlands\n\nThe grey heron has moved its nests to the old oak woods by the river.\n"))
                .isEqualTo(id);
        awaitIndexed(id);
        JsonNode second = awaitCitation("oak woods");
        assertThat(second.toString()).doesNotContain("reed beds");

        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + KB + "/documents/" + id))
                .DELETE().build()).statusCode()).isEqualTo(204);
        JsonNode afterDeletion = chat.ask(KB, "Where does the grey heron nest?", null);
        assertThat(afterDeletion.path("citations")).isEmpty();
    }

    private String upload(String markdown) throws Exception {
        return upload(KB, "wetlands.md", "text/markdown", markdown);
    }

    private String upload(String kb, String fileName, String contentType, String text) throws Exception {
        String boundary = "b-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + kb + "/documents"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body()).path("documents").get(0);
        assertThat(document.path("status").asText()).isEqualTo("uploaded");
        return document.path("id").asText();
    }

    /**
     * Two documents of different types, uploaded one after the other, go through the streaming job;
     * chat filtered by document id, file type and upload time (read back from PostgreSQL: the
     * time the index holds) cites only the document each filter admits.
     */
    @Test
    void aFilteredChatCitesOnlyTheDocumentsTheFilterAdmits() throws Exception {
        String kb = "filters-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + kb + "\"}")).build()).statusCode()).isEqualTo(201);
        String herons = upload(kb, "herons.md", "text/markdown",
                "# Herons\n\nThe grey heron builds its nest high in the alder trees beside the canal.\n");
        awaitIndexed(kb, herons);
        String egrets = upload(kb, "egrets.txt", "text/plain",
                "The little egret builds its nest among the herons in the alder trees beside the canal.\n");
        awaitIndexed(kb, egrets);
        Instant heronsUploaded = uploadedAt(kb, herons);
        Instant egretsUploaded = uploadedAt(kb, egrets);
        assertThat(egretsUploaded).as("uploaded one after the other").isAfter(heronsUploaded);
        String question = "Where do herons and egrets build their nests?";
        // both are searchable once the index refreshed (within a second of the commit)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> citedDocuments(kb, question, "{}"), cited -> cited.containsAll(List.of(herons, egrets)));

        assertThat(citedDocuments(kb, question, "{\"documentIds\":[\"" + herons + "\"]}")).containsOnly(herons);
        assertThat(citedDocuments(kb, question, "{\"fileTypes\":[\"txt\"]}")).containsOnly(egrets);
        assertThat(citedDocuments(kb, question, "{\"fileTypes\":[\"MD\", \"pdf\"]}")).containsOnly(herons);
        assertThat(citedDocuments(kb, question, "{\"fileTypes\":[\"pdf\"]}")).isEmpty();
        assertThat(citedDocuments(kb, question, "{\"uploadedFrom\":\"" + egretsUploaded + "\"}")).containsOnly(egrets);
        assertThat(citedDocuments(kb, question, "{\"uploadedBefore\":\"" + egretsUploaded + "\"}")).containsOnly(herons);
        assertThat(citedDocuments(kb, question, "{\"uploadedFrom\":\"" + heronsUploaded
                + "\",\"uploadedBefore\":\"" + egretsUploaded.plusMillis(1) + "\",\"fileTypes\":[\"txt\"]}")).containsOnly(egrets);
        assertThat(citedDocuments(kb, question, "{\"documentIds\":[\"" + herons + "\"],\"fileTypes\":[\"txt\"]}")).isEmpty();
    }

    /**
     * The operator commands against this running service: {@code kb create|list|delete},
     * {@code status} (counts, the failure with its reason, the streaming job with its dashboard
     * link) and {@code chat} (numbered citations; a follow-up continues the conversation).
     */
    @Test
    void theOperatorCommandsShowAndManageKnowledgeBases() throws Exception {
        String kb = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String[] service = {"--url", base.toString(), "--key", demoKey};
        assertThat(run("kb", "create", kb, service[0], service[1], service[2], service[3]).out()).contains("Created " + kb);
        assertThat(run(concat(new String[] {"kb", "list"}, service)).out()).contains(kb);
        String herons = upload(kb, "herons.md", "text/markdown",
                "# Herons\n\nThe grey heron nests in the alder trees beside the canal.\n\n"
                        + "## Winter\n\nIn winter the grey heron moves to the estuary mudflats.\n");
        // a PDF header, then no PDF: the parse stage fails it as corrupt
        String broken = upload(kb, "broken.pdf", "application/pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog /Pages 9 0 R");
        awaitIndexed(kb, herons);
        String settled = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/api/knowledge-bases/" + kb + "/documents/" + broken))
                        .GET().build()).body()).path("status").asText(), state -> state.equals("failed") || state.equals("indexed"));
        assertThat(settled).isEqualTo("failed");

        Run status = run(concat(new String[] {"status", "--kb", kb}, service));
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains(kb + ": 2 documents (0 uploaded, 0 processing, 1 indexed, 1 failed)")
                .contains("    broken.pdf  parse/corrupt")
                .contains("  job: Streaming ingest (Kafka uploads)  RUNNING  " + deployment.flinkDashboard() + "/#/job/running/");

        Run chatting = run(new java.io.BufferedReader(new java.io.StringReader(
                "Where does the grey heron nest?\nAnd in winter?\n\n")), concat(new String[] {"chat", "--kb", kb}, service));
        assertThat(chatting.exitCode()).as(chatting.err()).isZero();
        assertThat(chatting.out()).contains("[1] herons.md").contains("alder trees").contains("estuary mudflats");

        assertThat(run(concat(new String[] {"kb", "delete", kb}, service)).out()).contains("Deleted " + kb);
        Run gone = run(concat(new String[] {"status", "--kb", kb}, service));
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).startsWith("docflow status: ").contains("404");
        Run nobody = run("status", "--url", "http://127.0.0.1:1", "--key", demoKey);
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("no agent service answers at http://127.0.0.1:1/");
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        return run(null, args);
    }

    /** Runs a {@code ./docflow} command line in this JVM, as {@code main} would, with {@code input} typed into it. */
    private static Run run(java.io.BufferedReader input, String... args) {
        picocli.CommandLine commandLine = Docflow.commandLine(DocflowConfig.load(HOME, Map.of()));
        if (input != null) {
            commandLine.getSubcommands().get("chat").<ChatCommand>getCommand().questions = input;
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
                .toArray(String[]::new);
    }

    /** The documents a chat answer cites, in citation order. */
    private List<String> citedDocuments(String kb, String question, String filter) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/chat"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"knowledgeBase\":\"" + kb + "\",\"message\":\"" + question
                        + "\",\"filter\":" + filter + "}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(response.body()).path("citations").forEach(citation -> ids.add(citation.path("documentId").asText()));
        return ids;
    }

    /** The document's upload time as the index holds it: its row's creation time, to the millisecond. */
    private Instant uploadedAt(String kb, String id) throws Exception {
        JsonNode document = JSON.readTree(send(HttpRequest.newBuilder(
                base.resolve("/api/knowledge-bases/" + kb + "/documents/" + id)).GET().build()).body());
        return OffsetDateTime.parse(document.path("createdAt").asText()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void awaitIndexed(String id) {
        awaitIndexed(KB, id);
    }

    /** Waits until the streaming job has committed the document as indexed; failing it ends the wait. */
    private void awaitIndexed(String kb, String id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode document = JSON.readTree(send(HttpRequest.newBuilder(
                    base.resolve("/api/knowledge-bases/" + kb + "/documents/" + id)).GET().build()).body());
            assertThat(document.path("status").asText()).as(document.toString()).isNotEqualTo("failed");
            return document.path("status").asText().equals("indexed");
        });
    }

    /** Asks until the first citation holds {@code passage}, and returns that reply. */
    private static JsonNode awaitCitation(String passage) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> chat.ask(KB, "Where does the grey heron nest?", null),
                        reply -> reply.path("citations").path(0).path("snippet").asText().contains(passage));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpRequest authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + demoKey).build();
        return http.send(authorized, HttpResponse.BodyHandlers.ofString());
    }
}
