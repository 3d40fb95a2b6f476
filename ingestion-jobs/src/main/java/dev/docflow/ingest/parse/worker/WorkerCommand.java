package dev.docflow.ingest.parse.worker;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a parse worker process is launched: the TaskManager's own JVM ({@code java.home}) and class
 * path, so the worker has exactly the parsers the job has, test-only ones included. On a Flink
 * cluster the job's classes come from its job jar through the user-code class loader rather than
 * {@code java.class.path}: the jar (or folder) the worker's main class was loaded from goes first,
 * so this class is the one place a change of packaging has to be followed.
 *
 * <p>Why our own worker main rather than Tika's {@code ForkParser} or tika-pipes: both run only
 * Tika's parse in the child. The fork parser streams SAX events back to the parent, so our OCR
 * pass (PDFBox rendering, Tesseract) and tabula would still read the untrusted bytes in the
 * TaskManager; tika-pipes returns metadata and text through fetchers and emitters, again without
 * our page pass. Running {@code DocumentExtractor} whole in the child isolates everything that
 * reads the file, with one small protocol of our own types.
 *
 * @param mainClass {@link ParseWorkerMain} in production; tests give a tiny worker of their own
 * @param heapBytes the worker's {@code -Xmx}
 */
public record WorkerCommand(String mainClass, long heapBytes) {

    public static WorkerCommand parseWorker(long heapBytes) {
        return new WorkerCommand(ParseWorkerMain.class.getName(), heapBytes);
    }

    /** @param tempDir the worker's {@code java.io.tmpdir}, removed with the worker: a killed worker leaves no scratch files */
    public List<String> command(Path tempDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(1, heapBytes >> 20) + "m");
        // an OutOfMemoryError anywhere ends the worker with exit code 3, which the parent reads as out_of_memory
        command.add("-XX:+ExitOnOutOfMemoryError");
        // the JVM's own messages ("Terminating due to java.lang.OutOfMemoryError") go to stdout otherwise, into the frames
        command.add("-XX:+DisplayVMOutputToStderr");
        // one document at a time on a small heap: the serial collector needs the least memory and no GC threads
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + tempDir);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        return command;
    }

    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        codeSourceOf(ParseWorkerMain.class).ifPresent(entries::add);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.util.Optional<String> codeSourceOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
