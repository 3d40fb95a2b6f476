package dev.docflow.ingest;

import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.io.Serializable;

/** Everything an ingestion pipeline needs to reach its systems and shape its output. */
public record IngestionSettings(
        ObjectStoreSettings objectStore,
        ElasticsearchSettings elasticsearch,
        DatabaseSettings database,
        ParseLimits parseLimits,
        ExtractionSettings extraction,
        ChunkingSettings chunking,
        EmbeddingModelChoice embeddingModel) implements Serializable {

    /** With the default embedding model. */
    public IngestionSettings(ObjectStoreSettings objectStore, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            ParseLimits parseLimits, ExtractionSettings extraction, ChunkingSettings chunking) {
        this(objectStore, elasticsearch, database, parseLimits, extraction, chunking, EmbeddingModelChoice.DEFAULT);
    }
}
