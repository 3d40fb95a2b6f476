package dev.docflow.ingest.parse.worker;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.Extractor;
import dev.docflow.ingest.parse.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cost of parse isolation: the parse stage (Tika, OCR, tables) over the files of a folder, in
 * this JVM and in a worker process, in one run. Prints figures, asserts nothing.
 *
 * <pre>java -cp … dev.docflow.ingest.parse.worker.IsolationOverheadBenchmark [DIR] [MAX_FILES]</pre>
 */
public final class IsolationOverheadBenchmark {
    private IsolationOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/corpus/manuals/r");
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().limit(max).toList();
        }
        ParseLimits limits = ParseLimits.DEFAULTS;
        ExtractionSettings settings = ExtractionSettings.DEFAULTS;
        // each extractor twice over the files: cold (a fresh JVM's JIT, for the worker its start-up too), then warm
        try (Extractor inProcess = new DocumentExtractor(limits, settings)) {
            run("thread cold", files, inProcess);
            run("thread warm", files, inProcess);
        }
        try (Extractor isolated = new IsolatedExtractor(limits, settings)) {
            run("process cold", files, isolated);
            run("process warm", files, isolated);
        }
    }

    private static void run(String mode, List<Path> files, Extractor extractor) {
        long started = System.nanoTime();
        int ok = 0;
        int failed = 0;
        long chars = 0;
        double firstSeconds = 0;
        for (Path file : files) {
            DocumentRef ref = new DocumentRef("bench-" + file.getFileName(), "bench", "bench", "bench-id", "key",
                    file.getFileName().toString(), 0, 0);
            try {
                chars += extractor.extract(ref, file).text().length();
                ok++;
            } catch (DocumentFailedException e) {
                failed++;
            }
            if (ok + failed == 1) {
                firstSeconds = (System.nanoTime() - started) / 1e9;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("RESULT mode=%s files=%d ok=%d failed=%d chars=%d seconds=%.2f first_file_seconds=%.2f ms_per_file=%.1f%n",
                mode.replace(' ', '_'), files.size(), ok, failed, chars, seconds, firstSeconds, 1000 * seconds / files.size());
    }
}
