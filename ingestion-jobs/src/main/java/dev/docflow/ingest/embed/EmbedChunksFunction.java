package dev.docflow.ingest.embed;

import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Embeds a document's chunks and emits them together, for the index stage to write as one unit;
 * the document's outcome is the index stage's to emit, once its chunks are written
 * ({@code IndexChunksFunction}).
 */
public class EmbedChunksFunction extends ProcessFunction<ChunkedDocument, EmbeddedDocument> {
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
    public void processElement(ChunkedDocument document, Context context, Collector<EmbeddedDocument> out) {
        List<float[]> vectors = embedder.embed(document.chunks());
        EmbeddedChunk[] embedded = new EmbeddedChunk[document.chunks().length];
        for (int i = 0; i < embedded.length; i++) {
            embedded[i] = new EmbeddedChunk(document.ref(), document.contentType(), document.chunks()[i], vectors.get(i), model.id());
        }
        out.collect(new EmbeddedDocument(document.ref(), document.pageCount(), embedded));
    }
}
