package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.docflow.cli.testutils.FlinkJobMetrics;
import dev.docflow.cli.testutils.ServiceApi;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.StreamingIngestJob;
import dev.docflow.ingest.index.IndexChunksFunction;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.localstack.testutils.SharedStack;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deletes racing ingestion, through the service's routes and the streaming job on a local Flink
 * cluster: a document, and a whole knowledge base, deleted while the job is still working on a
 * large document of theirs leave no chunk in Elasticsearch, no object in the S3 server and no row
 * in PostgreSQL; a knowledge base deleted and created again under the same name while its old
 * document is in flight ends with none of the old one's chunks.
 *
 * <p>The large document keeps the job busy embedding for seconds after its row says
 * {@code processing}, which is when it is deleted. Each test waits until the index stage has
 * done with the document (its counter of versions removed after their write, read through Flink's
 * REST API), so the assertions run after the write that would otherwise leave chunks behind.
 */
class DeleteDuringIngestionIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TENANT = DocflowConfig.DEMO_TENANT;

    private static LocalFlinkCluster flink;
    private static LocalDeployment deployment;
    private static JobClient job;
    private static ServiceApi api;
    private static FlinkJobMetrics metrics;
    private static ChunkIndex index;
    private static ObjectStore store;

    @BeforeAll
    static void startTheServiceAndTheStreamingJob() throws Exception {
        DocflowConfig config = DocflowConfig.load(HOME, Map.of());
        flink = LocalFlinkCluster.start("0", 4);
        deployment = LocalDeployment.over(config, SharedStack.get(), flink);
        int port = deployment.startAgent(0);
        job = new StreamingIngestJob(deployment.ingestionSettings(), deployment.ingestConfig().kafka())
                .start(deployment.flinkEnvironment());
        api = new ServiceApi(port, deployment.demoKey());
        metrics = new FlinkJobMetrics(flink.restAddress(), job.getJobID());
        index = new ChunkIndex(deployment.elasticsearchSettings());
        store = new ObjectStore(deployment.ingestionSettings().objectStore());
    }

    @AfterAll
    static void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        if (index != null) {
            index.close();
        }
        deployment.close();
        flink.close();
    }

    @Test
    void aDocumentDeletedWhileItIsIngestedLeavesNothing() throws Exception {
        String kb = "del-doc-" + RUN;
        assertThat(api.createKnowledgeBase(kb)).isEqualTo(201);
        long before = finishedDocuments();
        String id = api.upload(kb, "large.md", largeDocument("heron"));
        awaitStatus(kb, id, "processing");

        assertThat(api.deleteDocument(kb, id)).isEqualTo(204);
        // the job is done with it in one of three ways, by how the delete fell: its chunks written
        // and then removed by the index stage (the counter), or an outcome that changes nothing
        // (written before the delete marked the row, whose removal then took them; or its file
        // already gone when the parse stage came to read it)
        await("the job finished with the deleted document").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> finishedDocuments() >= before + 1);

        index.refresh();
        assertThat(chunksWhere(ChunkFields.DOCUMENT_ID, id)).as("chunks of the deleted document").isZero();
        assertThat(store.list(ObjectStore.prefixOf(TENANT, kb))).as("objects of the deleted document").isEmpty();
        assertThat(deployment.database().documents().find(UUID.fromString(id))).as("its row").isEmpty();
    }

    @Test
    void aKnowledgeBaseDeletedWhileItsDocumentIsIngestedLeavesNothing() throws Exception {
        String kb = "del-kb-" + RUN;
        assertThat(api.createKnowledgeBase(kb)).isEqualTo(201);
        KnowledgeBase created = deployment.database().knowledgeBases().find(TENANT, kb).orElseThrow();
        long before = removedAfterWrite();
        String id = api.upload(kb, "large.md", largeDocument("otter"));
        awaitStatus(kb, id, "processing");

        assertThat(api.deleteKnowledgeBase(kb)).isEqualTo(204);
        awaitRemovedAfterWrite(before + 1);

        index.refresh();
        assertThat(chunksWhere(ChunkFields.KNOWLEDGE_BASE_ID, created.id().toString())).as("chunks of the knowledge base").isZero();
        assertThat(index.countChunks(TENANT, kb)).as("chunks under its name").isZero();
        assertThat(store.list(ObjectStore.prefixOf(TENANT, kb))).as("its objects").isEmpty();
        assertThat(deployment.database().knowledgeBases().find(TENANT, kb)).as("its row").isEmpty();
        assertThat(deployment.database().documents().find(UUID.fromString(id))).as("its document's row").isEmpty();
    }

    @Test
    void aKnowledgeBaseCreatedAgainUnderTheSameNameInheritsNothingOfTheOldOne() throws Exception {
        String kb = "again-" + RUN;
        assertThat(api.createKnowledgeBase(kb)).isEqualTo(201);
        KnowledgeBase old = deployment.database().knowledgeBases().find(TENANT, kb).orElseThrow();
        long before = removedAfterWrite();
        String oldId = api.upload(kb, "large.md", largeDocument("pelican"));
        awaitStatus(kb, oldId, "processing");

        assertThat(api.deleteKnowledgeBase(kb)).isEqualTo(204);
        assertThat(api.createKnowledgeBase(kb)).isEqualTo(201);
        KnowledgeBase renewed = deployment.database().knowledgeBases().find(TENANT, kb).orElseThrow();
        // the same file name as the old one's document, while that one is still in flight
        String newId = api.upload(kb, "large.md", "# Fresh\n\nThe new knowledge base holds one short note about a kingfisher.\n");
        awaitStatus(kb, newId, "indexed");
        awaitRemovedAfterWrite(before + 1);

        index.refresh();
        assertThat(renewed.id()).isNotEqualTo(old.id());
        assertThat(newId).as("a document id of the new knowledge base").isNotEqualTo(oldId);
        assertThat(chunksWhere(ChunkFields.KNOWLEDGE_BASE_ID, old.id().toString())).as("chunks of the old knowledge base").isZero();
        assertThat(chunksWhere(ChunkFields.DOCUMENT_ID, oldId)).as("chunks of the old document").isZero();
        long newChunks = deployment.database().documents().find(UUID.fromString(newId)).orElseThrow().chunkCount();
        assertThat(index.countChunks(TENANT, kb)).as("chunks under the name: the new document's only").isEqualTo(newChunks).isPositive();
        assertThat(deployment.database().documents().listByKnowledgeBase(renewed.id())).extracting(row -> row.id().toString())
                .containsExactly(newId);
        assertThat(store.list(ObjectStore.prefixOf(TENANT, kb))).as("objects under the name: the new document's only")
                .allSatisfy(object -> assertThat(object.key()).contains(newId)).hasSize(1);
    }

    private static long chunksWhere(String field, String value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", 0).put("track_total_hits", true);
        body.set("query", ChunkIndex.term(field, value));
        return index.search(body).path("hits").path("total").path("value").asLong();
    }

    /** Documents the job has finished with: versions the index stage removed after writing, and outcomes recorded. */
    private static long finishedDocuments() throws Exception {
        return removedAfterWrite() + metrics.vertexRecordsIn("Record outcome");
    }

    private static long removedAfterWrite() throws Exception {
        return metrics.operatorMetric(Stage.INDEX.operatorName(), IndexChunksFunction.UNWANTED_VERSIONS_REMOVED);
    }

    /**
     * Waits until the index stage has written and then removed the deleted version's chunks, as
     * its counter tells (on today's main nothing removes them: this times out, then the
     * assertions on Elasticsearch would fail too).
     */
    private static void awaitRemovedAfterWrite(long removed) {
        await("the index stage removed " + removed + " versions after their write").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> removedAfterWrite() >= removed);
    }

    private static void awaitStatus(String kb, String id, String status) {
        await(id + " " + status).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.status(kb, id), status::equals);
    }

    /** About 300 chunks of text: seconds of embedding on this machine. */
    private static String largeDocument(String animal) {
        StringBuilder text = new StringBuilder("# Field notes on the " + animal + "\n\n");
        for (int i = 0; i < 300; i++) {
            text.append("## Observation ").append(i).append("\n\n");
            for (int sentence = 0; sentence < 8; sentence++) {
                text.append("On visit ").append(i).append(" the ").append(animal).append(" was seen near marker ")
                        .append(i * 8 + sentence).append(", feeding along the water's edge while the wind turned east. ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }
}
