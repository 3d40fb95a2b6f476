package dev.docflow.ingest;

import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.embed.EmbedBudget;
import java.io.Serializable;

/**
 * Everything an ingestion pipeline needs to reach its systems and shape its output.
 *
 * @param parseLimits per-document limits of parsing, OCR, tables and chunking ({@code parse.*})
 * @param embedBudget how long each document may take to embed, by its size ({@code embed.*})
 */
public record IngestionSettings(
        ObjectStoreSettings objectStore,
        ElasticsearchSettings elasticsearch,
        DatabaseSettings database,
        ParseLimits parseLimits,
        ExtractionSettings extraction,
        ChunkingSettings chunking,
        EmbeddingModelChoice embeddingModel,
        EmbedBudget embedBudget) implements Serializable {

    /** With the default embedding budget. */
    public IngestionSettings(ObjectStoreSettings objectStore, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            ParseLimits parseLimits, ExtractionSettings extraction, ChunkingSettings chunking, EmbeddingModelChoice embeddingModel) {
        this(objectStore, elasticsearch, database, parseLimits, extraction, chunking, embeddingModel, EmbedBudget.DEFAULTS);
    }

    /** With the default embedding model and budget. */
    public IngestionSettings(ObjectStoreSettings objectStore, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            ParseLimits parseLimits, ExtractionSettings extraction, ChunkingSettings chunking) {
        this(objectStore, elasticsearch, database, parseLimits, extraction, chunking, EmbeddingModelChoice.DEFAULT);
    }

    public IngestionSettings withEmbedBudget(EmbedBudget budget) {
        return new IngestionSettings(objectStore, elasticsearch, database, parseLimits, extraction, chunking, embeddingModel, budget);
    }
}
