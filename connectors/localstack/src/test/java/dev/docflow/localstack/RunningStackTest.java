package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningStackTest {

    private static final StackEndpoints WITHOUT_ELASTICSEARCH = new StackEndpoints(null,
            "jdbc:postgresql://127.0.0.1:5432/docflow", "postgres", "pw", "http://127.0.0.1:9000", "key", "secret",
            "127.0.0.1:9092");

    @TempDir
    Path workDir;

    @Test
    void nothingRunsWithoutAnAdvertisement() {
        assertThat(RunningStack.find(workDir)).isEmpty();
    }

    @Test
    void findsTheStackThisProcessAdvertisedUntilItIsWithdrawn() throws IOException {
        RunningStack.advertise(workDir, WITHOUT_ELASTICSEARCH);

        assertThat(RunningStack.find(workDir)).contains(WITHOUT_ELASTICSEARCH);
        assertThat(Files.getPosixFilePermissions(workDir.resolve("stack.json"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        RunningStack.withdraw(workDir);
        assertThat(RunningStack.find(workDir)).isEmpty();
    }

    @Test
    void ignoresAnAdvertisementLeftByADeadProcess() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(workDir.resolve("stack.json"), "{\"pid\":" + gone.pid()
                + ",\"endpoints\":{\"kafkaBootstrapServers\":\"127.0.0.1:9092\"}}");

        assertThat(RunningStack.ownerPid(workDir)).contains(gone.pid());
        assertThat(RunningStack.find(workDir)).isEmpty();
    }

    @Test
    void ignoresAStackWhoseElasticsearchDoesNotAnswer() {
        RunningStack.advertise(workDir, new StackEndpoints(ElasticsearchServer.url(LocalServer.portOrFree(0)),
                null, null, null, null, null, null, null));

        assertThat(RunningStack.find(workDir)).isEmpty();
    }

    @Test
    void ignoresAGarbledFile() throws IOException {
        Files.writeString(workDir.resolve("stack.json"), "{\"pid\":");

        assertThat(RunningStack.find(workDir)).isEmpty();
    }
}
