package dev.docflow.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's figures go: the table on the terminal, {@code NAME-<timestamp>.json} and
 * {@code NAME-<timestamp>.png} in the work folder's {@code bench/}, then the RESULT line last.
 */
public final class BenchRecord {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchRecord() {
    }

    /** @return the JSON file written */
    public static Path publish(BenchFigures figures, Path workDir, PrintStream out) throws IOException {
        MachineLoad end = MachineLoad.now();
        Path folder = workDir.resolve("bench");
        Files.createDirectories(folder);
        String base = figures.benchmark() + "-" + STAMP.format(figures.started());
        Path json = folder.resolve(base + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures.json(end));
        out.println();
        figures.markdown().forEach(out::println);
        out.println();
        out.println("Machine: " + end.line());
        out.println("Figures: " + json);
        if (figures.chartColumn() != null) {
            Path png = folder.resolve(base + ".png");
            Files.write(png, FiguresChart.png(figures));
            out.println("Chart:   " + png);
        }
        out.println(figures.resultLine());
        return json;
    }
}
