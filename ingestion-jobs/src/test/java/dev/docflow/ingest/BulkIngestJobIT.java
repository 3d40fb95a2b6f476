package dev.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.source.DocumentIds;
import dev.docflow.ingest.upload.FolderUpload;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk job end to end on a local Flink cluster against the real stack: the samples plus a
 * broken file are uploaded to the object store, ingested, and checked in PostgreSQL and
 * Elasticsearch; then ingested again, and once more after one document changed.
 */
class BulkIngestJobIT {
    private static final String TENANT = "it-bulk";
    private static final Path SAMPLES = Path.of("..", "samples");

    private static LocalFlinkCluster flink;
    private static IngestionSettings settings;
    private static ObjectStore store;
    private static Database database;
    private static ChunkIndex index;

    @BeforeAll
    static void startFlink() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = new IngestionSettings(
                new ObjectStoreSettings(endpoints.s3Endpoint(), endpoints.s3AccessKey(), endpoints.s3SecretKey(), null),
                ElasticsearchSettings.of(endpoints.elasticsearchUrl()),
                new DatabaseSettings(endpoints.jdbcUrl(), endpoints.databaseUser(), endpoints.databasePassword()),
                ParseLimits.DEFAULTS,
                ExtractionSettings.DEFAULTS,
                ChunkingSettings.DEFAULTS);
        flink = LocalFlinkCluster.start("0", 2);
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        database = Database.open(settings.database());
        index = new ChunkIndex(settings.elasticsearch());
    }

    @AfterAll
    static void stopFlink() throws Exception {
        index.close();
        flink.close();
    }

    @Test
    void ingestsEveryDocumentOnceAndRecordsEachOutcome(@TempDir Path dir) throws Exception {
        String kb = "samples";
        new FolderUpload(store).upload(TENANT, kb, SAMPLES);
        byte[] noise = new byte[8192];
        new Random(3).nextBytes(noise);
        new FolderUpload(store).upload(TENANT, kb, Files.write(dir.resolve("broken.pdf"), noise));

        BulkIngestJob.Run first = runJob(kb);

        assertThat(first.documents()).isEqualTo(5);
        Map<String, DocumentRecord> rows = rows(kb);
        assertThat(rows.get("broken.pdf").status()).isEqualTo("failed");
        assertThat(rows.get("broken.pdf").failureReason()).isEqualTo("corrupt");
        assertThat(rows.get("broken.pdf").failureStage()).isEqualTo("parse");
        long total = 0;
        for (String sample : List.of("R-data.pdf", "NullHeader.docx", "tutorial-transactions.html", "docs__operations__health.md")) {
            DocumentRecord row = rows.get(sample);
            assertThat(row.status()).as(sample).isEqualTo("indexed");
            assertThat(row.chunkCount()).as(sample).isPositive();
            assertThat(index.countChunks(TENANT, kb, row.id().toString())).as(sample).isEqualTo((long) row.chunkCount());
            total += row.chunkCount();
        }
        assertThat(rows.get("R-data.pdf").pageCount()).isEqualTo(41);
        assertThat(index.countChunks(TENANT, kb)).isEqualTo(total);

        runJob(kb);

        assertThat(index.countChunks(TENANT, kb)).as("a second run duplicates nothing").isEqualTo(total);
    }

    @Test
    void aChangedDocumentLeavesNoneOfItsOldChunksBehind(@TempDir Path dir) throws Exception {
        String kb = "changes";
        Path notes = dir.resolve("notes.md");
        StringBuilder longVersion = new StringBuilder("# Notes\n\n");
        for (int i = 0; i < 60; i++) {
            longVersion.append("Paragraph ").append(i).append(" talks about topic number ").append(i)
                    .append(" at some length, so that the document needs many chunks to hold it all. ")
                    .append("It repeats itself on purpose to fill the chunk budget quickly.\n\n");
        }
        Files.writeString(notes, longVersion);
        new FolderUpload(store).upload(TENANT, kb, notes);
        runJob(kb);
        String documentId = DocumentIds.of(TENANT, kb, "notes.md");
        long before = index.countChunks(TENANT, kb, documentId);
        assertThat(before).isGreaterThan(3);

        Files.writeString(notes, "# Notes\n\nNow just one short paragraph.\n");
        new FolderUpload(store).upload(TENANT, kb, notes);
        runJob(kb);

        assertThat(index.countChunks(TENANT, kb, documentId)).isEqualTo(1);
        assertThat(rows(kb).get("notes.md").chunkCount()).isEqualTo(1);
    }

    private static BulkIngestJob.Run runJob(String kb) throws Exception {
        return new BulkIngestJob(settings).run(flink.environment(2), TENANT, kb);
    }

    private static Map<String, DocumentRecord> rows(String kb) {
        KnowledgeBase knowledgeBase = database.knowledgeBases().find(TENANT, kb).orElseThrow();
        return database.documents().listByKnowledgeBase(knowledgeBase.id()).stream()
                .collect(Collectors.toMap(DocumentRecord::fileName, row -> row));
    }
}
