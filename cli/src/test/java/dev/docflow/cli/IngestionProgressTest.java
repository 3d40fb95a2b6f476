package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestionProgressTest {

    @Test
    void aRunningIngestionShowsItsBarRateAndTimeLeft() {
        var snapshot = new IngestionProgress.Snapshot(40, 1, 812, 13.0);

        assertThat(IngestionProgress.line("handbook", 90, snapshot))
                .isEqualTo("handbook [#########...........] 41/90 documents (40 indexed, 1 failed), 812 chunks, 3.2 docs/s, ETA 16s, 13s");
    }

    @Test
    void beforeTheFirstDocumentTheTimeLeftIsUnknown() {
        assertThat(IngestionProgress.line("kb", 4, new IngestionProgress.Snapshot(0, 0, 0, 2.0)))
                .isEqualTo("kb [....................] 0/4 documents (0 indexed, 0 failed), 0 chunks, 0.0 docs/s, ETA ?, 2s");
    }

    @Test
    void aFinishedIngestionHasAFullBarAndNoTimeLeft() {
        assertThat(IngestionProgress.line("demo", 4, new IngestionProgress.Snapshot(4, 0, 170, 27.4)))
                .isEqualTo("demo [####################] 4/4 documents (4 indexed, 0 failed), 170 chunks, 0.1 docs/s, 27s");
    }

    @Test
    void durationsReadAsAPersonWritesThem() {
        assertThat(IngestionProgress.duration(42.4)).isEqualTo("42s");
        assertThat(IngestionProgress.duration(185)).isEqualTo("3m05s");
        assertThat(IngestionProgress.duration(7620)).isEqualTo("2h07m");
    }

    @Test
    void aFailedDocumentFailsTheCommandUnlessFailuresAreAllowed() {
        assertThat(IngestCommand.exitCode(0, false)).isZero();
        assertThat(IngestCommand.exitCode(2, false)).isEqualTo(IngestCommand.DOCUMENTS_FAILED);
        assertThat(IngestCommand.exitCode(2, true)).isZero();
    }
}
