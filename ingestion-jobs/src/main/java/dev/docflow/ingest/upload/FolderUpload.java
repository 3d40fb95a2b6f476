package dev.docflow.ingest.upload;

import dev.docflow.connectors.objectstore.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Uploads local files into a knowledge base's folder of the object store, keeping their paths
 * relative to the folder given (a single file keeps just its name). Hidden files are skipped.
 */
public final class FolderUpload {
    private final ObjectStore store;

    public FolderUpload(ObjectStore store) {
        this.store = store;
    }

    /** Returns the object keys written. */
    public List<String> upload(String tenant, String knowledgeBase, Path source) {
        List<String> keys = new ArrayList<>();
        for (Path file : filesUnder(source)) {
            String relative = Files.isDirectory(source)
                    ? source.relativize(file).toString().replace('\\', '/')
                    : file.getFileName().toString();
            String key = ObjectStore.keyOf(tenant, knowledgeBase, relative);
            store.upload(key, file, contentType(file));
            keys.add(key);
        }
        return keys;
    }

    private static List<Path> filesUnder(Path source) {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("No such file or folder: " + source);
        }
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + source, e);
        }
    }

    private static String contentType(Path file) {
        try {
            String probed = Files.probeContentType(file);
            return probed == null ? "application/octet-stream" : probed;
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
