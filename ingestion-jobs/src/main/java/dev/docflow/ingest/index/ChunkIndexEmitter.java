package dev.docflow.ingest.index;

import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.ingest.model.IndexAction;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.elasticsearch.sink.ElasticsearchEmitter;
import org.apache.flink.connector.elasticsearch.sink.RequestIndexer;
import org.elasticsearch.action.delete.DeleteRequest;
import org.elasticsearch.action.index.IndexRequest;

/** Turns index actions into bulk requests with explicit ids, so replays overwrite. */
public class ChunkIndexEmitter implements ElasticsearchEmitter<IndexAction> {
    private final String indexAlias;
    private transient EnglishTextAnalyzer english;

    public ChunkIndexEmitter(String indexAlias) {
        this.indexAlias = indexAlias;
    }

    @Override
    public void open() {
        english = new EnglishTextAnalyzer();
    }

    @Override
    public void emit(IndexAction action, SinkWriter.Context context, RequestIndexer indexer) {
        if (action.isDelete()) {
            indexer.add(new DeleteRequest(indexAlias, action.chunkId()));
        } else {
            indexer.add(new IndexRequest(indexAlias).id(action.chunkId())
                    .source(ChunkDocuments.toSource(action.chunk(), english)));
        }
    }

    @Override
    public void close() {
        if (english != null) {
            english.close();
        }
    }
}
