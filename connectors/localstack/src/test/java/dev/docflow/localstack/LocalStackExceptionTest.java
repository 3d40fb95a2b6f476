package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackExceptionTest {

    @TempDir
    Path dir;

    @Test
    void namesTheServerItsLogAndTheLogsLastLines() throws IOException {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        LocalStackException failure = LocalStackException.serverFailed("kafka", log, "it exited with code 1", null);

        assertThat(failure.getMessage())
                .startsWith("kafka did not start: it exited with code 1")
                .contains(log.toString())
                .contains("line " + (100 - LocalStackException.TAIL_LINES + 1) + "\n", "line 100")
                .doesNotContain("line " + (100 - LocalStackException.TAIL_LINES) + "\n");
    }

    @Test
    void aMissingLogIsSaidSo() {
        Path log = dir.resolve("never-written.log");

        assertThat(LocalStackException.serverFailed("s3", log, "cannot run java", null).getMessage())
                .contains("cannot read " + log);
    }

    @Test
    void readsOnlyTheEndOfAHugeLog() throws IOException {
        Path log = dir.resolve("big.log");
        Files.writeString(log, "x".repeat(5_000_000) + "\nthe cause\n");

        assertThat(LocalStackException.lastLines(log, 1)).containsExactly("the cause");
    }
}
