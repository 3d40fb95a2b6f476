package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aSavedFingerprintMatchesUntilTheFolderChanges() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.md"), "alpha");
        Path record = dir.resolve("state/kb.fingerprint");

        assertThat(CorpusFingerprint.matches(record, corpus)).isFalse();
        CorpusFingerprint.save(record, corpus);
        assertThat(CorpusFingerprint.matches(record, corpus)).isTrue();

        Files.writeString(corpus.resolve("b.md"), "beta");
        assertThat(CorpusFingerprint.matches(record, corpus)).isFalse();
    }

    @Test
    void questionsAreReadFromJsonLinesAndCheckedForTheirFields() throws Exception {
        Path file = Files.writeString(dir.resolve("q.jsonl"), """
                {"id":"q1","corpus":"manuals/r","question":"Where?","source":"R-data.pdf","page":19,"passage_contains":["x"],"answer_contains":["y"]}

                {"id":"q2","corpus":"docs","question":"Port?","source":"h.md","passage_contains":["8085"]}
                """);

        assertThat(EvalQuestion.read(file)).extracting(EvalQuestion::page).containsExactly(19, 0);
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"corpus\":\"docs\"}\n");
        assertThatThrownBy(() -> EvalQuestion.read(broken)).hasMessageContaining("broken.jsonl:1").hasMessageContaining("question");
    }
}
