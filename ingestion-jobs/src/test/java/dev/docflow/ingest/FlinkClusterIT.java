package dev.docflow.ingest;

import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.ingest.chunk.Chunker;
import dev.docflow.ingest.chunk.WordPieceTokenCounter;
import dev.docflow.ingest.embed.SharedEmbeddingModel;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.runtime.JobJar;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import dev.docflow.localstack.FlinkSessionCluster;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.docflow.ingest.stream.UploadEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink cluster: a JobManager and two TaskManagers, each its own JVM on
 * Flink's Maven-resolved class path and {@code flink-conf/config.yaml}, as {@code ./docflow cluster up}
 * starts them. The bulk job is uploaded and run over the REST API; once a checkpoint is complete
 * and part of the knowledge base is indexed, one TaskManager is killed with SIGKILL and a new one
 * started. The job recovers from its checkpoint and ends FINISHED; every document's chunk ids in
 * Elasticsearch are exactly those its text makes (computed here by the same extractor and
 * chunker), none more, and PostgreSQL says indexed with that many chunks.
 *
 * <p>Then the streaming job jar on the same TaskManager JVMs: an upload event on its Kafka topic is
 * ingested (ONNX Runtime loaded by the job's class loader), the job is cancelled and submitted
 * again, and a scanned image uploaded to the second job is read by OCR and indexed: native
 * libraries already loaded in those JVMs do not fail a second class loader, the first job's
 * embedding model is closed once its class loader is released, and Flink's leaked-class-loader
 * check (on by default) finds nothing of the first job left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-cluster-" + RUN;
    private static final String KNOWLEDGE_BASE = "reports";
    /**
     * Enough documents (~1,200 chunks) to keep two TaskManagers embedding for a while after the
     * first checkpoint: with 80, the job had finished before the test saw them indexed.
     */
    private static final int DOCUMENTS = 200;

    private static FlinkSessionCluster flink;
    private static IngestConfig config;
    private static Database database;
    private static ChunkIndex index;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() {
        StackEndpoints endpoints = SharedStack.get();
        config = IngestConfig.load(Map.of(),
                "--s3.endpoint", endpoints.s3Endpoint(), "--s3.access-key", endpoints.s3AccessKey(),
                "--s3.secret-key", endpoints.s3SecretKey(), "--elasticsearch.url", endpoints.elasticsearchUrl(),
                "--database.url", endpoints.jdbcUrl(), "--database.user", endpoints.databaseUser(),
                "--database.password", endpoints.databasePassword(),
                "--kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "--tenant", TENANT, "--knowledge-base", KNOWLEDGE_BASE);
        Database.migrate(config.ingestion().database());
        database = Database.open(config.ingestion().database());
        index = new ChunkIndex(config.ingestion().elasticsearch());
        index.ensureExists();
        flink = FlinkSessionCluster.start(Path.of("..", "flink-conf").toAbsolutePath().normalize(), SharedStack.workDir(),
                0, 2, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (flink != null) {
            flink.close();
        }
        if (index != null) {
            index.close();
        }
    }

    @Test
    @Order(1)
    void theBulkJobJarRecoversFromATaskManagerKilledMidRunAndIndexesEveryChunkOnce() throws Exception {
        Map<String, Set<String>> expected = uploadReports();
        RemoteFlinkCluster cluster = new RemoteFlinkCluster(flink.restAddress());
        String jarId = cluster.uploadJar(JobJar.locate(Path.of("target")));
        List<String> args = new ArrayList<>(config.connectionArguments());
        args.addAll(List.of("--tenant", TENANT, "--knowledge-base", KNOWLEDGE_BASE));
        String jobId = cluster.run(jarId, BulkIngestJob.class.getName(), args);

        // generous deadlines: on a quiet machine the whole test takes about 4 minutes, but with both
        // cores shared, loading Tika and the model into a TaskManager alone was seen taking 2 minutes
        await("a completed checkpoint with part of the knowledge base indexed").atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.completedCheckpoints(jobId) >= 1 && indexed(expected.keySet()) >= 1);
        long indexedBeforeKill = indexed(expected.keySet());
        assertThat(indexedBeforeKill).as("documents indexed when the TaskManager is killed").isLessThan(DOCUMENTS);

        List<String> before = flink.registeredTaskManagers();
        String victim = before.get(0);
        flink.killTaskManager(victim);
        assertThat(cluster.jobState(jobId)).as("the job when the TaskManager died").isNotEqualTo("FINISHED");
        String replacement = flink.startTaskManager();

        await("the job to end").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> RemoteFlinkCluster.TERMINAL_STATES.contains(cluster.jobState(jobId)));
        assertThat(cluster.jobState(jobId)).isEqualTo("FINISHED");
        assertThat(cluster.restarts(jobId)).as("restarts after the kill").isPositive();
        assertThat(flink.registeredTaskManagers()).contains(replacement);

        index.refresh();
        for (Map.Entry<String, Set<String>> document : expected.entrySet()) {
            assertThat(document.getValue()).hasSizeGreaterThan(1);
            assertThat(chunkIdsInIndex(document.getKey())).as(document.getKey())
                    .containsExactlyInAnyOrderElementsOf(document.getValue());
            DocumentRecord row = database.documents().find(UUID.fromString(document.getKey())).orElseThrow();
            assertThat(row.status()).as(row.fileName()).isEqualTo(DocumentStatus.INDEXED);
            assertThat(row.chunkCount()).as(row.fileName()).isEqualTo(document.getValue().size());
        }
        assertThat(index.countChunks(TENANT, KNOWLEDGE_BASE))
                .isEqualTo(expected.values().stream().mapToLong(Set::size).sum());
        System.out.printf("FlinkClusterIT: %d documents, %d chunks, %d indexed before the kill of %s, %d restart(s)%n",
                DOCUMENTS, expected.values().stream().mapToLong(Set::size).sum(), indexedBeforeKill, victim,
                cluster.restarts(jobId));
    }

    @Test
    @Order(2)
    void theStreamingJobJarIngestsUploadsAndRunsAgainOnTheSameTaskManagers() throws Exception {
        String topic = "it.cluster.uploads." + RUN;
        List<String> args = new ArrayList<>(config.connectionArguments());
        args.addAll(List.of("--kafka.uploads-topic", topic, "--kafka.consumer-group", "it-cluster-" + RUN));
        RemoteFlinkCluster cluster = new RemoteFlinkCluster(flink.restAddress());
        String jarId = cluster.uploadJar(JobJar.locate(Path.of("target")));
        // the TaskManager killed by the bulk test leaves the JobManager's list at its heartbeat time-out
        await("two TaskManagers registered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> flink.registeredTaskManagers().size() == 2);
        List<String> taskManagers = flink.registeredTaskManagers();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            String first = cluster.run(jarId, StreamingIngestJob.class.getName(), args);
            DocumentRef note = uploadStreamed("note.md",
                    Files.writeString(files.resolve("note.md"), "# Note\n\nA heron waits by the cluster's lake.\n"));
            producer.send(new ProducerRecord<>(topic, note.documentId(), UploadEvents.of(note).toJson())).get();
            awaitIndexed(cluster, first, note);
            long closedBefore = modelsClosedInTaskManagerLogs();
            cluster.cancel(first);
            await("the first streaming job cancelled").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> cluster.jobState(first).equals("CANCELED"));
            // once the TaskManagers release the job's slots and class loader, its model's native session is freed
            await("the cancelled job's embedding model closed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> modelsClosedInTaskManagerLogs() > closedBefore);

            String second = cluster.run(jarId, StreamingIngestJob.class.getName(), args);
            Path scan = files.resolve("scan.png");
            Files.copy(Path.of("src/test/resources/ocr/testOCR.png"), scan);
            DocumentRef scanned = uploadStreamed("scan.png", scan);
            producer.send(new ProducerRecord<>(topic, scanned.documentId(), UploadEvents.of(scanned).toJson())).get();
            awaitIndexed(cluster, second, scanned);
            assertThat(cluster.get("/jobs/" + second + "/exceptions").path("exceptionHistory").path("entries"))
                    .as("the second job never failed").isEmpty();
            assertThat(cluster.jobState(second)).isEqualTo("RUNNING");
            cluster.cancel(second);
        }
        assertThat(flink.registeredTaskManagers()).as("both jobs ran on the same TaskManager JVMs")
                .containsExactlyInAnyOrderElementsOf(taskManagers);
    }

    /** How often the TaskManagers have logged closing a released job's embedding models. */
    private static long modelsClosedInTaskManagerLogs() throws java.io.IOException {
        long count = 0;
        try (var logs = Files.list(flink.folder())) {
            for (Path log : logs.filter(file -> file.getFileName().toString().matches("taskmanager-\\d+\\.log")).toList()) {
                try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    count += lines.filter(line -> line.contains(SharedEmbeddingModel.CLOSED_LOG_LINE)).count();
                }
            }
        }
        return count;
    }

    /** A file in the object store with its document row, as the agent service leaves an upload. */
    private static DocumentRef uploadStreamed(String fileName, Path file) throws Exception {
        ObjectStore store = new ObjectStore(config.ingestion().objectStore());
        UUID knowledgeBaseId = database.knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE).id();
        String id = DocumentIds.of(TENANT, knowledgeBaseId, fileName);
        String key = ObjectStore.keyOf(TENANT, KNOWLEDGE_BASE, fileName);
        store.upload(key, file, "application/octet-stream");
        database.documents().markProcessing(UUID.fromString(id), knowledgeBaseId, key, fileName, Files.size(file), null);
        return new DocumentRef(id, TENANT, KNOWLEDGE_BASE, knowledgeBaseId.toString(), key, fileName, Files.size(file), 0);
    }

    /** Waits for the document to be indexed with chunks; on time-out, says what the job's state and exceptions were. */
    private static void awaitIndexed(RemoteFlinkCluster cluster, String jobId, DocumentRef ref) {
        try {
            // a fresh job's TaskManagers load Tika and the model first: minutes on a shared machine
            await(ref.fileName() + " indexed").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> database.documents().find(UUID.fromString(ref.documentId())).orElseThrow().status()
                            == DocumentStatus.INDEXED);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(ref.fileName() + " not indexed; the document: "
                    + database.documents().find(UUID.fromString(ref.documentId())).orElseThrow() + "; job " + jobId + " "
                    + cluster.jobState(jobId) + ", exceptions: " + cluster.get("/jobs/" + jobId + "/exceptions"), e);
        }
        index.refresh();
        assertThat(index.countChunks(TENANT, KNOWLEDGE_BASE, ref.documentId())).as(ref.fileName()).isPositive();
    }

    /** Uploads the reports and returns each one's expected chunk ids by document id. */
    private static Map<String, Set<String>> uploadReports() throws Exception {
        ObjectStore store = new ObjectStore(config.ingestion().objectStore());
        store.ensureBucket();
        Map<String, Set<String>> expected = new HashMap<>();
        Chunker chunker = new Chunker(new WordPieceTokenCounter(), config.ingestion().chunking());
        UUID knowledgeBaseId = database.knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE).id(); // what the job finds
        try (DocumentExtractor extractor = new DocumentExtractor(config.ingestion().parseLimits(),
                config.ingestion().extraction())) {
            for (int i = 0; i < DOCUMENTS; i++) {
                String fileName = "report-" + i + ".md";
                Path file = Files.writeString(files.resolve(fileName), report(i));
                String id = DocumentIds.of(TENANT, knowledgeBaseId, fileName);
                String key = ObjectStore.keyOf(TENANT, KNOWLEDGE_BASE, fileName);
                store.upload(key, file, "text/markdown");
                DocumentRef ref = new DocumentRef(id, TENANT, KNOWLEDGE_BASE, knowledgeBaseId.toString(), key, fileName,
                        Files.size(file), 0);
                int chunks = chunker.chunk(extractor.extract(ref, file)).size();
                Set<String> ids = new HashSet<>();
                for (int ordinal = 0; ordinal < chunks; ordinal++) {
                    ids.add(ChunkIds.of(id, ordinal));
                }
                expected.put(id, ids);
            }
        }
        return expected;
    }

    /** Documents of the knowledge base PostgreSQL says are indexed, in one query. */
    private static long indexed(Set<String> documentIds) {
        UUID knowledgeBase = database.knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE).id();
        return database.documents().listByKnowledgeBase(knowledgeBase).stream()
                .filter(row -> documentIds.contains(row.id().toString()) && row.status() == DocumentStatus.INDEXED)
                .count();
    }

    private static List<String> chunkIdsInIndex(String documentId) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 1000).put("_source", false).set("query",
                ChunkIndex.filterQuery(TENANT, KNOWLEDGE_BASE, documentId));
        List<String> ids = new ArrayList<>();
        index.search(body).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private static String report(int i) {
        StringBuilder text = new StringBuilder("# Field report " + i + "\n\n");
        for (int section = 0; section < 4; section++) {
            text.append("## Site ").append(section).append("\n\n");
            for (int sentence = 0; sentence < 12; sentence++) {
                text.append("Observer ").append(i).append(" recorded sample ").append(section * 100 + sentence)
                        .append(" of the river survey with a water temperature of ").append(10 + sentence)
                        .append(" degrees and a clear sky over the northern bank. ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }
}
