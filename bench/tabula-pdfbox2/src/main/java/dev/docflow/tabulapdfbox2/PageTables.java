package dev.docflow.tabulapdfbox2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import technology.tabula.Page;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.detectors.NurminenDetectionAlgorithm;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * One page read by tabula in each of the ways its own users read it, as tabula 1.0.5's
 * {@code CommandLineApp} does with these options (and {@code -p all}):
 * <ul>
 *   <li>{@code tabula-stream}: {@code -g -t}, table areas guessed by {@link NurminenDetectionAlgorithm},
 *       stream mode ({@link BasicExtractionAlgorithm}) in each area;
 *   <li>{@code tabula-lattice}: {@code -l}, {@link SpreadsheetExtractionAlgorithm} on the whole page;
 *   <li>{@code tabula-g}: {@code -g} alone, where tabula's {@code isTabular} heuristic picks lattice
 *       or guess + stream for the page;
 *   <li>{@code tabula-auto}: lattice on a {@linkplain #ruled() ruled} page, guess + stream elsewhere.
 * </ul>
 *
 * @param ruled the page kind: tabula's ruling lines on the page enclose a grid, that is lattice
 *     reads at least one table of two rows and two columns or more with text in it. A page with only
 *     horizontal rules (a table set with top, middle and bottom rules) is not ruled: lattice finds
 *     no cells there.
 * @param rows by variant, the tables found, each as rows of cell texts; tables without a single
 *     non-blank cell are left out (they are nothing to a reader, and would count as false tables)
 */
public record PageTables(int page, boolean ruled, Map<String, List<List<List<String>>>> rows) {
    public static final List<String> VARIANTS = List.of("tabula-stream", "tabula-lattice", "tabula-g", "tabula-auto");

    public static PageTables read(Page page) {
        List<List<List<String>>> stream = texts(guessAndStream(page));
        List<List<List<String>>> lattice = texts(new SpreadsheetExtractionAlgorithm().extract(page));
        boolean ruled = lattice.stream().anyMatch(table -> table.size() >= 2 && table.stream().anyMatch(row -> row.size() >= 2));
        boolean tabular = new SpreadsheetExtractionAlgorithm().isTabular(page);
        Map<String, List<List<List<String>>>> rows = new LinkedHashMap<>();
        rows.put("tabula-stream", stream);
        rows.put("tabula-lattice", lattice);
        rows.put("tabula-g", tabular ? lattice : stream);
        rows.put("tabula-auto", ruled ? lattice : stream);
        return new PageTables(page.getPageNumber(), ruled, rows);
    }

    /** {@code CommandLineApp.TableExtractor.extractTablesBasic} with {@code guess} on. */
    private static List<Table> guessAndStream(Page page) {
        List<Table> tables = new ArrayList<>();
        BasicExtractionAlgorithm stream = new BasicExtractionAlgorithm();
        new NurminenDetectionAlgorithm().detect(page).forEach(area -> tables.addAll(stream.extract(page.getArea(area))));
        return tables;
    }

    private static List<List<List<String>>> texts(List<? extends Table> tables) {
        List<List<List<String>>> texts = new ArrayList<>();
        for (Table table : tables) {
            List<List<String>> rows = new ArrayList<>();
            boolean anyText = false;
            for (List<RectangularTextContainer> row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (RectangularTextContainer cell : row) {
                    // what tabula's own CSV and JSON writers print
                    String text = cell.getText();
                    cells.add(text);
                    anyText |= !text.isBlank();
                }
                rows.add(cells);
            }
            if (anyText) {
                texts.add(rows);
            }
        }
        return texts;
    }
}
