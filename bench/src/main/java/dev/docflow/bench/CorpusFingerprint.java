package dev.docflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a corpus folder held when it was ingested (paths, sizes, modification times), so that a
 * benchmark re-ingests it only when it changed.
 */
public final class CorpusFingerprint {
    private CorpusFingerprint() {}

    public static String of(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                String entry = folder.relativize(file) + "\t" + Files.size(file) + "\t"
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read corpus " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code record} holds the fingerprint {@code folder} has now. */
    public static boolean matches(Path record, Path folder) {
        try {
            return Files.isRegularFile(record) && Files.readString(record).trim().equals(of(folder));
        } catch (IOException e) {
            return false;
        }
    }

    public static void save(Path record, Path folder) {
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + record, e);
        }
    }
}
