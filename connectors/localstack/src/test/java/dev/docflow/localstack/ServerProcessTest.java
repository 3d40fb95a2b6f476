package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With real (tiny) processes: shells and sleeps standing in for servers. */
class ServerProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void waitsForReadinessThenStopsTheWholeProcessTree() {
        ServerProcess server = ServerProcess.start("fake", List.of("sh", "-c", "sleep 600 & echo ready; wait"),
                Map.of(), dir, TIMEOUT, process -> process.logContains("ready"));
        ProcessHandle shell = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> tree = shell.descendants().toList();
        assertThat(tree).isNotEmpty();
        assertThat(dir.resolve("fake.pid")).content().contains(Long.toString(server.pid()));

        server.close();

        assertThat(shell.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(dir.resolve("fake.pid")).doesNotExist();
        server.close(); // a second close is harmless
    }

    @Test
    void aProcessThatExitsFailsWithItsLog() {
        assertThatThrownBy(() -> ServerProcess.start("fake", List.of("sh", "-c", "echo 'bad config'; exit 3"),
                Map.of(), dir, TIMEOUT, process -> false))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("fake did not start: it exited with code 3")
                .hasMessageContaining(dir.resolve("fake.log").toString())
                .hasMessageContaining("bad config");
    }

    @Test
    void aProcessNeverReadyIsStoppedAtTheDeadline() throws IOException {
        // "ready" from an earlier run must not count: only this start's output is looked at
        Files.writeString(dir.resolve("fake.log"), "ready\n");
        Path pidFile = dir.resolve("shell.pid");

        assertThatThrownBy(() -> ServerProcess.start("fake",
                List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 600"),
                Map.of(), dir, Duration.ofSeconds(2), process -> process.logContains("ready")))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("not ready after 2 s");

        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void stopsLeftoversThatMentionTheMarkerOnly() throws IOException {
        // processes whose arguments (what the check looks at, with the executable) name the folder, or not
        Path mine = Files.createFile(dir.resolve("server.log"));
        Path other = Files.createTempFile("elsewhere", ".log");
        Process leftover = new ProcessBuilder("tail", "-f", mine.toString()).start();
        Process stranger = new ProcessBuilder("tail", "-f", other.toString()).start();
        try {
            Path pidFile = dir.resolve("old.pid");
            Files.writeString(pidFile, leftover.pid() + " " + stranger.pid() + "\n");

            ServerProcess.stopLeftover(pidFile, dir.toString());

            assertThat(leftover.isAlive()).isFalse();
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            ServerProcess.stopTree(stranger.toHandle(), Duration.ofSeconds(5));
            Files.delete(other);
        }
    }

    @Test
    void runsShortCommandsIntoTheLog() throws IOException {
        Path log = dir.resolve("tool.log");

        assertThat(ServerProcess.run(List.of("sh", "-c", "echo formatted; exit 2"), log, TIMEOUT)).isEqualTo(2);
        assertThat(log).content().contains("formatted");
    }
}
