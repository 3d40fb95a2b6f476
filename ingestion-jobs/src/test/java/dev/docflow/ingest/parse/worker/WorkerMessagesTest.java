package dev.docflow.ingest.parse.worker;

import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.parse.worker.Frames.Frame;
import dev.docflow.ingest.parse.worker.Frames.ProtocolException;
import dev.docflow.ingest.parse.worker.Frames.Type;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerMessagesTest {
    private static final DocumentRef REF = new DocumentRef("d1", "t", "kb", "kb-id", "t/kb/report.pdf", "report.pdf", 42, 7);

    @Test
    void anExtractedDocumentWithTablesPartsAndOcrPagesRoundTripsFieldByField() throws Exception {
        String text = "Résumé ✓ 𝄞\n\n| a | b |";
        DocumentRef titled = REF.withTitle("Disclosure Statement — 2012");
        ExtractedDocument document = new ExtractedDocument(titled, "application/pdf", 3, text,
                new TextBlock[] {new TextBlock(0, 1, BlockKind.HEADING, 2, 0, 6), new TextBlock(1, 3, BlockKind.TABLE, 0, 12, text.length())},
                new DocumentPart[] {new DocumentPart("report.pdf", "application/pdf", 3), new DocumentPart("report.pdf › x.png", null, 0)},
                new ExtractedTable[] {new ExtractedTable(1, 3, 1, List.of(List.of("a", "b"), List.of("1", "")))},
                new OcrPage[] {new OcrPage(1, 0, 87.5f, 1_234L)}, 123_456L);

        ExtractedDocument read = WorkerMessages.extracted(REF, WorkerMessages.extracted(document));

        assertThat(read.ref()).as("the title found by the worker comes back with the caller's reference").isEqualTo(titled);
        assertThat(read.contentType()).isEqualTo("application/pdf");
        assertThat(read.pageCount()).isEqualTo(3);
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.blocks()).containsExactly(document.blocks());
        assertThat(read.parts()).containsExactly(document.parts());
        assertThat(read.tables()).containsExactly(document.tables());
        assertThat(read.ocrPages()).containsExactly(document.ocrPages());
        assertThat(read.deadlineMillis()).isEqualTo(123_456L);
    }

    @Test
    void requestsFailuresAndSettingsRoundTrip() throws Exception {
        WorkerMessages.ExtractRequest request = new WorkerMessages.ExtractRequest(REF, Path.of("/tmp/docflow-1.doc"));
        assertThat(WorkerMessages.request(WorkerMessages.request(request))).isEqualTo(request);
        WorkerMessages.Failure failure = new WorkerMessages.Failure(FailureReason.ENCRYPTED, "the document is encrypted");
        assertThat(WorkerMessages.failure(WorkerMessages.failure(failure))).isEqualTo(failure);
        WorkerMessages.Settings settings = new WorkerMessages.Settings(ParseLimits.DEFAULTS.withMaxParseSeconds(9),
                ExtractionSettings.DEFAULTS.withoutOcr().withIsolation(ParseIsolation.DEFAULTS.withWorkers(2)));
        assertThat(WorkerMessages.settings(WorkerMessages.settings(settings))).isEqualTo(settings);
    }

    @Test
    void framesFollowOneAnotherAndACleanEndIsNoFrame() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Frames.write(out, Type.READY, WorkerMessages.ready());
        Frames.write(out, Type.FAILED, new byte[] {1, 2, 3});
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        Frame first = Frames.read(in, 100);
        Frame second = Frames.read(in, 100);

        assertThat(first.type()).isEqualTo(Type.READY);
        WorkerMessages.checkReady(first.payload());
        assertThat(second.type()).isEqualTo(Type.FAILED);
        assertThat(second.payload()).containsExactly(1, 2, 3);
        assertThat(Frames.read(in, 100)).isNull();
    }

    @Test
    void aStreamCutInsideAFrameIsAnEndOfFileNotAFrame() throws Exception {
        byte[] frame = frameBytes(Type.EXTRACTED, new byte[50]);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Arrays.copyOf(frame, 30)));
        assertThatThrownBy(() -> Frames.read(in, 100)).isInstanceOf(EOFException.class);
    }

    @Test
    void textPrintedIntoTheStreamIsRefusedByItsMagic() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream("Warning: Invalid resolution 0 dpi\n".getBytes()));
        assertThatThrownBy(() -> Frames.read(in, 100)).isInstanceOf(ProtocolException.class).hasMessageContaining("magic");
    }

    @Test
    void aFrameLongerThanItsBoundIsRefusedBeforeItIsRead() {
        ByteBuffer header = ByteBuffer.allocate(9).putInt(Frames.MAGIC).put((byte) Type.EXTRACTED.ordinal()).putInt(Integer.MAX_VALUE);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(header.array()));
        assertThatThrownBy(() -> Frames.read(in, 1 << 20)).isInstanceOf(ProtocolException.class).hasMessageContaining("over the bound");
    }

    @Test
    void countsAndLengthsBeyondThePayloadAreRefusedNotAllocated() {
        byte[] hugeCount = ByteBuffer.allocate(16).putInt(-1).putInt(0).putInt(-1).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> WorkerMessages.extracted(REF, hugeCount)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("count of " + Integer.MAX_VALUE);
        byte[] longString = ByteBuffer.allocate(8).putInt(1_000_000).putInt(0).array();
        assertThatThrownBy(() -> WorkerMessages.failure(longString)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("a string of 1000000 bytes");
        assertThatThrownBy(() -> WorkerMessages.checkReady(ByteBuffer.allocate(4).putInt(99).array()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("version 99");
    }

    @Test
    void settingsOfAnotherClassAreRefusedByTheFilter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.HashMap<String, String>());
        }
        assertThatThrownBy(() -> WorkerMessages.settings(bytes.toByteArray())).isInstanceOf(ProtocolException.class);
    }

    private static byte[] frameBytes(Type type, byte[] payload) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.write(new DataOutputStream(bytes), type, payload);
        return bytes.toByteArray();
    }
}
