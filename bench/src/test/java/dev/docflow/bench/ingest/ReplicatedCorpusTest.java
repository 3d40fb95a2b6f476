package dev.docflow.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedCorpusTest {
    @TempDir
    Path temp;

    private Path source() throws Exception {
        Path source = temp.resolve("source");
        Files.createDirectories(source.resolve("sub"));
        Files.writeString(source.resolve("a.md"), "alpha");
        Files.writeString(source.resolve("sub/b.md"), "beta");
        Files.writeString(source.resolve(".hidden"), "left out, as the upload leaves it out");
        return source;
    }

    @Test
    void oneCopyIsTheFolderItself() throws Exception {
        Path source = source();
        assertThat(ReplicatedCorpus.of(source, 1, temp.resolve("copies"))).isEqualTo(source);
    }

    @Test
    void copiesAreLinksToTheSameTextUnderPathsOfTheirOwn() throws Exception {
        Path copies = ReplicatedCorpus.of(source(), 3, temp.resolve("copies"));
        assertThat(ReplicatedCorpus.filesIn(copies)).extracting(f -> copies.relativize(f).toString()).containsExactly(
                "copy-1/a.md", "copy-1/sub/b.md", "copy-2/a.md", "copy-2/sub/b.md", "copy-3/a.md", "copy-3/sub/b.md");
        assertThat(Files.readString(copies.resolve("copy-3/sub/b.md"))).isEqualTo("beta");
        // made again from nothing: a second run with fewer copies leaves none of the first behind
        ReplicatedCorpus.of(source(), 2, temp.resolve("copies"));
        assertThat(ReplicatedCorpus.filesIn(copies)).hasSize(4);
    }

    @Test
    void exactlyTheDocumentsAsked() throws Exception {
        Path corpus = ReplicatedCorpus.ofDocuments(source(), 5, temp.resolve("docs"));
        assertThat(ReplicatedCorpus.filesIn(corpus)).hasSize(5);
        assertThat(corpus.resolve("copy-3/a.md")).exists();
        assertThat(corpus.resolve("copy-3/sub/b.md")).doesNotExist();
    }
}
