package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabulaPdfbox2ProcessTest {
    @TempDir
    Path home;

    @Test
    void anUnbuiltModuleIsRefusedWithTheCommandThatBuildsIt() {
        TabulaPdfbox2Process process = new TabulaPdfbox2Process(home);

        assertThatThrownBy(() -> process.read(List.of(home.resolve("a.pdf")), home.resolve("out.jsonl")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not built")
                .hasMessageContaining("./mvnw -q -pl bench/tabula-pdfbox2 -DskipTests package");
    }
}
