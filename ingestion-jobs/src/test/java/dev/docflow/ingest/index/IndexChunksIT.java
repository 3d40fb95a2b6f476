package dev.docflow.ingest.index;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.IngestionConnectors;
import dev.docflow.ingest.IngestionPipeline;
import dev.docflow.ingest.IngestionSettings;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.testutils.SharedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index stage against the real Elasticsearch and PostgreSQL: a chunk Elasticsearch refuses for
 * good fails its document alone at stage {@code index} (the job neither fails nor restarts, the
 * document is never shown {@code indexed}), and a newer, shorter version removes every chunk of the
 * older one even when that one was written a moment before (not yet visible to search).
 */
class IndexChunksIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = "it-index-" + RUN;
    private static final String KB = "kb";

    private static IngestionSettings settings;
    private static Database database;
    private static ChunkIndex index;
    private static LocalFlinkCluster flink;

    @BeforeAll
    static void start() throws Exception {
        settings = StackIngestionSettings.of(SharedStack.get());
        Database.migrate(settings.database());
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
        index.ensureExists();
        flink = LocalFlinkCluster.start("0", 2);
    }

    @AfterAll
    static void stop() throws Exception {
        index.close();
        flink.close();
    }

    @Test
    void aChunkElasticsearchRefusesFailsItsDocumentAloneAndTheJobGoesOn() throws Exception {
        DocumentRef good = row("good.md");
        DocumentRef refused = row("refused.md");
        // three chunks Elasticsearch takes, then one whose vector has 3 dimensions, not 384: a 400
        // for that item alone, as an immense term or an unparsable value would be
        List<EmbeddedChunk> refusedChunks = new ArrayList<>(chunks(refused, 3, "first version"));
        refusedChunks.add(new EmbeddedChunk(refused, "text/markdown", chunk(3, "a broken chunk"), new float[3], "test"));

        StreamExecutionEnvironment env = flink.environment(2);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(500);
        // a failure would fail the job, not hide behind a restart
        env.setRestartStrategy(RestartStrategies.noRestart());
        IngestionPipeline.recordOutcomes(IngestionPipeline.index(env.fromData(List.of(
                        new EmbeddedDocument(refused, 0, refusedChunks.toArray(new EmbeddedChunk[0])),
                        new EmbeddedDocument(good, 0, chunks(good, 2, "good").toArray(new EmbeddedChunk[0]))),
                TypeInformation.of(EmbeddedDocument.class)), IngestionConnectors.of(settings, 0).index()),
                IngestionConnectors.of(settings, 0).outcomes());
        env.execute("Index chunks (test)");

        DocumentRecord failed = record(refused);
        assertThat(failed.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(failed.failureStage()).isEqualTo(Stage.INDEX);
        assertThat(failed.failureReason()).isEqualTo(FailureReason.REJECTED);
        assertThat(failed.failureMessage()).contains(refused.documentId()).contains(ChunkIds.of(refused.documentId(), 3));
        assertThat(record(good).status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(record(good).chunkCount()).isEqualTo(2);
        index.refresh();
        assertThat(index.countChunks(TENANT, KB, refused.documentId())).as("no half-written version is left").isZero();
        assertThat(index.countChunks(TENANT, KB, good.documentId())).isEqualTo(2);
    }

    @Test
    void aShorterVersionWrittenRightAfterALongerOneLeavesOnlyItsOwnChunks() {
        DocumentRef ref = row("versions.md");
        try (ChunkIndexWriter writer = new ChunkIndexWriter(settings.elasticsearch())) {
            writer.write(new EmbeddedDocument(ref, 0, chunks(ref, 6, "v1").toArray(new EmbeddedChunk[0])), 0);
            // no refresh between the two: a search would not see v1's chunks yet
            writer.write(new EmbeddedDocument(ref, 0, chunks(ref, 2, "v2").toArray(new EmbeddedChunk[0])), 6);
        }
        index.refresh();
        assertThat(chunkIds(ref)).containsExactlyInAnyOrder(ChunkIds.of(ref.documentId(), 0), ChunkIds.of(ref.documentId(), 1));
    }

    @Test
    void aRefusedVersionThrowsForItsDocumentWithTheReasonAndLeavesNoChunk() {
        DocumentRef ref = row("refused-alone.md");
        List<EmbeddedChunk> chunks = new ArrayList<>(chunks(ref, 2, "v1"));
        chunks.add(new EmbeddedChunk(ref, "text/markdown", chunk(2, "broken"), new float[3], "test"));
        try (ChunkIndexWriter writer = new ChunkIndexWriter(new ElasticsearchSettings(settings.elasticsearch().url(), index.alias()))) {
            assertThatThrownBy(() -> writer.write(new EmbeddedDocument(ref, 0, chunks.toArray(new EmbeddedChunk[0])), 0))
                    .isInstanceOfSatisfying(DocumentFailedException.class, e -> {
                        assertThat(e.stage()).isEqualTo(Stage.INDEX);
                        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                        assertThat(e.getMessage()).contains(ref.documentId()).contains("400");
                    });
        }
        index.refresh();
        assertThat(chunkIds(ref)).isEmpty();
    }

    /**
     * Unreachable is the cluster's trouble, not the document's: the write is retried with backoff
     * and then reported as {@link ChunkIndexUnavailableException}, which fails the task so Flink
     * restarts from the checkpoint, never as the document's {@code failed} outcome.
     */
    @Test
    void anUnreachableIndexIsRetriedThenReportedAsUnavailableNeverAsTheDocumentsFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DocumentRef ref = new DocumentRef(UUID.randomUUID().toString(), TENANT, KB, UUID.randomUUID().toString(), "k", "unreachable.md", 10, 1L);
        long started = System.nanoTime();
        try (ChunkIndexWriter writer = new ChunkIndexWriter(new ElasticsearchSettings("http://127.0.0.1:" + closedPort, index.alias()))) {
            assertThatThrownBy(() -> writer.write(new EmbeddedDocument(ref, 0, chunks(ref, 2, "text").toArray(new EmbeddedChunk[0])), 0))
                    .isInstanceOf(ChunkIndexUnavailableException.class)
                    .hasMessageContaining(ChunkIndexWriter.ATTEMPTS + " attempts")
                    .hasMessageContaining(ref.documentId());
        }
        // 0.5 + 1 + 2 + 4 + 8 s of backoff between the six attempts
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(15));
    }

    private static DocumentRef row(String fileName) {
        KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, KB);
        String id = DocumentIds.of(TENANT, kb.id(), fileName);
        String key = ObjectStore.keyOf(TENANT, KB, fileName);
        database.documents().markProcessing(UUID.fromString(id), kb.id(), key, fileName, 10, null);
        return new DocumentRef(id, TENANT, KB, kb.id().toString(), key, fileName, 10, System.currentTimeMillis());
    }

    private static DocumentRecord record(DocumentRef ref) {
        return database.documents().find(UUID.fromString(ref.documentId())).orElseThrow();
    }

    private static List<EmbeddedChunk> chunks(DocumentRef ref, int count, String text) {
        List<EmbeddedChunk> chunks = new ArrayList<>();
        for (int ordinal = 0; ordinal < count; ordinal++) {
            float[] vector = new float[384];
            java.util.Arrays.fill(vector, 0.05f);
            vector[ordinal % 384] = 1f;
            chunks.add(new EmbeddedChunk(ref, "text/markdown", chunk(ordinal, text + " chunk " + ordinal), vector, "test"));
        }
        return chunks;
    }

    private static Chunk chunk(int ordinal, String text) {
        return new Chunk(ordinal, text, 0, 0, 0, text.length(), "", 3, "", null, 0, Chunk.NOT_OCR);
    }

    private static List<String> chunkIds(DocumentRef ref) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 100).put("_source", false).set("query", ChunkIndex.filterQuery(TENANT, KB, ref.documentId()));
        List<String> ids = new ArrayList<>();
        index.search(body).path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }
}
