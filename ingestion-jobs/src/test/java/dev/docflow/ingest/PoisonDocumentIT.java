package dev.docflow.ingest;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.contract.KeywordBound;
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
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents that once stalled the streaming job, uploaded through Kafka to the job on a local
 * Flink cluster against the real stack: none of them makes the job fail over, each reaches a
 * terminal status, and the uploads around them are indexed.
 */
class PoisonDocumentIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-poison-" + RUN;
    private static final int PARALLELISM = 2;

    private static LocalFlinkCluster flink;
    private static IngestionSettings settings;
    private static String bootstrapServers;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = StackIngestionSettings.of(endpoints);
        bootstrapServers = endpoints.kafkaBootstrapServers();
        flink = LocalFlinkCluster.start("0", PARALLELISM);
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

    /**
     * The case of issue 13: on the old code Elasticsearch refused the chunks ("immense term in field
     * part_path"), the sink threw and the job replayed the document forever. The document is
     * indexed, its entry's name cut to the keyword bound: the name is a label, the text is whole and
     * searchable, and failing a good file over its label would lose it for nothing.
     */
    @Test
    void aZipEntryNamedWithFortyThousandCharactersIsIndexedWithItsNameCutAndHoldsNoOneUp(@TempDir Path dir) throws Exception {
        String kb = "zip";
        KafkaSettings kafka = topic(kb);
        String entryName = "n".repeat(40_000) + ".txt";
        Path zip = dir.resolve("poison.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entryName));
            out.write("The archived note mentions a kingfisher diving into the pond.".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        DocumentRef poison = upload(kb, "poison.zip", zip, ObjectStore.keyOf(TENANT, kb, "poison.zip"));
        DocumentRef before = upload(kb, "before.md", text(dir, "before.md", "# Before\n\nA heron waits by the lake.\n"),
                ObjectStore.keyOf(TENANT, kb, "before.md"));
        DocumentRef after = upload(kb, "after.md", text(dir, "after.md", "# After\n\nAn otter swims in the river.\n"),
                ObjectStore.keyOf(TENANT, kb, "after.md"));

        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(PARALLELISM));
        try {
            publish(kafka, before);
            publish(kafka, poison);
            publish(kafka, after);
            for (DocumentRef ref : List.of(before, poison, after)) {
                awaitStatus(ref, DocumentStatus.INDEXED);
            }

            assertThat(failuresOf(job)).as("the job never failed over").isEmpty();
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            index.refresh();
            JsonNode hits = chunksOf(kb, poison, true).path("hits").path("hits");
            assertThat(hits).isNotEmpty();
            for (JsonNode hit : hits) {
                String partPath = hit.path("_source").path(ChunkFields.PART_PATH).asText();
                assertThat(partPath).contains("nnnnnnnnnn").endsWith("…");
                assertThat(partPath.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(KeywordBound.MAX_BYTES);
            }
            for (DocumentRef ref : List.of(before, after)) {
                assertThat(index.countChunks(TENANT, kb, ref.documentId())).isEqualTo((long) row(ref).chunkCount()).isPositive();
            }
        } finally {
            job.cancel().get();
        }
    }

    /**
     * On the old code the two versions went to different subtasks (rebalance): v2 was indexed
     * while v1 was held, then v1 overwrote it. Keyed by document id, v2 waits behind v1 and is
     * written last; its stale-chunk removal finds every chunk of v1, written a moment before.
     */
    @Test
    void aSlowOldVersionNeverOverwritesTheQuickNewOne(@TempDir Path dir) throws Exception {
        String kb = "versions";
        KafkaSettings kafka = topic(kb);
        String fileName = "report.md";
        String v1Key = ObjectStore.keyOf(TENANT, kb, fileName) + ".v1";
        String v2Key = ObjectStore.keyOf(TENANT, kb, fileName) + ".v2";
        Path v1File = text(dir, "v1.md", longReport());
        Path v2File = text(dir, "v2.md", "# Report\n\nVERSIONTWO is short: the survey was cancelled.\n");
        DocumentRef v1 = upload(kb, fileName, v1File, v1Key);
        DocumentRef v2 = upload(kb, fileName, v2File, v2Key);
        Set<String> v2Ids = expectedChunkIds(v2, v2File);
        assertThat(expectedChunkIds(v1, v1File)).as("v1 is the longer").hasSizeGreaterThan(v2Ids.size() + 1);

        HoldVersion.hold(v1Key);
        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(PARALLELISM),
                uploads -> uploads.map(new HoldVersion()).name("Hold v1 (test)").uid("hold-v1"));
        try {
            publish(kafka, v1);
            publish(kafka, v2);
            // v1 is slow: held until v2 is searchable, or for HoldVersion.MAX_HOLD when v2 waits behind it
            try {
                await().atMost(HoldVersion.MAX_HOLD).pollInterval(Duration.ofMillis(250)).until(() -> v2Searchable(kb, v2));
            } catch (ConditionTimeoutException e) {
                // keyed by document id, v2 cannot overtake v1: the hold simply ends
            }
            HoldVersion.release();

            // written by both versions (_version 2 or more) and last by v2; v1's other chunks gone
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                index.refresh();
                JsonNode hits = chunksOf(kb, v2, true).path("hits").path("hits");
                Set<String> ids = new HashSet<>();
                for (JsonNode hit : hits) {
                    ids.add(hit.path("_id").asText());
                    assertThat(hit.path("_source").path(ChunkFields.TEXT).asText()).contains("VERSIONTWO");
                    if (hit.path("_id").asText().equals(ChunkIds.of(v2.documentId(), 0))) {
                        assertThat(hit.path("_version").asLong()).as("chunk 0 was written by both versions").isGreaterThanOrEqualTo(2);
                    }
                }
                assertThat(ids).containsExactlyInAnyOrderElementsOf(v2Ids);
                assertThat(row(v2).status()).isEqualTo(DocumentStatus.INDEXED);
            });
            assertThat(failuresOf(job)).as("the job never failed over").isEmpty();
        } finally {
            HoldVersion.release();
            job.cancel().get();
        }
    }

    /**
     * A text at the extraction limit (20M characters) passes parsing and would make some 20,000
     * chunks: at ~30 chunks/s, over ten minutes of the embedding worker, and on the old code past
     * the checkpoint timeout into a restart loop. It fails as {@code too_large} at the chunk stage,
     * as soon as it passes {@code Chunker.MAX_CHUNKS}, and the upload after it is indexed.
     */
    @Test
    void aTwentyMillionCharacterTextFailsAsTooLargeAndTheNextUploadGoesThrough(@TempDir Path dir) throws Exception {
        String kb = "huge";
        KafkaSettings kafka = topic(kb);
        Path huge = dir.resolve("rain.txt");
        long chars = writeRainLog(huge, settings.parseLimits().maxExtractedChars());
        assertThat(chars).isGreaterThan(19_900_000L).isLessThanOrEqualTo(settings.parseLimits().maxExtractedChars());
        DocumentRef poison = upload(kb, "rain.txt", huge, ObjectStore.keyOf(TENANT, kb, "rain.txt"));
        DocumentRef next = upload(kb, "next.md", text(dir, "next.md", "# Next\n\nA wren sings in the hedge.\n"),
                ObjectStore.keyOf(TENANT, kb, "next.md"));

        JobClient job = new StreamingIngestJob(settings, kafka).start(flink.environment(PARALLELISM));
        try {
            publish(kafka, poison);
            publish(kafka, next);
            awaitStatus(poison, DocumentStatus.FAILED, Duration.ofMinutes(5));
            awaitStatus(next, DocumentStatus.INDEXED, Duration.ofMinutes(3));

            DocumentRecord failed = row(poison);
            assertThat(failed.failureReason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failed.failureStage()).isEqualTo(Stage.CHUNK);
            assertThat(failuresOf(job)).as("the job never failed over").isEmpty();
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            index.refresh();
            assertThat(index.countChunks(TENANT, kb, poison.documentId())).isZero();
        } finally {
            job.cancel().get();
        }
    }

    /**
     * A document far longer to embed than its parse budget (10 s here; checkpoints every 5 s): a
     * text of some 3,000 chunks, over a minute of embedding. The budget covers parsing and
     * chunking, whose cost a hostile file can blow up; embedding is bounded by the chunk cap
     * instead, because a budget on it failed real documents as {@code timeout} whenever the machine
     * was busy. The document is indexed whole, the job never fails over, and the upload after it
     * is indexed too.
     */
    @Test
    void aDocumentLongerToEmbedThanItsParseBudgetIsIndexedWholeAndTheNextUploadGoesThrough(@TempDir Path dir) throws Exception {
        String kb = "slow";
        KafkaSettings kafka = topic(kb);
        IngestionSettings tenSeconds = new IngestionSettings(settings.objectStore(), settings.elasticsearch(), settings.database(),
                settings.parseLimits().withMaxParseSeconds(10), settings.extraction(), settings.chunking(), settings.embeddingModel());
        Path slow = dir.resolve("long-rain.txt");
        writeRainLog(slow, 3_000_000);
        DocumentRef large = upload(kb, "long-rain.txt", slow, ObjectStore.keyOf(TENANT, kb, "long-rain.txt"));
        DocumentRef next = upload(kb, "next.md", text(dir, "next.md", "# Next\n\nA robin hops on the lawn.\n"),
                ObjectStore.keyOf(TENANT, kb, "next.md"));

        JobClient job = new StreamingIngestJob(tenSeconds, kafka).start(flink.environment(PARALLELISM));
        try {
            publish(kafka, large);
            publish(kafka, next);
            awaitStatus(next, DocumentStatus.INDEXED, Duration.ofMinutes(6));
            awaitStatus(large, DocumentStatus.INDEXED, Duration.ofMinutes(6));

            DocumentRecord indexed = row(large);
            assertThat(indexed.chunkCount()).as("thousands of chunks, so embedding outlasts the 10 s budget").isGreaterThan(1_000);
            index.refresh();
            assertThat(index.countChunks(TENANT, kb, large.documentId())).isEqualTo((long) indexed.chunkCount());
            assertThat(failuresOf(job)).as("the job never failed over").isEmpty();
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    /** Lines of a rain gauge log, paragraphs of five, up to {@code maxChars} characters; returns how many. */
    private static long writeRainLog(Path file, long maxChars) throws Exception {
        long written = 0;
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int line = 0; ; line++) {
                String text = "Entry " + line + ": the gauge at station " + (line % 97) + " read " + (line * 7 % 113)
                        + " millimetres of rain." + (line % 5 == 4 ? "\n\n" : "\n");
                if (written + text.length() > maxChars) {
                    return written;
                }
                out.write(text);
                written += text.length();
            }
        }
    }

    /** Holds the one version it is told to hold until released; every other record passes. */
    static final class HoldVersion implements MapFunction<DocumentRef, DocumentRef> {
        static final Duration MAX_HOLD = Duration.ofSeconds(12);
        private static volatile String heldKey;
        private static volatile CountDownLatch released = new CountDownLatch(1);

        static void hold(String objectKey) {
            heldKey = objectKey;
            released = new CountDownLatch(1);
        }

        static void release() {
            released.countDown();
        }

        @Override
        public DocumentRef map(DocumentRef ref) throws Exception {
            if (ref.objectKey().equals(heldKey)) {
                released.await(MAX_HOLD.toSeconds() + 5, TimeUnit.SECONDS);
            }
            return ref;
        }
    }

    private boolean v2Searchable(String kb, DocumentRef v2) {
        index.refresh();
        for (JsonNode hit : chunksOf(kb, v2, true).path("hits").path("hits")) {
            if (hit.path("_source").path(ChunkFields.TEXT).asText().contains("VERSIONTWO")) {
                return true;
            }
        }
        return false;
    }

    private static KafkaSettings topic(String name) {
        KafkaSettings kafka = new KafkaSettings(bootstrapServers, "it.poison." + name + "." + RUN, "it-poison-" + name + "-" + RUN);
        UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
        return kafka;
    }

    private static Path text(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Stores the file under {@code key} and points the document's row at it, as the service does. */
    private static DocumentRef upload(String kb, String fileName, Path file, String key) throws Exception {
        store.upload(key, file, "application/octet-stream");
        KnowledgeBase knowledgeBase = database.knowledgeBases().ensure(TENANT, kb);
        String id = DocumentIds.of(TENANT, knowledgeBase.id(), fileName);
        database.documents().markProcessing(UUID.fromString(id), knowledgeBase.id(), key, fileName, Files.size(file), null);
        return new DocumentRef(id, TENANT, kb, knowledgeBase.id().toString(), key, fileName, Files.size(file), 0);
    }

    private static void publish(KafkaSettings kafka, DocumentRef ref) throws Exception {
        producer.send(new ProducerRecord<>(kafka.uploadsTopic(), ref.documentId(), UploadEvents.of(ref).toJson())).get();
    }

    private static Set<String> expectedChunkIds(DocumentRef ref, Path file) {
        Chunker chunker = new Chunker(new WordPieceTokenCounter(), settings.chunking());
        try (DocumentExtractor extractor = new DocumentExtractor(settings.parseLimits(), settings.extraction())) {
            int chunks = chunker.chunk(extractor.extract(ref, file)).size();
            Set<String> ids = new HashSet<>();
            for (int ordinal = 0; ordinal < chunks; ordinal++) {
                ids.add(ChunkIds.of(ref.documentId(), ordinal));
            }
            return ids;
        }
    }

    private static String longReport() {
        StringBuilder text = new StringBuilder("# Report\n\n");
        for (int section = 0; section < 4; section++) {
            text.append("## Site ").append(section).append("\n\n");
            for (int sentence = 0; sentence < 12; sentence++) {
                text.append("VERSIONONE observer recorded sample ").append(section * 100 + sentence)
                        .append(" of the river survey with a water temperature of ").append(10 + sentence)
                        .append(" degrees and a clear sky over the northern bank. ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    private static JsonNode chunksOf(String kb, DocumentRef ref, boolean withSource) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 1000).put("version", true).put("_source", withSource)
                .set("query", ChunkIndex.filterQuery(TENANT, kb, ref.documentId()));
        return index.search(body);
    }

    private static DocumentRecord row(DocumentRef ref) {
        return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow();
    }

    private static void awaitStatus(DocumentRef ref, DocumentStatus status) {
        awaitStatus(ref, status, Duration.ofMinutes(3));
    }

    private static void awaitStatus(DocumentRef ref, DocumentStatus status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(row(ref).status()).as(ref.fileName()).isEqualTo(status));
    }

    /** The job's failures as Flink's REST API lists them (its restarts' causes). */
    private static JsonNode failuresOf(JobClient job) throws Exception {
        URI uri = flink.restAddress().resolve("/jobs/" + job.getJobID() + "/exceptions");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).path("exceptionHistory").path("entries");
    }
}
