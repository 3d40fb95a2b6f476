package dev.docflow.ingest;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.Stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.kafka.UploadsTopic;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.worker.ParseWorkerMain;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.ingest.stream.UploadEvents;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
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
import java.util.UUID;
import org.apache.flink.api.common.JobStatus;
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
 * Parsers that never return and parsers that exhaust memory, through the streaming job on a local
 * Flink cluster (in this JVM: the TaskManager is this test's JVM) against the real stack, with the
 * default isolation: each such document fails alone with its reason, the documents around them are
 * indexed, the job never fails over, and after many of them the worker processes and threads are
 * no more than the pool's. The hostile parsers ({@code testparsers}) are registered through Tika's
 * service files on the test class path, which the workers are started with.
 */
class IsolatedParsingIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-isolation-" + RUN;
    private static final String KB = "hostile";
    private static final int PARALLELISM = 2;
    private static final int ROUNDS = 3;

    private static LocalFlinkCluster flink;
    private static IngestionSettings settings;
    private static KafkaSettings kafka;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        IngestionSettings defaults = StackIngestionSettings.of(endpoints);
        assertThat(defaults.extraction().isolation().isolated()).as("the jobs' default").isTrue();
        // 5 s per document; workers of 128 MB, so that a hog's heap is gone in a moment
        settings = new IngestionSettings(defaults.objectStore(), defaults.elasticsearch(), defaults.database(),
                defaults.parseLimits().withMaxParseSeconds(5),
                defaults.extraction().withIsolation(ParseIsolation.DEFAULTS.withWorkerHeap(128L << 20)),
                defaults.chunking(), defaults.embeddingModel());
        kafka = new KafkaSettings(endpoints.kafkaBootstrapServers(), "it.isolation." + RUN, "it-isolation-" + RUN);
        UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
        flink = LocalFlinkCluster.start("0", PARALLELISM);
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        Database.migrate(settings.database());
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
        index.ensureExists();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        index.close();
        flink.close();
    }

    @Test
    void spinningAndMemoryExhaustingParsersFailAloneAndLeaveProcessesAndThreadsBounded(@TempDir Path dir) throws Exception {
        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(PARALLELISM));
        try {
            DocumentRef warmUp = upload(dir, "warm-up.md", "# Warm up\n\nA kestrel hovers over the field.\n");
            publish(warmUp);
            awaitStatus(warmUp, DocumentStatus.INDEXED);
            int threadsBefore = Thread.activeCount();

            List<DocumentRef> spins = new ArrayList<>();
            List<DocumentRef> hogs = new ArrayList<>();
            List<DocumentRef> good = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                spins.add(upload(dir, "loop-" + round + ".spin", "spin"));
                hogs.add(upload(dir, "bomb-" + round + ".hog", "hog"));
                good.add(upload(dir, "note-" + round + ".md", "# Note " + round + "\n\nA heron numbered " + round + " waits by the lake.\n"));
            }
            for (int round = 0; round < ROUNDS; round++) {
                publish(spins.get(round));
                publish(hogs.get(round));
                publish(good.get(round));
            }

            for (DocumentRef ref : good) {
                awaitStatus(ref, DocumentStatus.INDEXED);
            }
            for (DocumentRef ref : spins) {
                assertFailed(awaitStatus(ref, DocumentStatus.FAILED), FailureReason.TIMEOUT);
            }
            for (DocumentRef ref : hogs) {
                assertFailed(awaitStatus(ref, DocumentStatus.FAILED), FailureReason.OUT_OF_MEMORY);
            }
            DocumentRef after = upload(dir, "after.md", "# After\n\nAn otter swims in the river.\n");
            publish(after);
            awaitStatus(after, DocumentStatus.INDEXED);
            index.refresh();
            assertThat(index.countChunks(TENANT, KB, after.documentId())).isPositive();

            assertThat(failuresOf(job)).as("the job never failed over").isEmpty();
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            // one worker per parse subtask, the killed ones gone; their reader threads with them
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(workerProcesses()).hasSizeLessThanOrEqualTo(PARALLELISM);
                assertThat(threadsNamed("docflow-parse-worker-reader-")).hasSizeLessThanOrEqualTo(PARALLELISM);
            });
            assertThat(threadsNamed("docflow-parse-worker")).as("no in-process parse thread, none abandoned")
                    .allMatch(name -> name.startsWith("docflow-parse-worker-reader-"));
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 10);
        } finally {
            job.cancel().get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workerProcesses()).isEmpty());
    }

    private static void assertFailed(DocumentRecord row, FailureReason reason) {
        assertThat(row.failureReason()).as(row.fileName() + ": " + row.failureMessage()).isEqualTo(reason);
        assertThat(row.failureStage()).isEqualTo(Stage.PARSE);
    }

    private static List<ProcessHandle> workerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(ParseWorkerMain.class.getName()))
                .toList();
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(name -> name.startsWith(prefix)).toList();
    }

    private static DocumentRef upload(Path dir, String fileName, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(fileName), content);
        String key = ObjectStore.keyOf(TENANT, KB, fileName);
        store.upload(key, file, "application/octet-stream");
        KnowledgeBase knowledgeBase = database.knowledgeBases().ensure(TENANT, KB);
        String id = DocumentIds.of(TENANT, knowledgeBase.id(), fileName);
        database.documents().markProcessing(UUID.fromString(id), knowledgeBase.id(), key, fileName, Files.size(file), null);
        return new DocumentRef(id, TENANT, KB, knowledgeBase.id().toString(), key, fileName, Files.size(file), 0);
    }

    private static void publish(DocumentRef ref) throws Exception {
        producer.send(new ProducerRecord<>(kafka.uploadsTopic(), ref.documentId(), UploadEvents.of(ref).toJson())).get();
    }

    private static DocumentRecord awaitStatus(DocumentRef ref, DocumentStatus status) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(row(ref).status()).as(ref.fileName()).isEqualTo(status));
        return row(ref);
    }

    private static DocumentRecord row(DocumentRef ref) {
        return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow();
    }

    private static com.fasterxml.jackson.databind.JsonNode failuresOf(JobClient job) throws Exception {
        URI uri = flink.restAddress().resolve("/jobs/" + job.getJobID() + "/exceptions");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("exceptionHistory").path("entries");
    }
}
