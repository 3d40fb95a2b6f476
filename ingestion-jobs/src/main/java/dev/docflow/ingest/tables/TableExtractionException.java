package dev.docflow.ingest.tables;

/**
 * tabula failed on one page. Odd pages (broken content streams, fonts PDFBox cannot map, page
 * geometry tabula's sorting rejects) do this in real documents; the page's text is still there,
 * only its tables are lost, so callers skip the page instead of failing the document.
 */
public final class TableExtractionException extends RuntimeException {
    private final int page;

    TableExtractionException(int page, Throwable cause) {
        super("table extraction failed on page " + page + ": " + cause, cause);
        this.page = page;
    }

    public int page() {
        return page;
    }
}
