package dev.docflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What became of a corpus, per file extension: how many files were indexed and how many failed,
 * by reason. An outcome is <em>unexplained</em> when the document never reached a final status, or
 * failed without a reason a user can act on ({@code internal_error} is a Docflow bug, not a
 * property of the file).
 */
public final class FormatCoverage {
    static final String NO_EXTENSION = "(none)";
    private static final Set<String> UNEXPLAINED_REASONS = Set.of("internal_error");

    private final Map<String, Row> rows = new TreeMap<>();
    private final List<String> unexplained = new ArrayList<>();

    /** One extension's tally. */
    public static final class Row {
        private int files;
        private int indexed;
        private final Map<String, Integer> failedByReason = new TreeMap<>();

        public int files() {
            return files;
        }

        public int indexed() {
            return indexed;
        }

        public int failed() {
            return failedByReason.values().stream().mapToInt(Integer::intValue).sum();
        }

        public Map<String, Integer> failedByReason() {
            return failedByReason;
        }
    }

    /** Counts one document by its final status ({@code indexed} or {@code failed}) and reason. */
    public void add(String fileName, String status, String reason) {
        Row row = rows.computeIfAbsent(extensionOf(fileName), e -> new Row());
        row.files++;
        if ("indexed".equals(status)) {
            row.indexed++;
            return;
        }
        boolean failed = "failed".equals(status);
        String why = !failed ? "not finished (" + status + ")"
                : reason == null || reason.isBlank() ? "no reason" : reason;
        row.failedByReason.merge(why, 1, Integer::sum);
        if (!failed || reason == null || reason.isBlank() || UNEXPLAINED_REASONS.contains(reason)) {
            unexplained.add(fileName + ": " + why);
        }
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public int files() {
        return rows.values().stream().mapToInt(Row::files).sum();
    }

    public int indexed() {
        return rows.values().stream().mapToInt(Row::indexed).sum();
    }

    public int failed() {
        return rows.values().stream().mapToInt(Row::failed).sum();
    }

    /** The documents whose outcome says nothing a user can act on, with what it was. */
    public List<String> unexplained() {
        return unexplained;
    }

    /** The table: one line per extension, then the total; Markdown when asked. */
    public String render(boolean markdown) {
        Set<String> reasons = new TreeSet<>();
        rows.values().forEach(r -> reasons.addAll(r.failedByReason.keySet()));
        List<String> header = new ArrayList<>(List.of("extension", "files", "indexed", "failed"));
        header.addAll(reasons);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        rows.forEach((extension, row) -> lines.add(cells(extension, row.files, row.indexed, row.failed(),
                reasons.stream().map(r -> row.failedByReason.getOrDefault(r, 0)).toList())));
        lines.add(cells("total", files(), indexed(), failed(), reasons.stream()
                .map(r -> rows.values().stream().mapToInt(row -> row.failedByReason.getOrDefault(r, 0)).sum())
                .toList()));
        return markdown ? markdown(lines) : aligned(lines);
    }

    private static List<String> cells(String label, int files, int indexed, int failed, List<Integer> byReason) {
        List<String> cells = new ArrayList<>(List.of(label, String.valueOf(files), String.valueOf(indexed),
                String.valueOf(failed)));
        byReason.forEach(n -> cells.add(n == 0 ? "" : String.valueOf(n)));
        return cells;
    }

    private static String markdown(List<List<String>> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append("| ").append(String.join(" | ", lines.get(i))).append(" |\n");
            if (i == 0) {
                out.append("|").append("---|".repeat(lines.get(0).size())).append('\n');
            }
        }
        return out.toString();
    }

    private static String aligned(List<List<String>> lines) {
        int[] widths = new int[lines.get(0).size()];
        lines.forEach(line -> {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                out.append(String.format(Locale.ROOT, format, line.get(c)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String extensionOf(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? NO_EXTENSION : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
