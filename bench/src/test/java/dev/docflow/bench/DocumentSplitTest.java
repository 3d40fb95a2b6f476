package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSplitTest {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void theCommittedIcdarSplitIsTheSeedsCut() throws Exception {
        DocumentSplit committed = DocumentSplit.read(REPOSITORY.resolve(BenchTablesCommand.ICDAR_SPLIT));

        assertThat(committed.halves()).hasSize(67);
        assertThat(DocumentSplit.of(List.copyOf(committed.halves().keySet()), DocumentSplit.SEED)).isEqualTo(committed);
    }

    @Test
    void halvesAreCutOnceAndReadBackAsWritten() throws Exception {
        DocumentSplit split = DocumentSplit.of(List.of("us-003", "eu-001", "us-001", "eu-002", "us-002"), 7);

        assertThat(split.halves().values()).filteredOn(half -> half == DocumentSplit.Half.TUNING).hasSize(2);
        assertThat(DocumentSplit.of(List.of("us-002", "us-001", "eu-002", "eu-001", "us-003"), 7)).isEqualTo(split);
        Path file = java.nio.file.Files.createTempFile("split", ".tsv");
        java.nio.file.Files.writeString(file, "# comment\n" + split.lines());
        assertThat(DocumentSplit.read(file)).isEqualTo(split);
    }
}
