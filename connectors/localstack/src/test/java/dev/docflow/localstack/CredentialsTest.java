package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceThenKeeps() throws IOException {
        Path file = dir.resolve("s3/credentials");

        Credentials first = Credentials.loadOrCreate(file, "docflow-local");
        Credentials again = Credentials.loadOrCreate(file, "someone-else");

        assertThat(first.user()).isEqualTo("docflow-local");
        assertThat(first.secret()).hasSize(40).matches("[A-Za-z0-9_-]+");
        assertThat(again).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void secretsDifferBetweenWorkFolders() {
        assertThat(Credentials.loadOrCreate(dir.resolve("a"), "u").secret())
                .isNotEqualTo(Credentials.loadOrCreate(dir.resolve("b"), "u").secret());
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new Credentials("user", "s3cr3t").toString()).contains("user").doesNotContain("s3cr3t");
        assertThat(new StackEndpoints("http://es", "jdbc:x", "postgres", "pgs3cr3t", "http://s3", "key", "s3s3cr3t",
                "127.0.0.1:9092").toString()).contains("jdbc:x", "key").doesNotContain("pgs3cr3t", "s3s3cr3t");
    }

    @Test
    void refusesAFileWithoutASecret() throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "user=postgres\n");

        assertThatThrownBy(() -> Credentials.loadOrCreate(file, "postgres"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining(file.toString());
    }
}
