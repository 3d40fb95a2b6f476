package dev.docflow.ingest.embed;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.IndexAction;
import dev.docflow.ingest.outcome.OutcomeTag;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Embeds a document's chunks and emits them one by one as index writes, then reports the document as indexed
 * (its chunks follow to the index sink, which flushes them before the next checkpoint completes).
 */
public class EmbedChunksFunction extends ProcessFunction<ChunkedDocument, IndexAction> {
    private final EmbeddingModelChoice model;
    private transient ChunkEmbedder embedder;

    public EmbedChunksFunction(EmbeddingModelChoice model) {
        this.model = model;
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = new ChunkEmbedder(SharedEmbeddingModel.get(model));
    }

    @Override
    public void processElement(ChunkedDocument document, Context context, Collector<IndexAction> out) {
        List<float[]> vectors = embedder.embed(document.chunks());
        for (int i = 0; i < document.chunks().length; i++) {
            out.collect(IndexAction.put(
                    new EmbeddedChunk(document.ref(), document.contentType(), document.chunks()[i], vectors.get(i), model.id())));
        }
        context.output(OutcomeTag.OUTCOMES, DocumentOutcome.indexed(
                document.ref(), document.pageCount(), document.chunks().length));
    }
}
