package dev.docflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

/**
 * The text of a corpus file as a reader sees it, to check a question's expected strings against:
 * one page of a PDF is its text layer as PDFBox's {@link PDFTextStripper} reads it (the page
 * numbering of {@code pdftotext -f}: 1-based, physical); an HTML page is its visible text (jsoup's
 * body text: no tags, attributes, scripts or styles); any other file is read as UTF-8. Documents
 * are loaded once and kept open until {@link #close()}; not thread-safe.
 */
public final class SourceText implements AutoCloseable {
    private final Map<Path, PDDocument> pdfs = new HashMap<>();
    private final Map<Path, String> files = new HashMap<>();

    /** @return the number of pages of {@code pdf} */
    public int pageCount(Path pdf) {
        return pdf(pdf).getNumberOfPages();
    }

    /** @param page 1-based physical page, at most {@link #pageCount(Path)} */
    public String page(Path pdf, int page) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        try {
            return stripper.getText(pdf(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read page " + page + " of " + pdf, e);
        }
    }

    /** Every page of {@code pdf}, as {@link #page} reads each. */
    public String document(Path pdf) {
        try {
            return new PDFTextStripper().getText(pdf(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pdf, e);
        }
    }

    /** The whole text of a file that is not a PDF: an HTML page's visible text, anything else as it is. */
    public String file(Path file) {
        return files.computeIfAbsent(file, path -> {
            try {
                if (isHtml(path)) {
                    return Jsoup.parse(path.toFile(), StandardCharsets.UTF_8.name()).body().text();
                }
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        });
    }

    public static boolean isPdf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    }

    static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    private PDDocument pdf(Path pdf) {
        return pdfs.computeIfAbsent(pdf, path -> {
            try {
                return Loader.loadPDF(path.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + path, e);
            }
        });
    }

    @Override
    public void close() {
        for (PDDocument pdf : pdfs.values()) {
            try {
                pdf.close();
            } catch (IOException e) {
                // only read from, nothing to lose: the next document still gets closed
            }
        }
        pdfs.clear();
    }
}
