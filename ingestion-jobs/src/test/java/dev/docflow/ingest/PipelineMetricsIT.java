package dev.docflow.ingest;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.FailureReason;
import static dev.docflow.ingest.testutils.FlinkRestMetrics.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.kafka.UploadsTopic;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.ingest.stream.UploadEvents;
import dev.docflow.ingest.testutils.FlinkRestMetrics;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.GrafanaDashboards;
import dev.docflow.localstack.testutils.SharedStack;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's own metrics, read back the way operators read them: a few real documents (text,
 * an image to OCR, a PDF with a table, an encrypted PDF and a corrupt one) go through the streaming
 * job on a local cluster that runs the Prometheus reporter as {@code flink-conf/config.yaml}
 * configures it; then the figures in Flink's REST API (what the dashboard's metrics tab shows) are
 * checked against what PostgreSQL and Elasticsearch hold, and the reporter's {@code /metrics} against
 * the names the README lists. The streaming job, because it keeps running: a finished job's
 * metrics are gone from its TaskManagers, and the REST API keeps only what it last fetched.
 */
class PipelineMetricsIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-metrics-" + RUN;
    private static final String KB = "watched";

    private static LocalFlinkCluster flink;
    private static int prometheusPort;
    private static IngestionSettings settings;
    private static KafkaSettings kafka;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = StackIngestionSettings.of(endpoints);
        kafka = new KafkaSettings(endpoints.kafkaBootstrapServers(), "it.uploads." + RUN, "it-metrics-" + RUN);
        UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
        try (ServerSocket free = new ServerSocket(0)) {
            prometheusPort = free.getLocalPort();
        }
        flink = LocalFlinkCluster.start("0", 1, 2, reporterAsConfigured());
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        Database.migrate(settings.database());
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The Prometheus reporter as the README, the compose file and the Kubernetes examples enable it
     * (flink-conf/config.yaml leaves it off: it would listen on every interface), on a free port; the
     * REST API fetching every second.
     */
    private static Configuration reporterAsConfigured() throws Exception {
        String conf = Files.readString(Path.of("..", "flink-conf", "config.yaml"));
        assertThat(conf).as("flink-conf/config.yaml documents the reporter, commented out")
                .contains("#        class: " + PROMETHEUS_REPORTER).doesNotContainPattern("(?m)^metrics:");
        Configuration extra = new Configuration();
        extra.setString("metrics.reporter.prom.factory.class", PROMETHEUS_REPORTER);
        extra.setString("metrics.reporter.prom.port", String.valueOf(prometheusPort));
        extra.setString("metrics.fetcher.update-interval", "1000");
        return extra;
    }

    private static final String PROMETHEUS_REPORTER = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        index.close();
        flink.close();
    }

    @Test
    void theDashboardsFiguresAreWhatWasIngestedAndPrometheusNamesThemAll(@TempDir Path dir) throws Exception {
        Path resources = Path.of(PipelineMetricsIT.class.getResource("/parse/encrypted.pdf").toURI()).getParent().getParent();
        byte[] noise = new byte[8192];
        new Random(5).nextBytes(noise);
        List<Path> files = List.of(
                Path.of("..", "samples", "docs__operations__health.md"),
                resources.resolve("ocr/testOCR.png"),
                resources.resolve("tables/frx_2012_disclosure.pdf"),
                resources.resolve("parse/encrypted.pdf"),
                Files.write(dir.resolve("broken.pdf"), noise));
        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(2));
        try {
            List<DocumentRef> refs = new ArrayList<>();
            long bytes = 0;
            for (Path file : files) {
                refs.add(upload(file));
                bytes += Files.size(file);
            }
            for (DocumentRef ref : refs) {
                producer.send(new ProducerRecord<>(kafka.uploadsTopic(), ref.documentId(), UploadEvents.of(ref).toJson())).get();
            }
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(rows().values()).extracting(DocumentRecord::status).containsOnly(DocumentStatus.INDEXED, DocumentStatus.FAILED).hasSize(5));
            index.refresh();
            Map<String, DocumentRecord> rows = rows();
            assertThat(rows.get("encrypted.pdf").failureReason()).isEqualTo(FailureReason.ENCRYPTED);
            assertThat(rows.get("broken.pdf").failureReason()).isEqualTo(FailureReason.CORRUPT);
            long chunks = index.countChunks(TENANT, KB);
            long pages = rows.values().stream().filter(row -> row.pageCount() != null).mapToLong(DocumentRecord::pageCount).sum();
            assertThat(chunks).isEqualTo(rows.values().stream().filter(row -> row.chunkCount() != null)
                    .mapToLong(DocumentRecord::chunkCount).sum()).isPositive();

            FlinkRestMetrics rest = new FlinkRestMetrics(flink.restAddress(), job.getJobID());
            long expectedBytes = bytes;
            // the REST API fetches from the TaskManagers every second: wait for the fetch after the last outcome
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, String> metrics = rest.all();
                assertThat(sum(metrics, "stage.mark_processing.documentsIn")).isEqualTo(5);
                assertThat(sum(metrics, "stage.mark_processing.documentsOut")).isEqualTo(5);
                assertThat(sum(metrics, "stage.parse.documentsIn")).isEqualTo(5);
                assertThat(sum(metrics, "stage.parse.documentsOut")).isEqualTo(3);
                assertThat(sum(metrics, "stage.parse.reason.encrypted.documentsFailed")).isEqualTo(1);
                assertThat(sum(metrics, "stage.parse.reason.corrupt.documentsFailed")).isEqualTo(1);
                assertThat(sum(metrics, "stage.parse.reason.timeout.documentsFailed")).isZero();
                assertThat(sum(metrics, "stage.parse.bytesRead")).isEqualTo(expectedBytes);
                assertThat(sum(metrics, "stage.parse.pages")).isEqualTo(pages);
                assertThat(sum(metrics, "stage.ocr.pagesOcr")).as("the image").isEqualTo(1);
                assertThat(sum(metrics, "stage.ocr.ocrTimeMs")).isPositive();
                assertThat(sum(metrics, "stage.tables.tablesFound")).as("the disclosure's table").isPositive();
                assertThat(sum(metrics, "stage.chunk.documentsOut")).isEqualTo(3);
                assertThat(sum(metrics, "stage.chunk.chunks")).isEqualTo(chunks);
                assertThat(sum(metrics, "stage.embed.embeddings")).isEqualTo(chunks);
                assertThat(sum(metrics, "stage.index.chunksIndexed")).isEqualTo(chunks);
                assertThat(sum(metrics, "stage.index.documentsOut")).isEqualTo(3);
                assertThat(sum(metrics, "stage.index.bulkRejections")).isZero();
                assertThat(sum(metrics, "stage.outcome.documentsDone")).isEqualTo(5);
                assertThat(sum(metrics, "stage.outcome.documentsIndexed")).isEqualTo(3);
                assertThat(sum(metrics, "stage.outcome.documentsFailed")).isEqualTo(2);
            });
            Map<String, String> metrics = rest.all();
            // what operators read (and the README lists): written out for whoever writes dashboards from it
            Files.writeString(Path.of("target", "pipeline-metrics-rest.txt"), metrics.entrySet().stream()
                    .filter(metric -> metric.getKey().contains(".stage."))
                    .map(metric -> metric.getKey() + " = " + metric.getValue()).collect(Collectors.joining("\n", "", "\n")));
            assertThat(metrics.keySet()).as("histograms").anyMatch(id -> id.contains("stage.parse.parseTimeMs"))
                    .anyMatch(id -> id.contains("stage.ocr.ocrTimePerPageMs")).anyMatch(id -> id.contains("stage.embed.embeddingBatchTimeMs"))
                    .anyMatch(id -> id.contains("stage.index.bulkTimeMs"));

            List<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + prometheusPort + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body().lines().filter(line -> !line.startsWith("#")).toList();
            List<String> samples = scrape.stream().filter(line -> line.startsWith("flink_taskmanager_job_task_operator_stage_")).toList();
            // what the Grafana pipeline dashboard queries from Flink is what the reporter exposes
            // (documentsTotal aside: the bulk job's alone, OutcomeMetricsTest registers it)
            Set<String> exposed = scrape.stream().map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            Set<String> queried = GrafanaDashboards.metricNames(
                    GrafanaDashboards.folder(Path.of("..")).resolve("docflow-pipeline.json"), "flink_");
            assertThat(queried).isNotEmpty();
            queried.remove("flink_taskmanager_job_task_operator_stage_documentsTotal");
            assertThat(exposed).containsAll(queried);
            Files.write(Path.of("target", "pipeline-metrics-prometheus.txt"), samples);
            Set<String> names = samples.stream().map(line -> line.substring(0, line.indexOf('{'))).collect(Collectors.toSet());
            assertThat(names).containsAll(Stream.of("documentsIn", "documentsOut", "reason_documentsFailed", "bytesRead",
                    "pages", "parseTimeMs", "parseTimeMs_count", "pagesOcr", "ocrTimeMs", "ocrTimePerPageMs", "tablesFound",
                    "chunks", "embeddings", "embeddingBatchTimeMs", "chunksIndexed", "bulkTimeMs", "bulkRetries", "bulkRejections",
                    "unwantedVersionsRemoved", "reason_documentsSkipped", "documentsDone", "documentsIndexed", "documentsFailed")
                    .map(name -> "flink_taskmanager_job_task_operator_stage_" + name).toList());
            Set<String> stages = samples.stream().map(line -> label(line, "stage")).collect(Collectors.toSet());
            assertThat(stages).containsExactlyInAnyOrder("mark_processing", "parse", "ocr", "tables", "chunk", "embed", "index", "outcome");
            assertThat(samples).as("the encrypted PDF, counted under its stage and reason").anyMatch(line ->
                    line.startsWith("flink_taskmanager_job_task_operator_stage_reason_documentsFailed{") && "parse".equals(label(line, "stage"))
                            && "encrypted".equals(label(line, "reason")) && line.endsWith(" 1.0"));
        } finally {
            job.cancel().get();
        }
    }

    /** The value of a label of a Prometheus sample line, or null. */
    private static String label(String sample, String name) {
        int at = sample.indexOf("," + name + "=\"");
        if (at < 0) {
            at = sample.indexOf("{" + name + "=\"");
        }
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 3;
        return sample.substring(start, sample.indexOf('"', start));
    }

    private DocumentRef upload(Path file) throws Exception {
        String name = file.getFileName().toString();
        String key = ObjectStore.keyOf(TENANT, KB, name);
        store.upload(key, file, "application/octet-stream");
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, KB);
        String id = DocumentIds.of(TENANT, kb.id(), name);
        database.documents().markProcessing(UUID.fromString(id), kb.id(), key, name, Files.size(file), null);
        return new DocumentRef(id, TENANT, KB, kb.id().toString(), key, name, Files.size(file), 0);
    }

    private static Map<String, DocumentRecord> rows() {
        KnowledgeBase knowledgeBase = database.knowledgeBases().find(TENANT, KB).orElseThrow();
        return database.documents().listByKnowledgeBase(knowledgeBase.id()).stream()
                .collect(Collectors.toMap(DocumentRecord::fileName, row -> row));
    }
}
