package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabulaTablesTest {
    @TempDir
    Path folder;

    private Path a() {
        return folder.resolve("a.pdf");
    }

    private TabulaTables read(String... lines) throws IOException {
        Path output = folder.resolve("tabula.jsonl");
        Files.write(output, List.of(lines));
        return TabulaTables.read(output);
    }

    private String file(Path pdf) {
        return "\"file\":\"" + TabulaTables.key(pdf) + "\"";
    }

    @Test
    void readsEachPagesKindAndTheTablesOfEachVariantByPage() throws IOException {
        TabulaTables tables = read(
                "{\"variants\":[\"tabula-stream\",\"tabula-lattice\"],\"pdfbox\":\"2.0.24\"}",
                "{" + file(a()) + ",\"page\":1,\"ruled\":true}",
                "{" + file(a()) + ",\"page\":1,\"variant\":\"tabula-lattice\",\"rows\":[[\"Name\",\"\"],[\"x\",\"1\"]]}",
                "{" + file(a()) + ",\"page\":1,\"variant\":\"tabula-lattice\",\"rows\":[[\"y\"]]}",
                "{" + file(a()) + ",\"page\":2,\"ruled\":false}",
                "{" + file(a()) + ",\"page\":2,\"variant\":\"tabula-stream\",\"rows\":[[\"z\",\"2\"]]}",
                "");

        assertThat(tables.variants()).containsExactly("tabula-stream", "tabula-lattice");
        assertThat(tables.pdfbox()).isEqualTo("2.0.24");
        assertThat(tables.pages()).isEqualTo(2);
        assertThat(tables.kind(a(), 1)).isEqualTo(PageKind.RULED);
        assertThat(tables.kind(a(), 2)).isEqualTo(PageKind.UNRULED);
        assertThat(tables.kind(a(), 3)).isEqualTo(PageKind.UNREAD);
        assertThat(tables.cellsByPage(a(), "tabula-lattice")).isEqualTo(Map.of(1, List.of("Name", "", "x", "1", "y")));
        assertThat(tables.cellsByPage(a(), "tabula-stream")).isEqualTo(Map.of(2, List.of("z", "2")));
        assertThat(tables.tables(a(), "tabula-lattice")).extracting(TabulaTables.Found::page).containsExactly(1, 1);
        assertThat(tables.errors()).isEmpty();
    }

    @Test
    void aPdfIsFoundByTheSamePathHoweverItIsWritten() throws IOException {
        TabulaTables tables = read("{\"variants\":[\"tabula-stream\"]}", "{" + file(a()) + ",\"page\":1,\"ruled\":true}");

        assertThat(tables.kind(folder.resolve("x/../a.pdf"), 1)).isEqualTo(PageKind.RULED);
    }

    @Test
    void unreadablePdfsAndFailedPagesAreReportedAndTheirPagesUnread() throws IOException {
        Path b = folder.resolve("b.pdf");
        TabulaTables tables = read(
                "{\"variants\":[\"tabula-stream\"]}",
                "{" + file(a()) + ",\"error\":\"InvalidPasswordException: Cannot decrypt PDF\"}",
                "{" + file(b) + ",\"page\":3,\"error\":\"java.lang.IllegalArgumentException: Comparison method violates\"}");

        assertThat(tables.errors()).containsExactly(
                TabulaTables.key(a()) + ": InvalidPasswordException: Cannot decrypt PDF",
                TabulaTables.key(b) + " page 3: java.lang.IllegalArgumentException: Comparison method violates");
        assertThat(tables.kind(b, 3)).isEqualTo(PageKind.UNREAD);
        assertThat(tables.pages()).isZero();
        assertThat(tables.cellsByPage(b, "tabula-stream")).isEmpty();
    }

    @Test
    void outputWithoutTheVariantsLineIsRefused() {
        assertThatThrownBy(() -> read("{" + file(a()) + ",\"page\":1,\"ruled\":true}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not written by TabulaPages");
    }
}
