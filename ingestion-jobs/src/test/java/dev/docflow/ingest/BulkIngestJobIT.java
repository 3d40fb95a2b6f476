package dev.docflow.ingest;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.ingest.source.ListingPrefix;
import dev.docflow.ingest.upload.FolderUpload;
import dev.docflow.ingest.testfiles.ScannedPages;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk job end to end on a local Flink cluster against the real stack: the samples plus a
 * broken file are uploaded to the object store, ingested, and checked in PostgreSQL and
 * Elasticsearch; then ingested again, and once more after one document changed. Scans of the
 * kinds OCR once missed (turned, painted inline, CMYK) end indexed with their words searchable.
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
        settings = StackIngestionSettings.of(endpoints);
        flink = LocalFlinkCluster.start("0", 2);
        store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        Database.migrate(settings.database());
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
        assertThat(rows.get("broken.pdf").status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(rows.get("broken.pdf").failureReason()).isEqualTo(FailureReason.CORRUPT);
        assertThat(rows.get("broken.pdf").failureStage()).isEqualTo(Stage.PARSE);
        long total = 0;
        for (String sample : List.of("R-data.pdf", "NullHeader.docx", "tutorial-transactions.html", "docs__operations__health.md")) {
            DocumentRecord row = rows.get(sample);
            assertThat(row.status()).as(sample).isEqualTo(DocumentStatus.INDEXED);
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
    void aPrefixOfAnotherBucketIsIngestedWhereItIsIntoTheKnowledgeBase(@TempDir Path dir) throws Exception {
        String kb = "exports";
        String bucket = "it-exports-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ObjectStore exports = new ObjectStore(settings.objectStore().withBucket(bucket));
        exports.ensureBucket();
        exports.upload("2026/q3/herons.md", Files.writeString(dir.resolve("herons.md"),
                "# Herons\n\nThe grey heron nests in tall alder trees.\n"), "text/markdown");
        exports.upload("2026/q3/deep/otters.md", Files.writeString(dir.resolve("otters.md"),
                "# Otters\n\nOtters hunt at dusk along the bank.\n"), "text/markdown");
        exports.upload("2026/q3-old/stale.md", Files.writeString(dir.resolve("stale.md"), "# Stale\n\nNot asked for.\n"),
                "text/markdown");

        BulkIngestJob.Run run = new BulkIngestJob(settings).run(flink.environment(2), TENANT, kb,
                ListingPrefix.parse("s3://" + bucket + "/2026/q3"), BulkIngestJob.UNCOUNTED);

        assertThat(run.result()).as("the job ran").isNotNull();
        Map<String, DocumentRecord> rows = rows(kb);
        assertThat(rows.keySet()).as("the prefix's files, its subfolders' included, not its neighbour's")
                .containsExactlyInAnyOrder("herons.md", "otters.md");
        assertThat(rows.get("otters.md").objectKey()).isEqualTo("s3://" + bucket + "/2026/q3/deep/otters.md");
        for (DocumentRecord row : rows.values()) {
            assertThat(row.status()).as(row.fileName()).isEqualTo(DocumentStatus.INDEXED);
            assertThat(index.countChunks(TENANT, kb, row.id().toString())).as(row.fileName()).isEqualTo((long) row.chunkCount())
                    .isPositive();
        }
        assertThat(store.list(ObjectStore.prefixOf(TENANT, kb))).as("nothing was copied into Docflow's bucket").isEmpty();
        assertThat(exports.exists("2026/q3/herons.md")).as("the source stays where it was").isTrue();
    }

    /**
     * Statuses do not wait for the slowest document in flight: a checkpoint does (its barrier
     * passes the embed stage only between documents), and outcomes were once recorded only at
     * checkpoints, so the small files read before a large one showed {@code processing} until the
     * large one was embedded. One subtask, so the large file is read after the small ones.
     */
    @Test
    void smallFilesShowIndexedWhileALargeOneIsStillEmbeddedAndTheLargeOneIsIndexedWhole(@TempDir Path dir) throws Exception {
        String kb = "one-large";
        List<String> small = List.of("a-1.md", "a-2.md", "a-3.md", "a-4.md");
        for (String name : small) {
            new FolderUpload(store).upload(TENANT, kb, Files.writeString(dir.resolve(name),
                    "# " + name + "\n\nA short note, one chunk: " + name + ".\n"));
        }
        Random random = new Random(7);
        StringBuilder large = new StringBuilder("# A large manual\n\n");
        for (int section = 0; section < 400; section++) {
            large.append("## Section ").append(section).append("\n\n");
            for (int word = 0; word < 160; word++) {
                large.append(WORDS[random.nextInt(WORDS.length)]).append(word % 16 == 15 ? ". " : " ");
            }
            large.append("\n\n");
        }
        new FolderUpload(store).upload(TENANT, kb, Files.writeString(dir.resolve("z-large.md"), large));

        database.knowledgeBases().ensure(TENANT, kb);
        java.util.concurrent.CompletableFuture<BulkIngestJob.Run> job = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new BulkIngestJob(settings).run(flink.environment(1), TENANT, kb);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, DocumentRecord> atThatMoment = firstRowsWhere(kb, job, rows -> small.stream().allMatch(name -> indexed(rows, name))
                || rows.containsKey("z-large.md") && rows.get("z-large.md").status() != DocumentStatus.PROCESSING);
        assertThat(small).as("indexed while the large file was still processing")
                .allMatch(name -> indexed(atThatMoment, name));
        assertThat(atThatMoment.get("z-large.md").status()).isEqualTo(DocumentStatus.PROCESSING);

        job.get(10, java.util.concurrent.TimeUnit.MINUTES);
        DocumentRecord row = rows(kb).get("z-large.md");
        assertThat(row.status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(row.chunkCount()).isGreaterThan(300);
        assertThat(index.countChunks(TENANT, kb, row.id().toString())).isEqualTo((long) row.chunkCount());
    }

    private static final String[] WORDS = ("heron otter alder bank river dusk nest reed willow current stone"
            + " trout moss fern beetle marsh tide gravel pebble salmon kingfisher mayfly eddy weir").split(" ");

    /** The knowledge base's rows, read every 50 ms until {@code wanted} holds of them, the job ends or 5 minutes pass. */
    private static Map<String, DocumentRecord> firstRowsWhere(String kb, java.util.concurrent.Future<?> job,
            java.util.function.Predicate<Map<String, DocumentRecord>> wanted) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        Map<String, DocumentRecord> rows = rows(kb);
        while (!wanted.test(rows) && !job.isDone() && System.nanoTime() < giveUp) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            rows = rows(kb);
        }
        return rows;
    }

    private static boolean indexed(Map<String, DocumentRecord> rows, String name) {
        return rows.containsKey(name) && rows.get(name).status() == DocumentStatus.INDEXED;
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
        String documentId = DocumentIds.of(TENANT, database.knowledgeBases().find(TENANT, kb).orElseThrow().id(), "notes.md");
        long before = index.countChunks(TENANT, kb, documentId);
        assertThat(before).isGreaterThan(3);

        Files.writeString(notes, "# Notes\n\nNow just one short paragraph.\n");
        new FolderUpload(store).upload(TENANT, kb, notes);
        runJob(kb);

        assertThat(index.countChunks(TENANT, kb, documentId)).isEqualTo(1);
        DocumentRecord row = rows(kb).get("notes.md");
        assertThat(row.chunkCount()).isEqualTo(1);
        // the filter fields: the file type, and the upload time of the row (the first upload's)
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 10).set("query", ChunkIndex.filterQuery(TENANT, kb, documentId));
        com.fasterxml.jackson.databind.JsonNode chunk = index.search(body).path("hits").path("hits").get(0).path("_source");
        assertThat(chunk.path(ChunkFields.FILE_TYPE).asText()).isEqualTo("md");
        assertThat(chunk.path(ChunkFields.UPLOADED_AT).asLong()).isEqualTo(row.createdAt().toInstant().toEpochMilli());
    }

    @Test
    void inABatchWithContainersAndHostileFilesEachFailsAloneAndEveryPartIsIndexed(@TempDir Path dir) throws Exception {
        String kb = "mixed";
        Path bundle = dir.resolve("bundle.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("notes/install.md"));
            zip.write("# Install\n\nRun the installer with the --quiet flag on build servers.\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("mail.eml"));
            zip.write(Files.readAllBytes(resource("/parse/testRFC822_multipart_attachments.eml")));
        }
        Path truncated = dir.resolve("truncated.docx");
        byte[] docx = Files.readAllBytes(SAMPLES.resolve("NullHeader.docx"));
        Files.write(truncated, java.util.Arrays.copyOf(docx, docx.length / 2));
        Path prices = Files.writeString(dir.resolve("prices.csv"), "item,price\nwidget,4.20\ngadget,13.37\n");
        FolderUpload upload = new FolderUpload(store);
        for (Path file : List.of(bundle, truncated, prices, Files.copy(resource("/parse/encrypted.pdf"), dir.resolve("encrypted.pdf")),
                Files.createFile(dir.resolve("empty.txt")), SAMPLES.resolve("docs__operations__health.md"))) {
            upload.upload(TENANT, kb, file);
        }

        runJob(kb);

        Map<String, DocumentRecord> rows = rows(kb);
        assertThat(rows.get("truncated.docx").failureReason()).isEqualTo(FailureReason.CORRUPT);
        assertThat(rows.get("encrypted.pdf").failureReason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(rows.get("empty.txt").failureReason()).isEqualTo(FailureReason.EMPTY);
        assertThat(rows.get("docs__operations__health.md").status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(rows.get("prices.csv").status()).as("a table crosses operators").isEqualTo(DocumentStatus.INDEXED);
        DocumentRecord zip = rows.get("bundle.zip");
        assertThat(zip.status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(partPaths(kb, zip.id().toString())).contains(
                "bundle.zip › notes/install.md", "bundle.zip › mail.eml", "bundle.zip › mail.eml › Test TxtA.txt");
    }

    @Test
    void scansTurnedSidewaysOrUpsideDownPaintedInlineOrInCmykAreIndexedWithTheirWords(@TempDir Path dir) throws Exception {
        String kb = "scans";
        BufferedImage page = ScannedPages.page();
        FolderUpload upload = new FolderUpload(store);
        upload.upload(TENANT, kb, ScannedPages.pdfOfImage(dir.resolve("sideways-scan.pdf"), ScannedPages.turned(page, 1)));
        upload.upload(TENANT, kb, ScannedPages.pdfOfImage(dir.resolve("upside-down-scan.pdf"), ScannedPages.turned(page, 2)));
        upload.upload(TENANT, kb, ScannedPages.pdfOfInlineImage(dir.resolve("inline-scan.pdf"), page));
        upload.upload(TENANT, kb, ScannedPages.write(dir.resolve("print-cmyk.jpg"), ScannedPages.cmykJpeg(page)));
        upload.upload(TENANT, kb, Files.copy(resource("/ocr/testOCR_ycck.jpg"), dir.resolve("imagemagick-cmyk.jpg")));

        runJob(kb);

        Map<String, DocumentRecord> rows = rows(kb);
        index.refresh();
        for (String name : List.of("sideways-scan.pdf", "upside-down-scan.pdf", "inline-scan.pdf", "print-cmyk.jpg")) {
            DocumentRecord row = rows.get(name);
            assertThat(row.status()).as(name).isEqualTo(DocumentStatus.INDEXED);
            assertThat(matches(kb, row.id().toString(), "night porter warehouse pressure test")).as(name).isPositive();
        }
        DocumentRecord ycck = rows.get("imagemagick-cmyk.jpg");
        assertThat(ycck.status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(matches(kb, ycck.id().toString(), "file contains some words")).isPositive();
    }

    /** Chunks of the document that hold at least three of the query's words. */
    private static long matches(String kb, String documentId, String words) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 0);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("filter").add(ChunkIndex.filterQuery(TENANT, kb, documentId));
        bool.putArray("must").addObject().putObject("match").putObject(ChunkFields.TEXT)
                .put("query", words).put("minimum_should_match", "3");
        return index.search(body).path("hits").path("total").path("value").asLong();
    }

    /** The part paths of a document's chunks, as stored in the index. */
    private static List<String> partPaths(String kb, String documentId) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("size", 0).set("query", ChunkIndex.filterQuery(TENANT, kb, documentId));
        body.putObject("aggs").putObject("parts").putObject("terms").put("field", ChunkFields.PART_PATH).put("size", 100);
        List<String> paths = new java.util.ArrayList<>();
        index.search(body).path("aggregations").path("parts").path("buckets")
                .forEach(bucket -> paths.add(bucket.path("key").asText()));
        return paths;
    }

    private static Path resource(String name) throws Exception {
        return Path.of(BulkIngestJobIT.class.getResource(name).toURI());
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
