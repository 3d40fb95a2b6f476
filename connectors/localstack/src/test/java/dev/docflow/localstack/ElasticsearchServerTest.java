package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchServerTest {

    @TempDir
    Path dir;

    @Test
    void runsAsTheUnprivilegedUserWhenRoot() {
        Path dist = Path.of("/w/elasticsearch/dist-8.19.21");
        List<String> command = ElasticsearchServer.command(dist, Path.of("/w/elasticsearch"), 9200, 40000, true);

        assertThat(command).startsWith("runuser", "-u", "docflow", "--", "/w/elasticsearch/dist-8.19.21/bin/elasticsearch");
        assertThat(command).containsSequence("-E", "discovery.type=single-node")
                .containsSequence("-E", "xpack.security.enabled=false")
                .containsSequence("-E", "http.host=127.0.0.1")
                .containsSequence("-E", "http.port=9200")
                .containsSequence("-E", "transport.port=40000")
                .containsSequence("-E", "path.data=/w/elasticsearch/data")
                .containsSequence("-E", "path.logs=/w/elasticsearch/logs")
                .containsSequence("-E", "cluster.routing.allocation.disk.threshold_enabled=false");
    }

    @Test
    void runsDirectlyOtherwise() {
        List<String> command = ElasticsearchServer.command(Path.of("/d"), Path.of("/w"), 9201, 9301, false);

        assertThat(command.get(0)).isEqualTo("/d/bin/elasticsearch");
        assertThat(command).doesNotContain("runuser");
    }

    @Test
    void unpacksTheDistributionOnceWithExecutableScripts() throws IOException {
        Path zip = dir.resolve("elasticsearch-1.2.3.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, "elasticsearch-1.2.3/bin/elasticsearch", "#!/bin/sh\n");
            add(out, "elasticsearch-1.2.3/lib/server.jar", "jar");
        }
        Path folder = dir.resolve("work/elasticsearch");

        Path dist = ElasticsearchServer.unpackOnce(zip, folder);

        assertThat(dist).isEqualTo(folder.resolve("dist-1.2.3"));
        assertThat(dist.resolve("lib/server.jar")).hasContent("jar");
        assertThat(Files.isExecutable(dist.resolve("bin/elasticsearch"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist.resolve("bin/elasticsearch"))))
                .isEqualTo("rwxr-xr-x");

        Files.writeString(dist.resolve("lib/server.jar"), "kept");
        assertThat(ElasticsearchServer.unpackOnce(zip, folder)).isEqualTo(dist);
        assertThat(dist.resolve("lib/server.jar")).hasContent("kept");
    }

    @Test
    void refusesAWorkFolderTheUnprivilegedUserCannotReach() throws IOException {
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Path work = Files.createDirectories(closed.resolve("work"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> ElasticsearchServer.requireReachableByOthers(work))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining(closed + " is not traversable by others")
                .hasMessageContaining("chmod o+x " + closed);

        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x--x"));
        assertThatNoException().isThrownBy(() -> ElasticsearchServer.requireReachableByOthers(work));
    }

    @Test
    void nothingAnswersHealthOnAClosedPort() {
        assertThat(ElasticsearchServer.answersHealth(ElasticsearchServer.url(LocalServer.portOrFree(0)))).isFalse();
    }

    private static void add(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

}
