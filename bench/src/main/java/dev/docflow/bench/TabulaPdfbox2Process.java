package dev.docflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code TabulaPages} of module {@code bench/tabula-pdfbox2} in a JVM of its own, where
 * tabula has the PDFBox 2 it was built for (this JVM has PDFBox 3, whose packages are the same).
 * The child's class path is the file that module's build writes, plus its classes.
 */
final class TabulaPdfbox2Process {
    static final String MODULE = "bench/tabula-pdfbox2";
    static final String MAIN = "dev.docflow.tabulapdfbox2.TabulaPages";
    static final String BUILD = "./mvnw -q -pl " + MODULE + " -DskipTests package";
    /** Generous for the bench's ~900 pages at ~0.3 s each on a shared machine; a stuck child is killed. */
    private static final long DEADLINE_MINUTES = 60;

    private final Path classes;
    private final Path classPathFile;

    TabulaPdfbox2Process(Path home) {
        Path target = home.resolve(MODULE).resolve("target");
        this.classes = target.resolve("classes");
        this.classPathFile = target.resolve("tabula-pdfbox2.classpath");
    }

    /**
     * Reads {@code pdfs} into {@code output} (JSON lines), the child's own messages into
     * {@code output}'s name with {@code .log}; returns what it found.
     *
     * @throws IllegalStateException when the module is not built, or the child failed
     */
    TabulaTables read(List<Path> pdfs, Path output) throws IOException, InterruptedException {
        if (!Files.isRegularFile(classPathFile) || !Files.isDirectory(classes.resolve("dev"))) {
            throw new IllegalStateException("tabula on PDFBox 2 is not built (no " + classPathFile
                    + "): run " + BUILD + " first");
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path log = output.resolveSibling(output.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=true",
                "-cp", classes + java.io.File.pathSeparator + Files.readString(classPathFile, StandardCharsets.UTF_8).strip(),
                MAIN, output.toString()));
        pdfs.forEach(pdf -> command.add(TabulaTables.key(pdf)));
        Process child = new ProcessBuilder(command)
                .redirectOutput(log.toFile())
                .redirectErrorStream(true)
                .start();
        // Ctrl-C on the bench must not leave the child reading on
        Thread stop = new Thread(child::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            if (!child.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
                throw new IllegalStateException("tabula on PDFBox 2 did not finish within " + DEADLINE_MINUTES
                        + " minutes; its messages: " + log);
            }
        } finally {
            child.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        if (child.exitValue() != 0) {
            throw new IllegalStateException("tabula on PDFBox 2 exited with " + child.exitValue() + "; its messages: " + log);
        }
        return TabulaTables.read(output);
    }
}
