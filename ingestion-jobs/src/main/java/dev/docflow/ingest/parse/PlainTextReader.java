package dev.docflow.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;

/**
 * Reads text files in whatever encoding they were written, and CSV/TSV files as tables.
 *
 * <p>Detectors report ISO-8859-1 for most single-byte Western text, yet such files almost always come
 * from Windows: read as windows-1252 (which only adds printable characters in 0x80–0x9F), "€" and
 * curly quotes survive instead of becoming control characters.
 */
final class PlainTextReader {
    private static final Charset LATIN_1 = Charset.forName("ISO-8859-1");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PlainTextReader() {}

    static String read(Path file, ExtractionBudget budget) throws IOException, TikaException {
        try (Reader reader = open(file)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[64 * 1024];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
                budget.checkFits(text.length());
            }
            return text.toString();
        }
    }

    static List<List<String>> readTable(Path file, char delimiter, ExtractionBudget budget) throws IOException, TikaException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = open(file)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader)) {
                List<String> row = new ArrayList<>(record.size());
                for (String cell : record) {
                    row.add(PartContent.foldWhitespace(cell));
                }
                budget.checkFits(record.getCharacterPosition());
                rows.add(row);
            }
        }
        return rows;
    }

    private static Reader open(Path file) throws IOException, TikaException {
        InputStream in = Files.newInputStream(file);
        AutoDetectReader detected = new AutoDetectReader(in);
        if (!detected.getCharset().equals(LATIN_1)) {
            return detected;
        }
        detected.close();
        return Files.newBufferedReader(file, WINDOWS_1252);
    }
}
