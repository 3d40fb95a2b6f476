package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.StackSettings.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces that let a stack start while other processes take ports around it. */
class PortRaceTest {
    @TempDir
    Path dir;

    @Test
    void freePortsComeFromBelowTheEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            assertThat(LocalServer.portOrFree(0)).isBetween(LocalServer.FREE_PORTS_FROM, LocalServer.FREE_PORTS_TO - 1);
        }
    }

    @Test
    void aTakenPortIsRecognisedOnlyInTheLatestStart() throws Exception {
        Path log = dir.resolve("elasticsearch.log");
        Files.writeString(log, """
                ---- docflow localstack: starting elasticsearch at 2026-11-24T10:00:00Z
                BindHttpException: Failed to bind to 127.0.0.1:9200
                Caused by: java.net.BindException: Address already in use
                """);
        assertThat(LocalStackException.portWasTaken(log)).isTrue();
        assertThat(LocalStackException.serverFailed("elasticsearch", log, "it exited with code 1", null).portTaken())
                .isTrue();

        Files.writeString(log, Files.readString(log) + """
                ---- docflow localstack: starting elasticsearch at 2026-11-24T10:01:00Z
                fatal exception while booting: unknown setting [foo]
                """);
        assertThat(LocalStackException.portWasTaken(log)).isFalse();
        assertThat(LocalStackException.serverFailed("elasticsearch", log, "it exited with code 1", null).portTaken())
                .isFalse();
    }

    @Test
    void anotherAttemptMovesOnlyThatServerToAFreePort() {
        StackSettings settings = StackSettings.defaults(dir).withAnyFreePort(Server.KAFKA);

        assertThat(settings.kafkaPort()).isZero();
        assertThat(settings.kafkaControllerPort()).isZero();
        assertThat(settings.elasticsearchPort()).isEqualTo(9200);
        assertThat(settings.s3Port()).isEqualTo(9000);
    }
}
