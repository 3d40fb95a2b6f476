package dev.docflow.agent.retrieval;

import dev.docflow.connectors.config.SharedSettings;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.util.Optional;

/**
 * What a service upgraded past the change of the default embedding model says at start: its model's
 * chunk index does not exist yet, but the earlier default's ({@code docflow-chunks}) holds chunks,
 * so every question would be answered "not found" until the documents are ingested again, or the
 * earlier model is configured. Said once, as a warning, with both ways out.
 */
public final class EarlierModelChunks {
    private EarlierModelChunks() {}

    /** Reads both indexes; call before the service's own index is created. */
    public static Optional<String> notice(ElasticsearchSettings settings, EmbeddingModelChoice model) {
        String earlierAlias = SharedSettings.chunkIndexAlias(EmbeddingModelChoice.LEGACY_DEFAULT);
        if (model == EmbeddingModelChoice.LEGACY_DEFAULT || !settings.indexAlias().equals(SharedSettings.chunkIndexAlias(model))) {
            return Optional.empty(); // the earlier model itself, or an index the operator named
        }
        try (ChunkIndex own = new ChunkIndex(settings);
                ChunkIndex earlier = new ChunkIndex(new ElasticsearchSettings(settings.url(), earlierAlias, settings.timeout()))) {
            if (own.exists() || !earlier.exists()) {
                return Optional.empty();
            }
            return notice(model, earlierAlias, earlier.countAll());
        }
    }

    static Optional<String> notice(EmbeddingModelChoice model, String earlierAlias, long earlierChunks) {
        if (earlierChunks == 0) {
            return Optional.empty();
        }
        return Optional.of("embedding.model is " + model.id() + ", whose chunk index is new and empty, while " + earlierAlias
                + " holds " + earlierChunks + " chunks embedded by " + EmbeddingModelChoice.LEGACY_DEFAULT.id()
                + " (the default until December 2026): ingest the documents again to answer from them with " + model.id()
                + ", or set embedding.model=" + EmbeddingModelChoice.LEGACY_DEFAULT.id()
                + " for the service and the jobs to keep the earlier index");
    }
}
