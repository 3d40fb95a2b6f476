package dev.docflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

    /** A new migration without a new {@link SchemaVersion#REQUIRED} would let jobs run on a schema they do not know. */
    @Test
    void theRequiredVersionIsTheNewestMigration() throws IOException {
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
        }
        assertThat(SchemaVersion.REQUIRED).isEqualTo(newest);
    }

    @Test
    void flywaysVersionTextIsANumberOrNothing() {
        assertThat(SchemaVersion.number("7")).isEqualTo(7);
        assertThat(SchemaVersion.number(null)).isZero();
        assertThat(SchemaVersion.number("")).isZero();
    }
}
