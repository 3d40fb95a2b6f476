package dev.docflow.tabulapdfbox2;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.util.Version;
import technology.tabula.ObjectExtractor;
import technology.tabula.PageIterator;

/**
 * {@code TabulaPages OUTPUT PDF…}: every page of every PDF read by tabula on PDFBox 2 in each of
 * {@link PageTables#VARIANTS}, written to OUTPUT as JSON lines, in the order read:
 * <pre>
 * {"variants":["tabula-stream",…],"pdfbox":"2.0.24"}                   first, once
 * {"file":"/abs/a.pdf","page":1,"ruled":true}                          one per page, before its tables
 * {"file":"/abs/a.pdf","page":1,"variant":"tabula-lattice","rows":[["a","b"],["1","2"]]}   one per table
 * {"file":"/abs/b.pdf","error":"…"}                    a PDF PDFBox 2 could not open
 * {"file":"/abs/c.pdf","page":3,"error":"…"}           a page tabula failed on (no tables from it)
 * </pre>
 * {@code file} is the path as given. A PDF or page that fails is written as such and the rest read
 * on; the exit code is 0 unless OUTPUT cannot be written (2: no OUTPUT given).
 */
public final class TabulaPages {
    private final Writer out;
    private final Gson gson = new Gson();

    private TabulaPages(Writer out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TabulaPages OUTPUT.jsonl PDF…");
            System.exit(2);
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            TabulaPages pages = new TabulaPages(out);
            JsonObject header = new JsonObject();
            header.add("variants", pages.gson.toJsonTree(PageTables.VARIANTS));
            header.addProperty("pdfbox", Version.getVersion());
            pages.write(header);
            for (int i = 1; i < args.length; i++) {
                pages.read(args[i]);
            }
        }
    }

    private void read(String file) throws IOException {
        PDDocument document;
        try {
            document = PDDocument.load(new File(file));
        } catch (IOException e) {
            JsonObject failed = onFile(file);
            failed.addProperty("error", e.toString());
            write(failed);
            return;
        }
        try (ObjectExtractor extractor = new ObjectExtractor(document)) {
            PageIterator pages = extractor.extract();
            int number = 0;
            while (pages.hasNext()) {
                number++;
                try {
                    write(PageTables.read(pages.next()), file);
                } catch (RuntimeException e) {
                    // tabula's own CLI stops at such a page; going on keeps the other pages comparable
                    JsonObject failed = onPage(file, number);
                    failed.addProperty("error", e.toString());
                    write(failed);
                }
            }
        } finally {
            document.close();
        }
    }

    private void write(PageTables tables, String file) throws IOException {
        JsonObject kind = onPage(file, tables.page());
        kind.addProperty("ruled", tables.ruled());
        write(kind);
        for (Map.Entry<String, List<List<List<String>>>> variant : tables.rows().entrySet()) {
            for (List<List<String>> table : variant.getValue()) {
                JsonObject found = onPage(file, tables.page());
                found.addProperty("variant", variant.getKey());
                found.add("rows", gson.toJsonTree(table));
                write(found);
            }
        }
    }

    private static JsonObject onFile(String file) {
        JsonObject line = new JsonObject();
        line.addProperty("file", file);
        return line;
    }

    private static JsonObject onPage(String file, int page) {
        JsonObject line = onFile(file);
        line.addProperty("page", page);
        return line;
    }

    private void write(JsonObject line) throws IOException {
        out.write(gson.toJson(line));
        out.write('\n');
    }
}
