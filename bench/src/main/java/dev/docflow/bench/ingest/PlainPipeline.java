package dev.docflow.bench.ingest;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The pipeline a Java user writes first, as the reference Docflow is measured against: Tika with
 * its defaults (the auto-detecting parser; it OCRs through the {@code tesseract} command where
 * it finds a page without text, as shipped), {@code DocumentSplitters.recursive(1000, 200)}, the
 * same embedding model, {@code EmbeddingStoreIngestor} into an in-memory store, one document after
 * another.
 */
public final class PlainPipeline {
    /** What one pass did: documents read, segments stored, and where the time went. */
    public record Run(int documents, int failed, long segments, double parseSeconds, double embedSeconds) {
        public double seconds() {
            return parseSeconds + embedSeconds;
        }
    }

    private final EmbeddingModel model;

    public PlainPipeline(EmbeddingModel model) {
        this.model = model;
    }

    public Run run(List<Path> files) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        DocumentSplitter recursive = DocumentSplitters.recursive(1000, 200);
        java.util.concurrent.atomic.AtomicLong segments = new java.util.concurrent.atomic.AtomicLong();
        DocumentSplitter counted = document -> { // the ingestor does not say how many segments it stored
            List<TextSegment> split = recursive.split(document);
            segments.addAndGet(split.size());
            return split;
        };
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .documentSplitter(counted).embeddingModel(model).embeddingStore(store).build();
        AutoDetectParser parser = new AutoDetectParser();
        long parseNanos = 0;
        long embedNanos = 0;
        int failed = 0;
        for (Path file : files) {
            long start = System.nanoTime();
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                BodyContentHandler handler = new BodyContentHandler(-1);
                parser.parse(in, handler, new Metadata(), new ParseContext());
                text = handler.toString();
            } catch (Exception e) {
                failed++;
                parseNanos += System.nanoTime() - start;
                continue;
            }
            long parsed = System.nanoTime();
            parseNanos += parsed - start;
            if (text.isBlank()) {
                continue;
            }
            ingestor.ingest(Document.from(text));
            embedNanos += System.nanoTime() - parsed;
        }
        return new Run(files.size(), failed, segments.get(), parseNanos / 1e9, embedNanos / 1e9);
    }
}
