package dev.docflow.ingest.index;

import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.IndexAction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * For a document indexed with N chunks, deletes its chunks with ordinal N or more: what an older,
 * longer version left behind. Ordinals below N are overwritten by the new version itself.
 * Looks the old ids up in the index rather than trusting a recorded count, which a crash could
 * have left stale.
 */
public class FindStaleChunksFunction extends ProcessFunction<DocumentOutcome, IndexAction> {
    private final ElasticsearchSettings settings;
    private transient ChunkIndex index;

    public FindStaleChunksFunction(ElasticsearchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        index = new ChunkIndex(settings);
    }

    @Override
    public void processElement(DocumentOutcome outcome, Context context, Collector<IndexAction> out) {
        for (String staleId : index.chunkIdsFrom(outcome.documentId(), outcome.chunkCount())) {
            out.collect(IndexAction.delete(staleId));
        }
    }

    @Override
    public void close() {
        if (index != null) {
            index.close();
        }
    }
}
