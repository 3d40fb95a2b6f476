package dev.docflow.cli;

import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.docflow.cli.testutils.ServiceApi;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.StreamingIngestJob;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upload events that Kafka acknowledged and then dropped before the streaming job read them are
 * recovered, not lost: with the job stopped, documents are uploaded through the service, the
 * topic's retention (one second here) deletes their events, and once the job runs again every
 * document ends {@code indexed}, its event published again by the service's
 * {@code StuckDocumentReconciler}. An event the job cannot read (the form published before
 * upload events carried the knowledge base's id) is skipped by the job and recovered the same way.
 */
class ExpiredUploadEventsIT {
    private static final java.nio.file.Path HOME = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOPIC = "it.expiring." + RUN;
    private static final String KB = "expiring-" + RUN;
    private static final String TENANT = DocflowConfig.DEMO_TENANT;

    private static LocalFlinkCluster flink;
    private static LocalDeployment deployment;
    private static KafkaSettings kafka;
    private static AdminClient admin;
    private static ServiceApi api;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = SharedStack.get().kafkaBootstrapServers();
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        // events older than a second are deleted at the broker's next retention check (every second)
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1).configs(Map.of(
                "retention.ms", "1000", "segment.ms", "1000", "segment.bytes", String.valueOf(1 << 20))))).all().get();
        DocflowConfig config = DocflowConfig.load(HOME, Map.of(
                "DOCFLOW_KAFKA_UPLOADS_TOPIC", TOPIC,
                "DOCFLOW_RECONCILE_STUCK_AFTER_SECONDS", "5",
                // every expired event is published again until it is read: none may end lost here
                "DOCFLOW_RECONCILE_MAX_ATTEMPTS", "1000"));
        flink = LocalFlinkCluster.start("0", 4);
        deployment = LocalDeployment.over(config, SharedStack.get(), flink);
        int port = deployment.startAgent(0);
        api = new ServiceApi(port, deployment.demoKey());
        kafka = new KafkaSettings(bootstrap, TOPIC, "it-expiring-" + RUN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        deployment.close();
        flink.close();
    }

    @Test
    void eventsExpiredBeforeTheJobReadThemEndIndexedOnceItRunsAgain() throws Exception {
        assertThat(api.createKnowledgeBase(KB)).isEqualTo(201);
        JobClient first = startJob();
        String warmUp = api.upload(KB, "warm-up.md", "# Warm up\n\nThe job reads this one while it runs.\n");
        awaitIndexed(warmUp);
        String unreadable = uploadWithAnEventTheJobSkips("unreadable.md", "# Unreadable\n\nIts event lacks the knowledge base id.\n");
        first.cancel().get();

        Map<TopicPartition, Long> endBefore = offsets(OffsetSpec.latest());
        List<String> whileStopped = List.of(
                api.upload(KB, "kestrel.md", "# Kestrel\n\nThe kestrel hovers over the verge before it drops.\n"),
                api.upload(KB, "curlew.md", "# Curlew\n\nThe curlew probes the mud flats with its long bill.\n"),
                api.upload(KB, "dunlin.md", "# Dunlin\n\nDunlins wheel over the estuary in tight flocks.\n"));
        long published = endBefore.values().stream().mapToLong(Long::longValue).sum() + whileStopped.size();
        // acknowledged by Kafka: the outbox published them (the end offsets moved past them)
        Map<TopicPartition, Long> endAfter = await("the events are in the topic").atMost(Duration.ofSeconds(30))
                .until(() -> offsets(OffsetSpec.latest()),
                        end -> end.values().stream().mapToLong(Long::longValue).sum() >= published);
        // then gone before any job read them: the earliest offset of every partition moved past them
        await("retention drops the events").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> offsets(OffsetSpec.earliest()),
                        earliest -> endAfter.entrySet().stream().allMatch(end -> earliest.get(end.getKey()) >= end.getValue()));
        whileStopped.forEach(id -> assertThat(row(id).status()).as("not read yet").isEqualTo(DocumentStatus.UPLOADED));

        JobClient again = startJob();
        try {
            for (String id : whileStopped) {
                awaitIndexed(id);
            }
            awaitIndexed(unreadable);
        } finally {
            again.cancel().get();
        }
        try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
            index.refresh();
            for (String id : concat(whileStopped, unreadable, warmUp)) {
                DocumentRecord row = row(id);
                assertThat(row.status()).isEqualTo(DocumentStatus.INDEXED);
                assertThat(index.countChunks(TENANT, KB, id)).as(row.fileName()).isEqualTo((long) row.chunkCount()).isPositive();
            }
        }
    }

    /**
     * A document stored and recorded as the service does, whose only event is one the job cannot
     * read: the form of upload events from before they carried the knowledge base's id.
     */
    private static String uploadWithAnEventTheJobSkips(String fileName, String text) throws Exception {
        KnowledgeBase kb = deployment.database().knowledgeBases().find(TENANT, KB).orElseThrow();
        UUID id = UUID.fromString(DocumentIds.of(TENANT, kb.id(), fileName));
        String key = ObjectStore.versionKeyOf(TENANT, KB, id.toString(), UUID.randomUUID().toString(), fileName);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new ObjectStore(deployment.ingestionSettings().objectStore())
                .put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, "text/markdown");
        deployment.database().uploads().insertFirstVersion(id, kb.id(), key, fileName, bytes.length, "sha-" + id);
        String oldEvent = "{\"documentId\":\"" + id + "\",\"tenant\":\"" + TENANT + "\",\"knowledgeBase\":\"" + KB
                + "\",\"objectKey\":\"" + key + "\",\"fileName\":\"" + fileName + "\",\"sizeBytes\":" + bytes.length + "}";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, id.toString(), oldEvent.getBytes(StandardCharsets.UTF_8))).get();
        }
        return id.toString();
    }

    private static JobClient startJob() throws Exception {
        return new StreamingIngestJob(deployment.ingestionSettings(), kafka).start(deployment.flinkEnvironment());
    }

    private static Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < 2; partition++) {
            request.put(new TopicPartition(TOPIC, partition), spec);
        }
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static DocumentRecord row(String id) {
        return deployment.database().documents().find(UUID.fromString(id)).orElseThrow();
    }

    private static void awaitIndexed(String id) {
        await(id + " indexed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(row(id).status()).as(row(id).toString()).isEqualTo(DocumentStatus.INDEXED));
    }

    private static List<String> concat(List<String> ids, String... more) {
        List<String> all = new java.util.ArrayList<>(ids);
        all.addAll(List.of(more));
        return all;
    }
}
