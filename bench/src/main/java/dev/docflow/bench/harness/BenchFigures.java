package dev.docflow.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark run's figures: a row per thing measured (its label, then named numbers), the
 * column the chart draws, the RESULT line's keys in order, and the machine it ran on. Pure data:
 * {@link BenchRecord} prints and writes it.
 */
public final class BenchFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String benchmark;
    private final String title;
    private final Instant started;
    private final MachineLoad machineAtStart;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private String chartColumn;
    private String chartUnit;

    /** A row of the table: {@code what} was measured, and its figures by column name, in order. */
    public record Row(String what, Map<String, Double> figures) {}

    public BenchFigures(String benchmark, String title, Instant started, MachineLoad machineAtStart) {
        this.benchmark = benchmark;
        this.title = title;
        this.started = started;
        this.machineAtStart = machineAtStart;
    }

    public BenchFigures row(String what, Map<String, Double> figures) {
        rows.add(new Row(what, new LinkedHashMap<>(figures)));
        return this;
    }

    /** The chart draws {@code column} of every row that has it, as bars, in {@code unit}. */
    public BenchFigures chart(String column, String unit) {
        this.chartColumn = column;
        this.chartUnit = unit;
        return this;
    }

    /** A key of the RESULT line, in the order given: a number (printed with up to 3 decimals) or a word. */
    public BenchFigures result(String key, Object value) {
        result.put(key, value);
        return this;
    }

    /** A remark kept with the figures (the corpus, the options, the machine's load at the end). */
    public BenchFigures note(String key, String value) {
        notes.put(key, value);
        return this;
    }

    public String benchmark() {
        return benchmark;
    }

    public String title() {
        return title;
    }

    public Instant started() {
        return started;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String chartColumn() {
        return chartColumn;
    }

    public String chartUnit() {
        return chartUnit;
    }

    /** Every column any row has, in the order they first appear. */
    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.figures().keySet()));
        return List.copyOf(columns);
    }

    /** The table in Markdown; a row without a column's figure shows a dash. */
    public List<String> markdown() {
        List<String> columns = columns();
        List<String> lines = new ArrayList<>();
        lines.add("| what | " + String.join(" | ", columns) + " |");
        lines.add("|---|" + "---|".repeat(columns.size()));
        for (Row row : rows) {
            StringBuilder line = new StringBuilder("| ").append(row.what()).append(" |");
            for (String column : columns) {
                Double value = row.figures().get(column);
                line.append(' ').append(value == null ? "–" : number(value)).append(" |");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code RESULT key=value …}, the line scripts read. */
    public String resultLine() {
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((key, value) -> line.append(' ').append(key).append('=')
                .append(value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value)));
        return line.toString();
    }

    /** Everything, as the JSON file holds it. */
    public ObjectNode json(MachineLoad machineAtEnd) {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", benchmark).put("title", title).put("started", started.toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", machineAtStart.cores())
                .put("load_average_at_start", machineAtStart.loadAverage())
                .put("load_average_at_end", machineAtEnd.loadAverage())
                .put("max_heap_mb", machineAtStart.maxHeapMb())
                .put("java", machineAtStart.java());
        ArrayNode table = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode node = table.addObject().put("what", row.what());
            row.figures().forEach(node::put);
        }
        ObjectNode resultNode = root.putObject("result");
        result.forEach((key, value) -> {
            if (value instanceof Number n) {
                resultNode.put(key, n.doubleValue());
            } else {
                resultNode.put(key, String.valueOf(value));
            }
        });
        ObjectNode notesNode = root.putObject("notes");
        notes.forEach(notesNode::put);
        return root;
    }

    /** Whole numbers as such, others with up to three decimals: 42, 0.431, 1234.5. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
