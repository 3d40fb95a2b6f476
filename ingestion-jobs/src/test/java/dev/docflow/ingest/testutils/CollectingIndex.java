package dev.docflow.ingest.testutils;

import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The index stage's place in a MiniCluster test: keeps every document's chunks in memory (in this
 * JVM, where the MiniCluster runs; one run at a time) and reports each indexed.
 */
public final class CollectingIndex extends KeyedProcessFunction<String, EmbeddedDocument, DocumentOutcome> {
    private static final Map<String, List<EmbeddedChunk>> CHUNKS = new ConcurrentHashMap<>();

    @Override
    public void processElement(EmbeddedDocument document, Context context, Collector<DocumentOutcome> out) {
        CHUNKS.put(document.ref().documentId(), List.of(document.chunks()));
        out.collect(DocumentOutcome.indexed(document.ref(), document.pageCount(), document.chunks().length));
    }

    public static Map<String, List<EmbeddedChunk>> chunks() {
        return Map.copyOf(CHUNKS);
    }

    public static void clear() {
        CHUNKS.clear();
    }
}
