package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.model.TextBlock;
import java.util.List;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

class ParseMetricsTest {
    private static final DocumentRef REF = new DocumentRef("d1", "t", "kb", "kb-id", "t/kb/scan.pdf", "scan.pdf", 42, 7);

    @Test
    void aParsedDocumentCountsItsPagesOcrPagesAndTablesUnderTheirStages() {
        MetricListener listener = new MetricListener();
        ParseMetrics metrics = new ParseMetrics(listener.getMetricGroup());
        ExtractedDocument scan = new ExtractedDocument(REF, "application/pdf", 3, "text", new TextBlock[0],
                new DocumentPart[] {new DocumentPart("scan.pdf", "application/pdf", 3)},
                new ExtractedTable[] {new ExtractedTable(0, 2, 1, List.of(List.of("a", "b")))},
                new OcrPage[] {new OcrPage(0, 1, 90f, 1_200), new OcrPage(0, 3, 80f, 800)}, ExtractedDocument.NO_DEADLINE);

        metrics.received();
        metrics.fetched(42);
        metrics.parsed(scan, 2_500);

        assertThat(count(listener, "parse", "documentsIn")).isEqualTo(1);
        assertThat(count(listener, "parse", "documentsOut")).isEqualTo(1);
        assertThat(count(listener, "parse", "bytesRead")).isEqualTo(42);
        assertThat(count(listener, "parse", "pages")).isEqualTo(3);
        assertThat(count(listener, "ocr", "pagesOcr")).isEqualTo(2);
        assertThat(count(listener, "ocr", "ocrTimeMs")).isEqualTo(2_000);
        assertThat(count(listener, "tables", "tablesFound")).isEqualTo(1);
        Histogram perPage = listener.getHistogram("stage", "ocr", "ocrTimePerPageMs").orElseThrow();
        assertThat(perPage.getCount()).isEqualTo(2);
        assertThat(perPage.getStatistics().getMax()).isEqualTo(1_200);
        assertThat(listener.getHistogram("stage", "parse", "parseTimeMs").orElseThrow().getStatistics().getMean()).isEqualTo(2_500);
    }

    @Test
    void aFailureCountsUnderItsStageAndReasonAndEveryReasonHasACounterFromTheStart() {
        MetricListener listener = new MetricListener();
        ParseMetrics metrics = new ParseMetrics(listener.getMetricGroup());

        metrics.failed(new DocumentFailedException(FailureReason.ENCRYPTED, "the document is encrypted"));
        metrics.failed(new DocumentFailedException(Stage.OCR, FailureReason.OCR_FAILED, "Tesseract failed", null));

        assertThat(failures(listener, "parse", FailureReason.ENCRYPTED)).isEqualTo(1);
        assertThat(failures(listener, "ocr", FailureReason.OCR_FAILED)).isEqualTo(1);
        assertThat(failures(listener, "parse", FailureReason.OCR_FAILED)).isZero();
        for (FailureReason reason : FailureReason.values()) {
            assertThat(listener.getCounter("stage", "parse", "reason", reason.code(), "documentsFailed")).as(reason.code()).isPresent();
        }
    }

    private static long count(MetricListener listener, String stage, String name) {
        return listener.getCounter("stage", stage, name).orElseThrow(() -> new AssertionError(stage + "." + name)).getCount();
    }

    private static long failures(MetricListener listener, String stage, FailureReason reason) {
        return listener.getCounter("stage", stage, "reason", reason.code(), "documentsFailed").orElseThrow().getCount();
    }
}
