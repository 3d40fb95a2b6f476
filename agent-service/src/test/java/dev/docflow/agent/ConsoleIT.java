package dev.docflow.agent;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.http.ConsolePlugin;
import dev.docflow.agent.testutils.ApiClient;
import dev.docflow.agent.testutils.HandbookFixture;
import dev.docflow.agent.testutils.IdleFlinkJob;
import dev.docflow.agent.testutils.IngestionStandIn;
import dev.docflow.agent.testutils.NodeProject;
import dev.docflow.agent.testutils.ServedHandbook;
import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console in a real browser: Debian's {@code chromium}, driven by Playwright
 * ({@code src/test/console-browser/console.mjs}, pinned in its {@code package-lock.json}, told to
 * download no browser), against the service running for real on the shared stack (Elasticsearch,
 * PostgreSQL, S3, Kafka, the real embedding model). The script signs in, creates a knowledge base,
 * uploads a real PDF with the file picker and an encrypted one by drag and drop, follows their
 * statuses live, re-uploads a new version of the PDF, chats, follows a citation, and reports what it saw; meanwhile this test does to
 * the two documents what the ingestion job would (no job runs in the service's tests), each step
 * once the page has shown the one before: the script leaves a signal file for each.
 *
 * <p>The screenshots go to {@code target/console-screenshots}, or to {@code -Dconsole.screenshots=DIR}
 * ({@code ../docs/console} refreshes the README's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "How can I read a file in SAS Transport format?";
    private static final Duration STEP = Duration.ofMinutes(2);
    /** Few, so that the script meets the limit with a handful of wrong keys at its end. */
    private static final int FAILED_SIGN_INS_PER_MINUTE = 3;
    /** Over the test's files (R-data.pdf is 309 KB), under the one the script makes to be refused. */
    private static final long MAX_FILE_BYTES = 400_000;

    private final Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private final Path pdf = module.resolve("../samples/R-data.pdf").normalize();
    /** A password-protected PDF of the parse tests: what the job fails with {@code encrypted}. */
    private final Path encrypted = module.resolve("../ingestion-jobs/src/test/resources/parse/encrypted.pdf").normalize();
    private final String knowledgeBase = "console-" + UUID.randomUUID().toString().substring(0, 8);

    private ServedHandbook service;
    /** A real Flink cluster, running a job under the name of this knowledge base's bulk load. */
    private IdleFlinkJob flink;
    private String flinkDashboard;
    private String bulkJobId;
    private java.net.http.HttpResponse<String> otherTenantsJobs;
    private IngestionStandIn job;
    private int expectedPage;
    private String pdfObjectKey;
    private int pdfChunks;
    private int pdfPages;
    /** What console.mjs printed. */
    private JsonNode seen;

    @BeforeAll
    void runTheConsoleInChromium() throws Exception {
        // first, so a machine without Node or chromium fails in seconds, not after the stack has started
        Path chromium = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium)).as("%s: the test drives Debian's chromium (apt-get install chromium;"
                + " .ci/run installs it)", chromium).isTrue();
        NodeProject project = NodeProject.install("src/test/console-browser", Duration.ofMinutes(5),
                Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        // the page the answer is on, by pdftotext: the tests' ground truth for page numbers
        List<IngestionStandIn.Page> pages = IngestionStandIn.pages(pdf);
        expectedPage = pages.stream().filter(page -> page.text().contains("read.xport")).findFirst().orElseThrow().number();

        flink = IdleFlinkJob.startCluster();
        flinkDashboard = flink.restAddress().toString();
        service = ServedHandbook.start("console-it", config -> config.withFlinkDashboardUrl(flinkDashboard)
                .withUploads(config.uploads().withMaxFileBytes(MAX_FILE_BYTES))
                .withLimits(new ServiceLimits(config.limits().maxMessageChars(), config.limits().maxHistoryChars(),
                        config.limits().maxConcurrentAnswersPerTenant(), config.limits().answerDeadline(),
                        FAILED_SIGN_INS_PER_MINUTE, config.limits().maxDatabaseConnections())));
        bulkJobId = flink.run(IngestionJobNames.bulk(service.fixture.tenant, knowledgeBase)).toHexString();
        // asked now: the browser's wrong keys at its end make this address wait
        ApiClient other = service.clientOf("console-other-" + knowledgeBase);
        assertThat(other.post("/api/knowledge-bases", "{\"name\":\"" + knowledgeBase + "\"}").statusCode()).isEqualTo(201);
        otherTenantsJobs = other.get("/api/knowledge-bases/" + knowledgeBase + "/jobs");
        job = new IngestionStandIn(service.database, service.fixture.elasticsearch, EmbeddingModelChoice.DEFAULT.load());
        Path signals = Files.createDirectories(project.dir().resolve("signals-" + knowledgeBase));
        Path screenshots = Path.of(System.getProperty("console.screenshots", module.resolve("target/console-screenshots").toString()));
        Map<String, String> env = new HashMap<>();
        env.put("DOCFLOW_BASE_URL", service.client.base().toString().replaceAll("/$", ""));
        env.put("DOCFLOW_API_KEY", service.client.key());
        env.put("CONSOLE_KB", knowledgeBase);
        env.put("CONSOLE_PDF", pdf.toString());
        env.put("CONSOLE_FAILING", encrypted.toString());
        env.put("CONSOLE_QUESTION", QUESTION);
        env.put("CONSOLE_SIGNALS", signals.toString());
        env.put("CONSOLE_SCREENSHOTS", module.resolve(screenshots).normalize().toString());
        env.put("CHROMIUM", chromium.toString());
        env.put("CONSOLE_TOO_LARGE_BYTES", Long.toString(MAX_FILE_BYTES + 100_000));

        long started = System.nanoTime();
        CompletableFuture<NodeProject.Output> browser = CompletableFuture.supplyAsync(
                () -> project.run(Duration.ofMinutes(6), env, "node", "console.mjs"));

        awaitSignal(signals, "uploaded", browser);
        DocumentRecord uploadedPdf = document(pdf.getFileName().toString());
        DocumentRecord uploadedEncrypted = document(encrypted.getFileName().toString());
        job.claim(uploadedPdf.id());
        job.claim(uploadedEncrypted.id());

        awaitSignal(signals, "processing", browser);
        pdfObjectKey = service.database.uploads().lockVersions(uploadedPdf.id()).orElseThrow().pendingObjectKey();
        pdfChunks = job.indexPdf(uploadedPdf.id(), service.fixture.tenant, knowledgeBase, pdf);
        pdfPages = pages.size();
        job.fail(uploadedEncrypted.id(), Stage.PARSE, FailureReason.ENCRYPTED, "the document is encrypted");

        awaitSignal(signals, "reuploaded", browser);
        job.claim(uploadedPdf.id());
        job.fail(uploadedPdf.id(), Stage.PARSE, FailureReason.CORRUPT, "the file is damaged");

        NodeProject.Output output = browser.get(6, TimeUnit.MINUTES);
        LOG.info("console.mjs took {} s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(output.exitCode()).as("console.mjs failed:\n%s", output.stderr()).isZero();
        seen = JSON.readTree(output.stdout().strip().lines().reduce((first, second) -> second).orElseThrow());
        LOG.info("console.mjs saw {}", seen);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (flink != null) {
            flink.close();
        }
    }

    @Test
    void theConsoleIsServedWithoutAKeyUnderAStrictContentSecurityPolicy() {
        assertThat(seen.path("pageStatus").asInt()).isEqualTo(200);
        assertThat(seen.path("scriptStatus").asInt()).isEqualTo(200);
        assertThat(seen.path("pageCsp").asText()).isEqualTo(ConsolePlugin.CONTENT_SECURITY_POLICY);
        assertThat(seen.path("scriptCsp").asText()).isEqualTo(ConsolePlugin.CONTENT_SECURITY_POLICY);
        assertThat(ConsolePlugin.CONTENT_SECURITY_POLICY).contains("script-src 'self';", "connect-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(seen.path("inlineScriptRan").asBoolean()).as("an injected inline script ran").isFalse();
        assertThat(seen.path("inlineScriptRefusal").asText()).contains("Content Security Policy");
        assertThat(seen.path("requestsOutside")).as("requests to other origins").isEmpty();
    }

    @Test
    void aWrongKeyIsRefusedWithTheApisWordsAndNotKept() {
        assertThat(seen.path("wrongKeyError").asText()).contains("401").contains("Sign in with a valid key");
        assertThat(seen.path("keyKeptAfterWrongKey").isNull()).isTrue();
    }

    @Test
    void theKeyIsKeptInTheSessionOnlyAndLeavesOnSignOut() {
        assertThat(seen.path("keyInSessionStorage").asText()).isEqualTo(service.client.key());
        assertThat(seen.path("localStorageKeys")).isEmpty();
        assertThat(seen.path("cookies").asInt()).isZero();
        assertThat(seen.path("keyAfterSignOut").isNull()).isTrue();
    }

    @Test
    void theTenantsKnowledgeBasesAreListedCreatedAndDeleted() {
        assertThat(texts(seen.path("knowledgeBasesBefore"))).contains(HandbookFixture.KNOWLEDGE_BASE).doesNotContain(knowledgeBase);
        assertThat(seen.path("kbCard").asText()).contains("2 documents", pdfChunks + " chunks", "1 indexed", "1 failed");
        assertThat(texts(seen.path("knowledgeBasesAfter"))).contains(HandbookFixture.KNOWLEDGE_BASE).doesNotContain(knowledgeBase);
        assertThat(service.database.knowledgeBases().find(service.fixture.tenant, knowledgeBase)).isEmpty();
    }

    @Test
    void uploadedFilesMoveToIndexedOrFailedWithTheirReasonWithoutAReload() {
        assertThat(seen.path("sameDocument").asBoolean()).as("the page was not reloaded").isTrue();
        Map<String, JsonNode> rows = new HashMap<>();
        seen.path("rows").forEach(row -> rows.put(row.path("name").asText(), row));
        JsonNode indexed = rows.get(pdf.getFileName().toString());
        assertThat(indexed.path("status").asText()).isEqualTo("indexed");
        assertThat(indexed.path("pages").asText()).isEqualTo(Integer.toString(pdfPages));
        assertThat(indexed.path("chunks").asText()).isEqualTo(Integer.toString(pdfChunks));
        assertThat(indexed.path("failure").asText()).isEmpty();
        JsonNode failed = rows.get(encrypted.getFileName().toString());
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure").asText()).isEqualTo("encrypted: the document is encrypted");
        assertThat(texts(seen.path("failedFilterRows"))).containsExactly(encrypted.getFileName().toString());
        assertThat(seen.path("narrowTableDisplay").asText()).as("the table is cards on a narrow screen").isEqualTo("block");
    }

    @Test
    void aReuploadedVersionThatFailsShowsItsReasonWhileTheOlderOneStaysIndexed() {
        assertThat(seen.path("sameDocumentAfterReupload").asBoolean()).as("the page was not reloaded").isTrue();
        assertThat(seen.path("rowsAfterReupload").asInt()).as("a version, not a new document").isEqualTo(2);
        JsonNode row = seen.path("reuploadedRow");
        assertThat(row.path("status").asText()).isEqualTo("indexed");
        assertThat(row.path("pages").asText()).isEqualTo(Integer.toString(pdfPages));
        assertThat(row.path("chunks").asText()).isEqualTo(Integer.toString(pdfChunks));
        assertThat(row.path("failure").asText())
                .isEqualTo("Latest version failed (the previous one is still served): corrupt: the file is damaged");
        assertThat(seen.path("reuploadAnnouncement").asText()).isEqualTo(pdf.getFileName()
                + ": the new version failed (corrupt: the file is damaged); the previous one stays indexed");
    }

    @Test
    void theStreamedAnswersCitationOpensThePdfAtTheCitedPage() {
        assertThat(seen.path("answerText").asText()).contains("read.xport").contains(seen.path("firstMarker").asText());
        assertThat(seen.path("messagesAriaLive").asText()).isEqualTo("polite");
        JsonNode citation = seen.path("citation");
        assertThat(seen.path("firstMarker").asText()).isEqualTo("[" + citation.path("n").asText() + "]");
        assertThat(citation.path("file").asText()).isEqualTo(pdf.getFileName().toString());
        assertThat(citation.path("pages").asText()).contains("page " + expectedPage);
        assertThat(citation.path("heading").asText()).isNotBlank();
        assertThat(citation.path("passage").asText()).contains("read.xport");
        URI href = URI.create(citation.path("href").asText());
        assertThat(href.getFragment()).isEqualTo("page=" + expectedPage);
        assertThat(citation.path("linkText").asText()).endsWith("at page " + expectedPage);
        // the file's presigned URL: the stored object, signed, fetched without a key
        assertThat(URLDecoder.decode(href.getRawPath(), StandardCharsets.UTF_8))
                .isEqualTo("/" + ObjectStoreSettings.DEFAULT_BUCKET + "/" + pdfObjectKey);
        assertThat(href.getQuery()).contains("X-Amz-Signature=");
        assertThat(seen.path("sourceFetch").path("status").asInt()).isEqualTo(200);
        assertThat(seen.path("sourceFetch").path("head").asText()).isEqualTo("%PDF-");
    }

    @Test
    void conversationsAreListedContinuedAndDeleted() {
        assertThat(seen.path("chatHash").asText()).matches("#/kb/" + knowledgeBase + "/chat/[0-9a-f-]{36}");
        assertThat(seen.path("continuedMessages").asText()).contains("4 messages");
        // asked by the script: once it has met the failed sign-in limit, this address gets 429 for a while
        assertThat(seen.path("deletedConversationStatus").asInt()).as("the deleted conversation").isEqualTo(404);
    }

    @Test
    void aFileOverTheLimitIsRefusedInWordsAndNothingIsAdded() {
        assertThat(seen.path("tooLargeError").asText()).contains("413").contains("upload.max-file-bytes");
        assertThat(seen.path("rowsAfterTooLarge").asInt()).isEqualTo(2);
    }

    @Test
    void tooManyWrongKeysAreRefusedWithTheWaitTheServiceNames() {
        int wrongKeys = seen.path("wrongKeysUntilRefused").asInt();
        assertThat(wrongKeys).as("wrong keys at the end before the 429").isBetween(1, FAILED_SIGN_INS_PER_MINUTE + 1);
        assertThat(seen.path("tooManyError").asText()).startsWith("Too many requests (429):").matches("(?s).*Retry in \\d+ s\\.$");
    }

    @Test
    void anUnknownKnowledgeBaseIsNotFoundInWords() {
        assertThat(seen.path("notFoundError").asText()).startsWith("Not found (404)").contains(knowledgeBase + "-missing");
    }

    @Test
    void theHeaderLinksToTheConfiguredFlinkDashboard() {
        assertThat(seen.path("flinkDashboardHref").asText()).isEqualTo(flinkDashboard);
    }

    @Test
    void theKnowledgeBaseLinksToTheFlinkJobIngestingIt() {
        assertThat(seen.path("jobLinks")).hasSize(1);
        JsonNode link = seen.path("jobLinks").get(0);
        assertThat(link.path("kind").asText()).isEqualTo("BULK");
        assertThat(link.path("text").asText())
                .isEqualTo(IngestionJobNames.bulk(service.fixture.tenant, knowledgeBase) + " (running)");
        assertThat(link.path("href").asText()).isEqualTo(flinkDashboard + "/#/job/running/" + bulkJobId + "/overview");
    }

    @Test
    void anotherTenantsBulkJobIsNotAmongAKnowledgeBasesJobs() {
        // a knowledge base of the same name under another tenant: the running job is not its
        assertThat(otherTenantsJobs.statusCode()).as(otherTenantsJobs.body()).isEqualTo(200);
        assertThat(otherTenantsJobs.body()).contains("\"flinkReachable\":true").contains("\"jobs\":[]");
    }

    @Test
    void theBrowserSawNoScriptError() {
        assertThat(seen.path("consoleErrors").toString())
                .as("errors in the browser's console, other than the failed calls the script provoked")
                .doesNotContain("Refused to", "TypeError", "ReferenceError", "SyntaxError");
    }

    /** The document the console uploaded under {@code fileName}, once its row exists. */
    private DocumentRecord document(String fileName) {
        KnowledgeBase kb = service.database.knowledgeBases().find(service.fixture.tenant, knowledgeBase).orElseThrow();
        return service.database.documents().listByKnowledgeBase(kb.id()).stream()
                .filter(row -> row.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    /** Waits until the script has seen a state, or has ended without (then its error is the failure). */
    private static void awaitSignal(Path signals, String name, CompletableFuture<NodeProject.Output> browser) throws Exception {
        await().atMost(STEP).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(signals.resolve(name)) || browser.isDone());
        if (!Files.exists(signals.resolve(name))) {
            NodeProject.Output output = browser.get();
            throw new AssertionError("console.mjs ended before it saw '" + name + "' (exit " + output.exitCode() + "):\n"
                    + output.stderr() + output.stdout());
        }
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
