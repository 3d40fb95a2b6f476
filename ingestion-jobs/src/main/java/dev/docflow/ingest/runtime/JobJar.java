package dev.docflow.ingest.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The job jar {@code ingestion-jobs} builds ({@code docflow-ingestion-jobs-<version>-job.jar}): what
 * {@code flink run}, the REST API and the Kubernetes operator are given, with Flink's own modules
 * left to the cluster.
 */
public final class JobJar {
    /** The jar's classifier, as {@code mvn package} attaches it. */
    public static final String CLASSIFIER = "job";
    private static final String PREFIX = "docflow-ingestion-jobs-";

    private JobJar() {}

    /**
     * The job jar in {@code folder} (the module's {@code target/}).
     *
     * @throws IllegalStateException saying how to build it, when there is none or more than one
     */
    public static Path locate(Path folder) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith("-" + CLASSIFIER + ".jar");
            }).toList();
        } catch (IOException e) {
            if (!Files.isDirectory(folder)) {
                jars = List.of();
            } else {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException((jars.isEmpty() ? "no job jar in " : "more than one job jar in ") + folder
                    + ": build it with ./mvnw -pl ingestion-jobs -am package -DskipTests" + (jars.isEmpty() ? "" : " " + jars));
        }
        return jars.get(0);
    }
}
