package dev.docflow.bench.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A larger corpus made of copies of a folder: {@code copy-1/…} to {@code copy-N/…}, each file a
 * symbolic link to the original (the upload reads through links), so N copies cost no disk. Each
 * copy is a document of its own (its path differs), with the same text.
 */
public final class ReplicatedCorpus {
    private ReplicatedCorpus() {
    }

    /** {@code source} itself for one copy; else {@code target}, (re)made with {@code copies} copies. */
    public static Path of(Path source, int copies, Path target) {
        if (copies < 1) {
            throw new IllegalArgumentException("--replicate takes 1 or more, not " + copies);
        }
        if (copies == 1) {
            return source;
        }
        try {
            deleteTree(target);
            List<Path> files = filesIn(source);
            for (int copy = 1; copy <= copies; copy++) {
                for (Path file : files) {
                    Path link = target.resolve("copy-" + copy).resolve(source.relativize(file).toString());
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, file.toAbsolutePath());
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + copies + " copies of " + source + " in " + target, e);
        }
    }

    /**
     * {@code target}, (re)made with exactly {@code documents} links: copy after copy of
     * {@code source}'s files, the last copy cut short.
     */
    public static Path ofDocuments(Path source, int documents, Path target) {
        List<Path> files = filesIn(source);
        if (files.isEmpty() || documents < 1) {
            throw new IllegalArgumentException("Need at least one document from " + source);
        }
        try {
            deleteTree(target);
            for (int n = 0; n < documents; n++) {
                Path file = files.get(n % files.size());
                Path link = target.resolve("copy-" + (n / files.size() + 1)).resolve(source.relativize(file).toString());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, file.toAbsolutePath());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + documents + " documents of " + source + " in " + target, e);
        }
    }

    /** The regular files under {@code folder}, hidden ones left out (as the upload does), sorted. */
    public static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Folder " + folder + " does not exist");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
