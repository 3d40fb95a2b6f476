package dev.docflow.ingest.testutils;

import dev.docflow.ingest.parse.DocumentFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Documents' files in a local folder, by object key: the parse stage's input without an object store. */
public record FolderFiles(String folder) implements DocumentFiles {
    @Override
    public Reader connect() {
        return key -> {
            Path file = Path.of(folder).resolve(key);
            return Files.exists(file) ? Optional.<InputStream>of(Files.newInputStream(file)) : Optional.empty();
        };
    }
}
