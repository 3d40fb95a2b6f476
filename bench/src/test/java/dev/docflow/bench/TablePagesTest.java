package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TablePagesTest {
    @Test
    void aPageIsATablePageOnlyWhenListed() throws Exception {
        Path file = Files.createTempFile("pages", ".tsv");
        Files.writeString(file, "# document\tpage\twhat\nR-lang.pdf\t8\ttypeof / mode\nR-ints.pdf\t6\n");
        TablePages pages = TablePages.read(file);

        assertThat(pages.hasTable("R-lang.pdf", 8)).isTrue();
        assertThat(pages.hasTable("R-ints.pdf", 6)).isTrue();
        assertThat(pages.hasTable("R-lang.pdf", 9)).isFalse();
        assertThat(pages.hasTable("R-ints.pdf", 8)).isFalse();
    }

    @Test
    void theCommittedListOfTheRManualsReads() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        assertThat(TablePages.read(repository.resolve(BenchTablesCommand.PROSE_TABLE_PAGES)).pages()).hasSize(42);
    }
}
