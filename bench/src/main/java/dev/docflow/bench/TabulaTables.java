package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables tabula found on PDFBox 2, read from the JSON lines {@code TabulaPages} (module
 * {@code bench/tabula-pdfbox2}) writes: the variants it ran, each page's {@link PageKind}, and per
 * variant the tables of each page. PDFs are named by the path the child was given, so look them up
 * with the same {@link #key(Path)}.
 */
final class TabulaTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One table: its rows of cell texts, empty cells included. */
    record Found(int page, List<List<String>> rows) {}

    private final List<String> variants = new ArrayList<>();
    private String pdfbox = "";
    private final Map<String, Map<Integer, PageKind>> kinds = new HashMap<>();
    /** variant → file → tables in page order. */
    private final Map<String, Map<String, List<Found>>> tables = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int pages;

    static TabulaTables read(Path jsonLines) throws IOException {
        TabulaTables read = new TabulaTables();
        try (BufferedReader lines = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8)) {
            lines.lines().filter(line -> !line.isBlank()).forEach(read::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (read.variants.isEmpty()) {
            throw new IOException(jsonLines + " has no {\"variants\": …} line: not written by TabulaPages");
        }
        return read;
    }

    static String key(Path pdf) {
        return pdf.toAbsolutePath().normalize().toString();
    }

    private void add(String text) {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON line of TabulaPages: " + text, e);
        }
        if (line.has("variants")) {
            line.get("variants").forEach(variant -> variants.add(variant.asText()));
            pdfbox = line.path("pdfbox").asText();
            return;
        }
        String file = line.get("file").asText();
        if (line.has("error")) {
            errors.add(file + (line.has("page") ? " page " + line.get("page").asInt() : "") + ": " + line.get("error").asText());
        } else if (line.has("variant")) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : line.get("rows")) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.asText()));
                rows.add(cells);
            }
            tables.computeIfAbsent(line.get("variant").asText(), v -> new HashMap<>())
                    .computeIfAbsent(file, f -> new ArrayList<>()).add(new Found(line.get("page").asInt(), rows));
        } else {
            kinds.computeIfAbsent(file, f -> new HashMap<>())
                    .put(line.get("page").asInt(), line.get("ruled").asBoolean() ? PageKind.RULED : PageKind.UNRULED);
            pages++;
        }
    }

    /** The variants in the order the child ran them. */
    List<String> variants() {
        return List.copyOf(variants);
    }

    /** The PDFBox version tabula ran on, as the child's PDFBox reports it. */
    String pdfbox() {
        return pdfbox;
    }

    PageKind kind(Path pdf, int page) {
        return kinds.getOrDefault(key(pdf), Map.of()).getOrDefault(page, PageKind.UNREAD);
    }

    /** The tables {@code variant} found in {@code pdf}, in page order. */
    List<Found> tables(Path pdf, String variant) {
        return tables.getOrDefault(variant, Map.of()).getOrDefault(key(pdf), List.of());
    }

    /** The cells of every table {@code variant} found in {@code pdf}, by page. */
    Map<Integer, List<String>> cellsByPage(Path pdf, String variant) {
        Map<Integer, List<String>> cells = new TreeMap<>();
        for (Found table : tables(pdf, variant)) {
            List<String> page = cells.computeIfAbsent(table.page(), p -> new ArrayList<>());
            table.rows().forEach(page::addAll);
        }
        return cells;
    }

    /** The pages read (those with a kind other than {@link PageKind#UNREAD}). */
    int pages() {
        return pages;
    }

    /** The PDFs tabula could not open and the pages it failed on, with the reason. */
    List<String> errors() {
        return List.copyOf(errors);
    }
}
