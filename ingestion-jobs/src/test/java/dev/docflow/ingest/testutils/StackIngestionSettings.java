package dev.docflow.ingest.testutils;

import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.IngestionSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.localstack.StackEndpoints;

/** The pipeline's settings against the tests' shared stack, every stage at its defaults. */
public final class StackIngestionSettings {
    private StackIngestionSettings() {}

    public static IngestionSettings of(StackEndpoints endpoints) {
        return new IngestionSettings(
                new ObjectStoreSettings(endpoints.s3Endpoint(), endpoints.s3AccessKey(), endpoints.s3SecretKey(), null),
                ElasticsearchSettings.of(endpoints.elasticsearchUrl()),
                new DatabaseSettings(endpoints.jdbcUrl(), endpoints.databaseUser(), endpoints.databasePassword()),
                ParseLimits.DEFAULTS,
                ExtractionSettings.DEFAULTS,
                ChunkingSettings.DEFAULTS);
    }
}
