package dev.docflow.cli;

import dev.docflow.agent.auth.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keys the launcher keeps in the work folder ({@code admin-key}, {@code demo-key}): made on first
 * start, readable by their owner only, the same on every later start.
 */
final class KeyFiles {
    private KeyFiles() {}

    static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String key = Files.readString(file).strip();
                if (!key.isEmpty()) {
                    return key;
                }
            }
            Files.createDirectories(file.getParent());
            String key = ApiKeys.newKey();
            Files.writeString(file, key + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions guard it
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a key in " + file, e);
        }
    }
}
