package dev.docflow.bench;

import java.util.Locale;

/** What tabula on PDFBox 2 saw of a page's lines ({@code TabulaPages}' {@code ruled}). */
enum PageKind {
    /** Its ruling lines enclose a grid: lattice reads a table of two rows and two columns or more. */
    RULED,
    /** No such grid (horizontal rules alone, or none): the tables there are found by alignment. */
    UNRULED,
    /** tabula could not open the PDF or failed on the page. */
    UNREAD;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
