package dev.docflow.ingest;

import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.kafka.UploadsTopic;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.chunk.Chunker;
import dev.docflow.ingest.chunk.WordPieceTokenCounter;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.parse.DocumentExtractor;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
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
 * No upload lost, no chunk duplicated, whatever fails: the streaming job on a cluster of two
 * TaskManagers ingests a stream of uploads through an injected operator failure, through a
 * TaskManager being stopped, and across a stop with savepoint and a restart from it. Afterwards
 * each document's chunk ids in Elasticsearch are exactly those its text makes (computed here by the
 * same extractor and chunker), and PostgreSQL says indexed with that many chunks.
 */
class NoLossIngestionIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-noloss-" + RUN;
    private static final int PARALLELISM = 4;

    private static LocalFlinkCluster flink;
    private static IngestionSettings settings;
    private static String bootstrapServers;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;
    private static KafkaProducer<String, byte[]> producer;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = StackIngestionSettings.of(endpoints);
        bootstrapServers = endpoints.kafkaBootstrapServers();
        flink = LocalFlinkCluster.start("0", 2, 2);
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        Database.migrate(settings.database());
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
        index.ensureExists();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        index.close();
        flink.close();
    }

    @Test
    void anOperatorFailingOnceMidStreamLosesAndDuplicatesNothing() throws Exception {
        Scenario scenario = new Scenario("operator-failure", 24);
        FailOnce.arm(10);
        JobClient job = scenario.job().start(flink.environment(PARALLELISM),
                uploads -> uploads.map(new FailOnce()).name("Fail once (test)").uid("fail-once"));
        try {
            scenario.publish(scenario.documents);
            scenario.awaitIndexed(scenario.documents);

            assertThat(FailOnce.failed()).as("the failure was injected").isTrue();
            assertThat(restarts(job)).isPositive();
            scenario.assertExactlyTheExpectedChunks();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aTaskManagerStoppedMidStreamLosesAndDuplicatesNothing() throws Exception {
        Scenario scenario = new Scenario("taskmanager-stopped", 24);
        JobClient job = scenario.job().start(flink.environment(PARALLELISM));
        try {
            List<DocumentRef> first = scenario.documents.subList(0, 12);
            List<DocumentRef> second = scenario.documents.subList(12, 24);
            scenario.publish(first);
            await().atMost(Duration.ofMinutes(2)).until(() -> scenario.indexedCount(first) >= 1);

            flink.miniCluster().terminateTaskManager(0).get();
            flink.miniCluster().startTaskManager();
            scenario.publish(second);
            scenario.awaitIndexed(scenario.documents);

            assertThat(restarts(job)).isPositive();
            scenario.assertExactlyTheExpectedChunks();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aJobStoppedWithASavepointAndStartedFromItLosesAndDuplicatesNothing(@TempDir Path savepoints) throws Exception {
        Scenario scenario = new Scenario("savepoint", 16);
        List<DocumentRef> first = scenario.documents.subList(0, 8);
        List<DocumentRef> second = scenario.documents.subList(8, 16);
        JobClient job = scenario.job().start(flink.environment(PARALLELISM));
        scenario.publish(first);
        scenario.awaitIndexed(first);
        String savepoint = job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();

        scenario.publish(second); // while no job runs
        JobClient restarted = scenario.job().start(flink.environment(PARALLELISM, SavepointRestoreSettings.forPath(savepoint)));
        try {
            scenario.awaitIndexed(scenario.documents);
            scenario.assertExactlyTheExpectedChunks();
        } finally {
            restarted.cancel().get();
        }
    }

    /** One knowledge base, its own topic and consumer group, and documents of several chunks each. */
    private static final class Scenario {
        final String knowledgeBase;
        final KafkaSettings kafka;
        final List<DocumentRef> documents = new ArrayList<>();
        final Map<String, Set<String>> expectedChunkIds = new java.util.HashMap<>();

        Scenario(String name, int count) throws Exception {
            knowledgeBase = name;
            kafka = new KafkaSettings(bootstrapServers, "it.noloss." + name + "." + RUN, "it-noloss-" + name + "-" + RUN);
            UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
            KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, knowledgeBase);
            Chunker chunker = new Chunker(new WordPieceTokenCounter(), settings.chunking());
            try (DocumentExtractor extractor = new DocumentExtractor(settings.parseLimits(), settings.extraction())) {
                for (int i = 0; i < count; i++) {
                    String fileName = "report-" + i + ".md";
                    Path file = Files.writeString(files.resolve(name + "-" + fileName), report(i));
                    String id = DocumentIds.of(TENANT, kb.id(), fileName);
                    String key = ObjectStore.keyOf(TENANT, knowledgeBase, fileName);
                    store.upload(key, file, "text/markdown");
                    database.uploads().insertFirstVersion(UUID.fromString(id), kb.id(), key, fileName, Files.size(file), "h" + i);
                    DocumentRef ref = new DocumentRef(id, TENANT, knowledgeBase, kb.id().toString(), key, fileName, Files.size(file), 0);
                    documents.add(ref);
                    int chunks = chunker.chunk(extractor.extract(ref, file)).size();
                    Set<String> ids = new HashSet<>();
                    for (int ordinal = 0; ordinal < chunks; ordinal++) {
                        ids.add(ChunkIds.of(id, ordinal));
                    }
                    expectedChunkIds.put(id, ids);
                }
            }
        }

        StreamingIngestJob job() {
            return new StreamingIngestJob(settings, kafka);
        }

        void publish(List<DocumentRef> refs) throws Exception {
            for (DocumentRef ref : refs) {
                producer.send(new ProducerRecord<>(kafka.uploadsTopic(), ref.documentId(), UploadEvents.of(ref).toJson())).get();
            }
        }

        long indexedCount(List<DocumentRef> refs) {
            return refs.stream().filter(ref -> row(ref).status() == DocumentStatus.INDEXED).count();
        }

        void awaitIndexed(List<DocumentRef> refs) {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(indexedCount(refs)).isEqualTo(refs.size()));
        }

        void assertExactlyTheExpectedChunks() {
            index.refresh();
            for (DocumentRef ref : documents) {
                Set<String> expected = expectedChunkIds.get(ref.documentId());
                assertThat(expected).as(ref.fileName()).hasSizeGreaterThan(1);
                assertThat(chunkIdsInIndex(ref)).as(ref.fileName()).containsExactlyInAnyOrderElementsOf(expected);
                DocumentRecord row = row(ref);
                assertThat(row.status()).as(ref.fileName()).isEqualTo(DocumentStatus.INDEXED);
                assertThat(row.chunkCount()).as(ref.fileName()).isEqualTo(expected.size());
            }
            assertThat(index.countChunks(TENANT, knowledgeBase))
                    .isEqualTo(expectedChunkIds.values().stream().mapToLong(Set::size).sum());
        }

        private List<String> chunkIdsInIndex(DocumentRef ref) {
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.put("size", 1000).put("_source", false).set("query",
                    ChunkIndex.filterQuery(TENANT, knowledgeBase, ref.documentId()));
            List<String> ids = new ArrayList<>();
            index.search(body).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
            return ids;
        }

        private static DocumentRecord row(DocumentRef ref) {
            return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow();
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

    /** Restarts of the job so far, from the causes Flink's REST API lists. */
    private static int restarts(JobClient job) throws Exception {
        URI uri = flink.restAddress().resolve("/jobs/" + job.getJobID() + "/exceptions");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode entries = new ObjectMapper().readTree(body).path("exceptionHistory").path("entries");
        return entries.size();
    }

    /** Throws once, after a number of documents, in whichever subtask reaches it; shared across restarts. */
    static final class FailOnce implements MapFunction<DocumentRef, DocumentRef> {
        private static final AtomicInteger SEEN = new AtomicInteger();
        private static final AtomicBoolean FAILED = new AtomicBoolean();
        private static volatile int after;

        static void arm(int documents) {
            after = documents;
            SEEN.set(0);
            FAILED.set(false);
        }

        static boolean failed() {
            return FAILED.get();
        }

        @Override
        public DocumentRef map(DocumentRef ref) {
            if (SEEN.incrementAndGet() > after && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + after + " documents");
            }
            return ref;
        }
    }
}
