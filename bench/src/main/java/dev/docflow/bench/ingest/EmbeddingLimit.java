package dev.docflow.bench.ingest;

import dev.docflow.bench.harness.Throughput;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * The embedding limit: the model alone embedding a list of texts through LangChain4j's
 * {@code embedAll} (which spreads the texts over one thread per core), nothing else running. No
 * pipeline that embeds the same texts with the same model on the same cores can be faster.
 */
public final class EmbeddingLimit {
    private EmbeddingLimit() {
    }

    public static Throughput measure(EmbeddingModel model, List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        long start = System.nanoTime();
        int embedded = model.embedAll(segments).content().size();
        return new Throughput(embedded, (System.nanoTime() - start) / 1e9);
    }
}
