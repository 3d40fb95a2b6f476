package dev.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.docflow.ingest.source.ListingPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {
    @TempDir
    Path folder;

    @Test
    void readsTheFileThenTheEnvironmentThenTheArguments() throws Exception {
        Path file = Files.writeString(folder.resolve("jobs.properties"),
                "elasticsearch.url=http://es.file:9200\ns3.bucket=file-bucket\nparse.max-seconds=40\ntenant=acme\n");

        IngestConfig config = IngestConfig.load(Map.of("DOCFLOW_S3_BUCKET", "env-bucket", "DOCFLOW_PARSE_MAX_SECONDS", "50"),
                "--config", file.toString(), "--parse.max-seconds", "60", "--knowledge-base", "contracts");

        assertThat(config.ingestion().elasticsearch().url()).isEqualTo("http://es.file:9200");
        assertThat(config.ingestion().objectStore().bucket()).isEqualTo("env-bucket");
        assertThat(config.ingestion().parseLimits().maxParseSeconds()).isEqualTo(60);
        assertThat(config.requireTenant()).isEqualTo("acme");
        assertThat(config.requireKnowledgeBase()).isEqualTo("contracts");
    }

    @Test
    void theStreamingJobReadsTheConfiguredUploadsTopicAndAModelsOwnIndex() {
        IngestConfig config = IngestConfig.load(Map.of("DOCFLOW_KAFKA_UPLOADS_TOPIC", "acme.uploads"),
                "--embedding.model", "all-minilm-l6-v2-q");

        assertThat(config.kafka().uploadsTopic()).isEqualTo("acme.uploads");
        assertThat(config.ingestion().elasticsearch().indexAlias()).isEqualTo("docflow-chunks-all-minilm-l6-v2-q");
        assertThat(config.ingestion().embeddingModel().id()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertThatThrownBy(() -> IngestConfig.load(Map.of(), "--knowledgebase", "contracts"))
                .hasMessageContaining("--knowledgebase").hasMessageContaining("knowledge-base");
    }

    @Test
    void everyBadValueNamesItsKey() {
        assertThatThrownBy(() -> IngestConfig.load(Map.of(), "--ingest.parallelism", "0"))
                .hasMessageContaining("ingest.parallelism");
        assertThatThrownBy(() -> IngestConfig.load(Map.of(), "--ocr.dpi", "high")).hasMessageContaining("ocr.dpi");
        assertThatThrownBy(() -> IngestConfig.load(Map.of()).requireKnowledgeBase())
                .hasMessageContaining("knowledge-base").hasMessageContaining("DOCFLOW_KNOWLEDGE_BASE");
        assertThatThrownBy(() -> IngestConfig.load(Map.of(), "--tenant")).hasMessageContaining("--tenant needs a value");
        assertThatThrownBy(() -> IngestConfig.load(Map.of(), "--source", "exports/2026")).hasMessageContaining("source")
                .hasMessageContaining("s3://bucket/prefix");
    }

    @Test
    void theBulkJobListsTheGivenSourceOrElseTheKnowledgeBasesOwnFolder() {
        IngestConfig own = IngestConfig.load(Map.of(), "--s3.bucket", "docflow-prod");
        assertThat(own.source()).isNull();
        assertThat(own.listingFor("acme", "contracts")).isEqualTo(new ListingPrefix("docflow-prod", "acme/contracts/"));
        IngestConfig elsewhere = IngestConfig.load(Map.of("DOCFLOW_SOURCE", "s3://exports/2026/q3"));
        assertThat(elsewhere.listingFor("acme", "contracts")).isEqualTo(new ListingPrefix("exports", "2026/q3/"));
    }

    @Test
    void itsConnectionArgumentsGiveAJobOnAClusterTheSameConnections() {
        IngestConfig here = IngestConfig.load(Map.of("DOCFLOW_S3_SECRET_KEY", "s3cret", "DOCFLOW_DATABASE_PASSWORD", "pw"),
                "--elasticsearch.url", "http://10.0.0.5:9200", "--embedding.model", "bge-small-en-v15",
                "--kafka.uploads-topic", "acme.uploads", "--s3.access-key", "AK", "--ingest.parallelism", "3");

        IngestConfig there = IngestConfig.load(Map.of(), here.connectionArguments().toArray(String[]::new));

        assertThat(there.ingestion().objectStore()).isEqualTo(here.ingestion().objectStore());
        assertThat(there.ingestion().database()).isEqualTo(here.ingestion().database());
        assertThat(there.ingestion().elasticsearch()).isEqualTo(here.ingestion().elasticsearch());
        assertThat(there.ingestion().embeddingModel()).isEqualTo(here.ingestion().embeddingModel());
        assertThat(there.kafka()).isEqualTo(here.kafka());
        assertThat(there.parallelism()).isEqualTo(3);
    }
}
