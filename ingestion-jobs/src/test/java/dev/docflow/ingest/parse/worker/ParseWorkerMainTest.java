package dev.docflow.ingest.parse.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real worker ({@link ParseWorkerMain}, Tika, tabula and Tesseract in a child JVM) against the
 * in-process extractor, and against the hostile test parsers of {@code testparsers}.
 */
class ParseWorkerMainTest {
    /** Short, for the spinning parser; files that must parse get the default budget (a loaded machine is slow). */
    private static final ParseLimits LIMITS = ParseLimits.DEFAULTS.withMaxParseSeconds(2);
    private static final ExtractionSettings SETTINGS =
            ExtractionSettings.DEFAULTS.withIsolation(ParseIsolation.DEFAULTS.withWorkerHeap(128L << 20));

    @Test
    void aPdfWithTablesExtractsInTheWorkerExactlyAsInProcess() {
        Path pdf = Path.of("src/test/resources/tables/frx_2012_disclosure.pdf");
        DocumentRef ref = new DocumentRef("d", "t", "kb", "kb-id", "key", "frx.pdf", 0, 0);
        ExtractedDocument inProcess;
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, SETTINGS)) {
            inProcess = extractor.extract(ref, pdf);
        }
        ExtractedDocument isolated;
        try (IsolatedExtractor extractor = new IsolatedExtractor(ParseLimits.DEFAULTS, SETTINGS)) {
            isolated = extractor.extract(ref, pdf);
        }

        assertThat(inProcess.tables()).isNotEmpty();
        assertThat(isolated.ref()).isEqualTo(ref);
        assertThat(isolated.text()).isEqualTo(inProcess.text());
        assertThat(isolated.blocks()).containsExactly(inProcess.blocks());
        assertThat(isolated.parts()).containsExactly(inProcess.parts());
        assertThat(isolated.tables()).containsExactly(inProcess.tables());
        assertThat(isolated.ocrPages()).containsExactly(inProcess.ocrPages());
        assertThat(isolated.pageCount()).isEqualTo(inProcess.pageCount());
    }

    @Test
    void aSpinningParserAndAMemoryHogFailAloneAndTheWorkerParsesOnAfterwards(@TempDir Path dir) throws Exception {
        try (IsolatedExtractor extractor = new IsolatedExtractor(LIMITS, SETTINGS)) {
            DocumentFailedException spun = failure(extractor, Files.writeString(dir.resolve("loop.spin"), "spin"));
            DocumentFailedException hogged = failure(extractor, Files.writeString(dir.resolve("bomb.hog"), "hog"));
            Path note = Files.writeString(dir.resolve("note.md"), "# Note\n\nA heron waits by the lake.\n");
            ExtractedDocument after = extractor.extract(ref(note), note);

            assertThat(spun.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(hogged.reason()).as(hogged.getMessage()).isEqualTo(FailureReason.OUT_OF_MEMORY);
            assertThat(after.text()).contains("heron");
            assertThat(extractor.workerPids()).hasSize(1);
        }
    }

    @Test
    void theErrorTypeOfAFileStaysTheSameThroughTheWorker(@TempDir Path dir) throws Exception {
        try (IsolatedExtractor extractor = new IsolatedExtractor(ParseLimits.DEFAULTS, SETTINGS)) {
            Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
            Path encrypted = Path.of("src/test/resources/parse/encrypted.pdf");

            assertThat(failure(extractor, empty).reason()).isEqualTo(FailureReason.EMPTY);
            assertThat(failure(extractor, encrypted).reason()).isEqualTo(FailureReason.ENCRYPTED);
        }
    }

    private static DocumentRef ref(Path file) {
        return new DocumentRef("id-" + file.getFileName(), "t", "kb", "kb-id", "key", file.getFileName().toString(), 1, 0);
    }

    private static DocumentFailedException failure(IsolatedExtractor extractor, Path file) {
        return catchThrowableOfType(() -> extractor.extract(ref(file), file), DocumentFailedException.class);
    }
}
