package dev.docflow.ingest.parse;

import dev.docflow.ingest.metrics.StageMetricGroup;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.connectors.contract.Stage;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * The parse operator's metrics, for its three stages: {@code stage.parse} (documents in, out and
 * failed by reason, bytes read, pages, parse time per document), {@code stage.ocr} (pages OCR'd,
 * OCR time in total and per page, documents failed in OCR) and {@code stage.tables} (tables found).
 * OCR times are measured where OCR ran (possibly a parse worker process) and come back with the
 * document ({@link OcrPage#millis()}); the parse time is measured here, around the extraction, so it
 * includes a worker's round trip.
 */
final class ParseMetrics {
    static final String BYTES_READ = "bytesRead";
    static final String PAGES = "pages";
    static final String PARSE_TIME = "parseTimeMs";
    static final String PAGES_OCR = "pagesOcr";
    static final String OCR_TIME = "ocrTimeMs";
    static final String OCR_TIME_PER_PAGE = "ocrTimePerPageMs";
    static final String TABLES_FOUND = "tablesFound";

    private final StageMetricGroup parse;
    private final StageMetricGroup ocr;
    private final Counter in;
    private final Counter out;
    private final Counter bytesRead;
    private final Counter pages;
    private final Histogram parseTime;
    private final Counter pagesOcr;
    private final Counter ocrTime;
    private final Histogram ocrTimePerPage;
    private final Counter tablesFound;

    ParseMetrics(MetricGroup operator) {
        parse = StageMetricGroup.failing(operator, Stage.PARSE.code());
        ocr = StageMetricGroup.failing(operator, Stage.OCR.code());
        StageMetricGroup tables = StageMetricGroup.of(operator, Stage.TABLES.code());
        in = parse.counter(StageMetricGroup.DOCUMENTS_IN);
        out = parse.counter(StageMetricGroup.DOCUMENTS_OUT);
        bytesRead = parse.counter(BYTES_READ);
        pages = parse.counter(PAGES);
        parseTime = parse.histogram(PARSE_TIME);
        pagesOcr = ocr.counter(PAGES_OCR);
        ocrTime = ocr.counter(OCR_TIME);
        ocrTimePerPage = ocr.histogram(OCR_TIME_PER_PAGE);
        tablesFound = tables.counter(TABLES_FOUND);
    }

    void received() {
        in.inc();
    }

    void fetched(long bytes) {
        bytesRead.inc(bytes);
    }

    void parsed(ExtractedDocument document, long millis) {
        out.inc();
        parseTime.update(millis);
        pages.inc(document.pageCount());
        for (OcrPage page : document.ocrPages()) {
            pagesOcr.inc();
            ocrTime.inc(page.millis());
            ocrTimePerPage.update(page.millis());
        }
        tablesFound.inc(document.tables().length);
    }

    /** Counted under the stage the document failed in: OCR's failures under {@code stage.ocr}, the rest under {@code stage.parse}. */
    void failed(DocumentFailedException e) {
        (e.stage() == Stage.OCR ? ocr : parse).failed(e.reason());
    }
}
