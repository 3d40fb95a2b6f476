package dev.docflow.ingest.chunk;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The chunk stage's cost on the PDFs of a folder (the R manuals by default), parsed as text only:
 * tokenizer calls and CPU time of {@link ReferenceChunker} (each range counted afresh) and of
 * {@link Chunker} (each block tokenized once), each after one warm-up pass. Checks that both make
 * the same chunks. Prints figures, asserts nothing.
 *
 * <pre>java -Xmx1g -cp … dev.docflow.ingest.chunk.ChunkingCostBenchmark [DIR] [ROUNDS]</pre>
 */
public final class ChunkingCostBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ChunkingCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/corpus/manuals/r");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<ExtractedDocument> documents = parse(dir);
        CountingTokenCounter counter = new CountingTokenCounter();
        ReferenceChunker before = new ReferenceChunker(counter, ChunkingSettings.DEFAULTS);
        Chunker after = new Chunker(counter, ChunkingSettings.DEFAULTS);
        List<List<Chunk>> expected = run("before", documents, counter, before::chunk, rounds);
        List<List<Chunk>> actual = run("after", documents, counter, after::chunk, rounds);
        System.out.println("same chunks: " + expected.equals(actual));
    }

    private static List<ExtractedDocument> parse(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.list(dir)) {
            files = walk.filter(file -> file.toString().endsWith(".pdf")).sorted().toList();
        }
        ExtractionSettings textOnly = new ExtractionSettings(false, OcrSettings.DEFAULTS.withEnabled(false))
                .withIsolation(ParseIsolation.IN_PROCESS);
        List<ExtractedDocument> documents = new ArrayList<>();
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, textOnly)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                documents.add(extractor.extract(new DocumentRef(name, "bench", "bench", "bench-id", "key", name, 0, 0), file));
            }
        }
        return documents;
    }

    /** One warm-up pass, then the fastest of {@code rounds} timed passes; prints per-document calls. */
    private static List<List<Chunk>> run(String label, List<ExtractedDocument> documents, CountingTokenCounter counter,
            Function<ExtractedDocument, List<Chunk>> chunker, int rounds) {
        documents.forEach(chunker::apply);
        List<List<Chunk>> chunks = new ArrayList<>();
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            chunks.clear();
            long cpu = 0;
            for (ExtractedDocument document : documents) {
                long calls = counter.calls();
                long start = THREADS.getCurrentThreadCpuTime();
                chunks.add(chunker.apply(document));
                long took = THREADS.getCurrentThreadCpuTime() - start;
                cpu += took;
                if (round == 0) {
                    System.out.printf(Locale.ROOT, "%-6s %-12s blocks=%5d chunks=%4d tokenizer calls=%6d cpu=%6.0f ms%n", label,
                            document.ref().fileName(), document.blocks().length, chunks.get(chunks.size() - 1).size(),
                            counter.calls() - calls, took / 1e6);
                }
            }
            fastest = Math.min(fastest, cpu);
        }
        long calls = counter.calls();
        documents.forEach(chunker::apply);
        System.out.printf(Locale.ROOT, "%-6s total chunks=%d tokenizer calls=%d cpu=%.2f s (fastest of %d passes)%n", label,
                chunks.stream().mapToInt(List::size).sum(), counter.calls() - calls, fastest / 1e9, rounds);
        return chunks;
    }

    /** Word pieces, counting every time the tokenizer runs, a word cut in two included. */
    private static final class CountingTokenCounter implements TokenCounter {
        private final WordPieceTokenCounter wordPieces = new WordPieceTokenCounter();
        private final LongAdder calls = new LongAdder();

        @Override
        public int count(String text) {
            calls.increment();
            return wordPieces.count(text);
        }

        @Override
        public RangeCounts ranges(String text) {
            calls.increment();
            return wordPieces.ranges(text, this);
        }

        long calls() {
            return calls.sum();
        }
    }
}
