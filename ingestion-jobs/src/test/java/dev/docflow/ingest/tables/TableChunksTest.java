package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.chunk.TokenCounter;
import dev.docflow.ingest.chunk.WordPieceTokenCounter;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Table pieces with the embedding model's own word pieces: each fits, and no value loses its column. */
class TableChunksTest {
    private static final TokenCounter TOKENS = new WordPieceTokenCounter();
    private static final int BUDGET = 254;

    @Test
    void aTableOfShortRowsIsCutBetweenWholeRowsWithTheHeaderRepeated() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Setting", "Default", "Meaning"));
        for (int i = 0; i < 60; i++) {
            rows.add(List.of("setting_" + i, String.valueOf(i * 8), "what setting " + i + " changes"));
        }

        List<TableChunks.Piece> pieces = TableChunks.split(rows, TOKENS, BUDGET);

        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> {
            assertThat(piece.markdown()).startsWith("| Setting | Default | Meaning |\n| --- | --- | --- |");
            assertThat(TOKENS.count(piece.markdown())).isLessThanOrEqualTo(BUDGET);
        });
        for (int i = 1; i < rows.size(); i++) {
            String row = MarkdownTable.render(List.of(rows.get(i))).lines().findFirst().orElseThrow();
            assertThat(pieces.stream().filter(piece -> piece.markdown().contains(row + "\n")
                    || piece.markdown().endsWith(row))).hasSize(1);
        }
        assertThat(pieces.get(0).firstRow()).isEqualTo(1);
        assertThat(pieces.get(pieces.size() - 1).lastRow()).isEqualTo(60);
    }

    @Test
    void aSpreadsheetOfAHundredColumnsIsCutByColumnsAndEveryValueKeepsItsHeaderAndRow() {
        Random random = new Random(7);
        List<List<String>> rows = new ArrayList<>();
        rows.add(IntStream.range(0, 108).mapToObj(c -> c == 0 ? "Station" : "reading " + c + " (mm/h)").toList());
        for (int r = 1; r <= 300; r++) {
            List<String> row = new ArrayList<>();
            row.add("station-" + r);
            for (int c = 1; c < 108; c++) {
                row.add(random.nextInt(4) == 0 ? "" : String.format("%.2f", random.nextDouble() * 1000));
            }
            rows.add(row);
        }

        List<TableChunks.Piece> pieces = TableChunks.split(rows, TOKENS, BUDGET);

        assertThat(pieces).allSatisfy(piece -> assertThat(TOKENS.count(piece.markdown())).isLessThanOrEqualTo(BUDGET));
        Set<String> expected = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            for (int c = 1; c < 108; c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    expected.add(rows.get(r).get(0) + " / " + rows.get(0).get(c) + " = " + rows.get(r).get(c));
                }
            }
        }
        assertThat(labelledValues(pieces)).containsExactlyInAnyOrderElementsOf(expected);
        int valueTokens = expected.stream().mapToInt(value -> TOKENS.count(value.substring(value.indexOf(" = ") + 3))).sum();
        assertThat(pieces.size()).as("pieces are filled, not one row each").isLessThan(4 * valueTokens / BUDGET);
    }

    @Test
    void aCellLongerThanAChunkIsCutBetweenWordsAndKeepsItsRow() {
        String countries = IntStream.range(0, 400).mapToObj(i -> "Country" + (char) ('a' + i % 26) + i)
                .collect(Collectors.joining(" "));
        List<List<String>> rows = List.of(
                List.of("Field", "Input", "Required"),
                List.of("Name", "text box", "yes"),
                List.of("Country", countries, "no"),
                List.of("Email", "text box", "yes"));

        List<TableChunks.Piece> pieces = TableChunks.split(rows, TOKENS, BUDGET);

        assertThat(pieces).allSatisfy(piece -> assertThat(TOKENS.count(piece.markdown())).isLessThanOrEqualTo(BUDGET));
        String rejoined = records(pieces).stream()
                .filter(record -> record.size() > 1 && record.get(0).equals("Country") && record.get(1).startsWith("Country"))
                .map(record -> record.get(1)).collect(Collectors.joining(" "));
        assertThat(rejoined).isEqualTo(countries);
        assertThat(labelledValues(pieces)).contains("Name / Input = text box", "Email / Required = yes", "Country / Required = no");
    }

    @Test
    void aHeaderCellLongerThanAChunkIsShortenedSoThatEveryPieceStillFits() {
        String longHeader = "notes " + "about this column ".repeat(200);
        List<List<String>> rows = List.of(List.of("Key", longHeader), List.of("a", "first"), List.of("b", "second"));

        List<TableChunks.Piece> pieces = TableChunks.split(rows, TOKENS, BUDGET);

        assertThat(pieces).isNotEmpty().allSatisfy(piece -> assertThat(TOKENS.count(piece.markdown())).isLessThanOrEqualTo(BUDGET));
        assertThat(pieces.stream().map(TableChunks.Piece::markdown)).anyMatch(text -> text.contains("| notes about this column"))
                .anyMatch(text -> text.contains("| first |")).anyMatch(text -> text.contains("| second |"));
    }

    /** "row label / column header = value" for every value of every piece, read back from its CSV. */
    private static List<String> labelledValues(List<TableChunks.Piece> pieces) {
        List<String> values = new ArrayList<>();
        for (TableChunks.Piece piece : pieces) {
            List<CSVRecord> records = records(List.of(piece));
            CSVRecord header = records.get(0);
            for (CSVRecord record : records.subList(1, records.size())) {
                for (int c = 1; c < record.size(); c++) {
                    if (!record.get(c).isEmpty()) {
                        values.add(record.get(0) + " / " + header.get(c) + " = " + record.get(c));
                    }
                }
            }
        }
        return values;
    }

    private static List<CSVRecord> records(List<TableChunks.Piece> pieces) {
        List<CSVRecord> records = new ArrayList<>();
        for (TableChunks.Piece piece : pieces) {
            try {
                records.addAll(CSVFormat.DEFAULT.parse(new StringReader(piece.csv())).getRecords());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }
}
