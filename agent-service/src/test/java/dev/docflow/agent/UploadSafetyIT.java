package dev.docflow.agent;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.testutils.ServedUploads;
import dev.docflow.agent.testutils.UploadClient;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.StoredObject;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.DocumentVersions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploads never lose a file, against the real object store and PostgreSQL over real HTTP: each
 * upload is a version of its own, the served version stays until a newer one is indexed (and stays
 * when the newer one fails), no upload removes another document's file, concurrent uploads leave a
 * consistent row, abandoned objects are swept, limits hold while the body streams, and links never
 * serve uploaded HTML inline. Outcomes are settled here as the ingestion job's outcome sink settles
 * them ({@code DocumentRepository.settleIndexed/settleFailed}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadSafetyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "vault-" + RUN;
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private ServedUploads served;
    private Database database;
    private ObjectStore store;
    private UploadClient client;

    @BeforeAll
    void start() throws Exception {
        served = ServedUploads.start(TENANT, MAX_FILE_BYTES,
                uploads -> uploads.withRequestLimits(4 * MAX_FILE_BYTES, 3).withRemovalGrace(Duration.ZERO));
        database = served.database;
        store = served.store;
        client = served.client;
        for (String kb : List.of("names", "versions", "failures", "race", "sweep", "limits", "links")) {
            client.create(kb);
        }
    }

    @AfterAll
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void uploadingANameWithAnotherDocumentsBytesRemovesNoFile() throws Exception {
        UUID a = UUID.fromString(client.uploadOne("names", "a.md", "Alpha text.").path("id").asText());
        UUID b = UUID.fromString(client.uploadOne("names", "b.md", "Beta text.").path("id").asText());

        JsonNode again = client.uploadOne("names", "a.md", "Beta text.");

        assertThat(again.path("status").asText()).isEqualTo("duplicate");
        assertThat(again.path("duplicateOf").asText()).isEqualTo(b.toString());
        assertThat(read(row(a).objectKey())).isEqualTo("Alpha text.");
        assertThat(read(row(b).objectKey())).isEqualTo("Beta text.");
        assertThat(keys("names")).containsExactlyInAnyOrder(row(a).objectKey(), row(b).objectKey());
    }

    @Test
    void aNewVersionIsStoredBesideTheServedOneWhichGoesOnlyOnceTheNewOneIsIndexed() throws Exception {
        UUID id = UUID.fromString(client.uploadOne("versions", "policy.md", "Version one.").path("id").asText());
        String v1 = row(id).objectKey();
        assertThat(database.documents().settleIndexed(id, v1, null, 1)).isTrue();

        client.uploadOne("versions", "policy.md", "Version two.");
        DocumentVersions waiting = versions(id);
        String v2 = waiting.pendingObjectKey();

        assertThat(waiting.objectKey()).isEqualTo(v1);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(read(v1)).isEqualTo("Version one.");
        assertThat(read(v2)).isEqualTo("Version two.");
        assertThat(database.documents().citableDocuments(new UUID[] {id})).singleElement()
                .satisfies(citable -> assertThat(citable.objectKey()).isEqualTo(v1));

        assertThat(database.documents().settleIndexed(id, v2, null, 1)).isTrue();
        assertThat(row(id).objectKey()).isEqualTo(v2);
        assertThat(row(id).status()).isEqualTo(DocumentStatus.INDEXED);
        awaitTrue("the replaced version's file is removed", () -> !keys("versions").contains(v1));
        assertThat(keys("versions")).containsExactly(v2);
        // a late outcome of the replaced version changes nothing
        assertThat(database.documents().settleIndexed(id, v1, null, 7)).isFalse();
        assertThat(database.documents().settleFailed(id, v1, Stage.PARSE, FailureReason.CORRUPT, "late")).isFalse();
        assertThat(row(id).objectKey()).isEqualTo(v2);
        assertThat(row(id).chunkCount()).isEqualTo(1);
    }

    @Test
    void aFailedNewVersionLeavesTheServedOneSearchableAndLinkedWithTheFailureShown() throws Exception {
        UUID id = UUID.fromString(client.uploadOne("failures", "lease.md", "The lease ends in May.").path("id").asText());
        String v1 = row(id).objectKey();
        database.documents().settleIndexed(id, v1, null, 3);

        client.uploadOne("failures", "lease.md", "%PDF-broken");
        String v2 = versions(id).pendingObjectKey();
        assertThat(database.documents().settleFailed(id, v2, Stage.PARSE, FailureReason.CORRUPT, "the file is damaged")).isTrue();

        JsonNode document = JSON.readTree(client.send(client.get("/api/knowledge-bases/failures/documents/" + id)).body());
        assertThat(document.path("status").asText()).isEqualTo("indexed");
        assertThat(document.path("chunkCount").asInt()).isEqualTo(3);
        assertThat(document.path("latestFailure").path("reason").asText()).isEqualTo("corrupt");
        assertThat(document.path("latestFailure").path("stage").asText()).isEqualTo("parse");
        assertThat(document.has("failure")).as(document.toString()).isFalse();
        assertThat(database.documents().citableDocuments(new UUID[] {id})).singleElement()
                .satisfies(citable -> assertThat(citable.objectKey()).isEqualTo(v1));
        awaitTrue("the failed version's file is removed", () -> !keys("failures").contains(v2));
        assertThat(read(v1)).isEqualTo("The lease ends in May.");
    }

    @Test
    void aNewVersionTheIndexRefusedPartWayLeavesTheDocumentFailedNotServingChunksItLost() throws Exception {
        UUID id = UUID.fromString(client.uploadOne("failures", "rates.md", "Rates: 3%.").path("id").asText());
        database.documents().settleIndexed(id, row(id).objectKey(), null, 2);
        client.uploadOne("failures", "rates.md", "Rates: 4%.");
        String v2 = versions(id).pendingObjectKey();

        // the index stage had begun overwriting the served chunks, then removed the document's chunks
        assertThat(database.documents().settleFailed(id, v2, Stage.INDEX, FailureReason.REJECTED, "chunk refused", false)).isTrue();

        assertThat(row(id).status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(row(id).objectKey()).isEqualTo(v2);
        assertThat(row(id).chunkCount()).isZero();
        assertThat(database.documents().citableDocuments(new UUID[] {id})).isEmpty();
    }

    @Test
    void concurrentUploadsOfOneNameEndWithARowWhoseHashIsThatOfItsStoredBytes() throws Exception {
        int uploads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                String text = "Draft number " + i + ".";
                replies.add(pool.submit((Callable<JsonNode>) () -> client.uploadOne("race", "draft.md", text)));
            }
            for (Future<JsonNode> reply : replies) {
                assertThat(reply.get().path("status").asText()).isEqualTo("uploaded");
            }
        } finally {
            pool.shutdownNow();
        }
        UUID id = UUID.fromString(row("race", "draft.md").id().toString());
        DocumentVersions versions = versions(id);

        assertThat(sha256(read(versions.pendingObjectKey()))).isEqualTo(versions.pendingSha256());
        assertThat(sha256(read(versions.objectKey()))).isEqualTo(versions.sha256());
        awaitTrue("every replaced, never-served version is removed",
                () -> keys("race").size() == (versions.objectKey().equals(versions.pendingObjectKey()) ? 1 : 2));
    }

    @Test
    void anObjectStoredByAnUploadThatDiedBeforeItsRowIsSweptAndAServedOneNeverIs() throws Exception {
        String served = row(UUID.fromString(client.uploadOne("sweep", "kept.md", "Kept.").path("id").asText())).objectKey();
        String abandoned = ObjectStore.versionKeyOf(TENANT, "sweep", UUID.randomUUID().toString(), "v", "lost.md");
        // what an upload leaves when the service dies between the store and PostgreSQL, once its intent is due
        database.objectRemovals().schedule(abandoned, 0);
        store.put(abandoned, new ByteArrayInputStream("orphan".getBytes(StandardCharsets.UTF_8)), 6, "text/plain");
        database.objectRemovals().schedule(served, 0); // a wrong schedule must not take a served file

        awaitTrue("the abandoned object is removed", () -> !keys("sweep").contains(abandoned));
        awaitTrue("both schedules are settled", () -> database.objectRemovals().due(0, 100).stream()
                .noneMatch(key -> key.equals(served) || key.equals(abandoned)));
        assertThat(keys("sweep")).containsExactly(served);
    }

    @Test
    void aChunkedBodyFarOverTheLimitIsRefusedAndTheConnectionClosedOnTheSender() throws Exception {
        Refusal refusal = sendTwoGigabytes();

        assertThat(refusal.statusLine()).startsWith("HTTP/1.1 413");
        // Jetty reads (and drops) what the client has already sent before it closes; on loopback a
        // sender outruns it by tens of MB, nothing of which is stored
        assertThat(refusal.bytesSent()).as("bytes sent before the refusal").isLessThan(256L << 20);
        assertThat(keys("limits")).isEmpty();
        System.out.printf("upload limit (chunked): refused after %,d of %,d bytes sent (limit %,d)%n",
                refusal.bytesSent(), 2L << 30, MAX_FILE_BYTES);
    }

    @Test
    void aDeclaredLengthOverTheRequestLimitIsRefusedBeforeAByteOfTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", client.base().getPort())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            // what curl sends for a large body: it waits for 100 Continue (or the final answer) first
            socket.getOutputStream().write(("POST /api/knowledge-bases/limits/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Test-Tenant: " + TENANT + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + (2L << 30) + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(readLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    private record Refusal(String statusLine, long bytesSent) {}

    /** Streams a 2 GB file in chunks, until the service answers; counts what was sent by then. */
    private Refusal sendTwoGigabytes() throws Exception {
        long offered = 2L << 30;
        AtomicLong written = new AtomicLong();
        String boundary = "limit-" + RUN;
        byte[] partHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", client.base().getPort())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/knowledge-bases/limits/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Test-Tenant: " + TENANT + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                try {
                    chunk(out, partHead);
                    while (written.get() < offered) {
                        chunk(out, block);
                        written.addAndGet(block.length);
                    }
                } catch (Exception e) {
                    // the service closed the connection: what a refused upload should see
                }
            });
            writer.setDaemon(true);
            writer.start();
            return new Refusal(readLine(socket.getInputStream()), written.get());
        }
    }

    @Test
    void moreFilesThanAllowedInOneRequestAreRefusedAndNoneIsKept() throws Exception {
        HttpResponse<String> response = client.send(client.multipart("limits",
                Map.of("1.md", "one", "2.md", "two", "3.md", "three", "4.md", "four")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("too_many_files");
        assertThat(keys("limits")).isEmpty();
    }

    @Test
    void linksServeUploadedHtmlAsADownloadAndPdfsInline() throws Exception {
        String page = row(UUID.fromString(client.uploadOne("links", "page.html", "<script>alert(1)</script>").path("id")
                .asText())).objectKey();
        String pdf = row(UUID.fromString(client.uploadOne("links", "manual.pdf", "%PDF-1.4 stand-in").path("id")
                .asText())).objectKey();

        HttpResponse<String> html = fetch(store.presignedGet(page, Duration.ofMinutes(1)));
        HttpResponse<String> inline = fetch(store.presignedGet(pdf, Duration.ofMinutes(1)));

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("content-disposition")).get().asString()
                .startsWith("attachment;").contains("filename=\"page.html\"");
        assertThat(inline.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(inline.headers().firstValue("content-disposition")).get().asString().startsWith("inline;");
    }

    private HttpResponse<String> fetch(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void chunk(OutputStream out, byte[] data) throws Exception {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private DocumentRecord row(UUID id) {
        return database.documents().find(id).orElseThrow();
    }

    private DocumentRecord row(String kb, String fileName) {
        UUID kbId = database.knowledgeBases().find(TENANT, kb).orElseThrow().id();
        return database.documents().listByKnowledgeBase(kbId).stream().filter(r -> r.fileName().equals(fileName))
                .findFirst().orElseThrow();
    }

    private DocumentVersions versions(UUID id) {
        return database.uploads().lockVersions(id).orElseThrow();
    }

    private List<String> keys(String kb) {
        return store.list(ObjectStore.prefixOf(TENANT, kb)).stream().map(StoredObject::key).toList();
    }

    private String read(String key) throws Exception {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
