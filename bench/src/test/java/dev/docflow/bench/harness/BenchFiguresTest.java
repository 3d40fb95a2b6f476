package dev.docflow.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {
    private static final MachineLoad MACHINE = new MachineLoad(2, 3.5, 2048, "Test VM 17");

    private static BenchFigures figures() {
        Map<String, Double> limit = new LinkedHashMap<>();
        limit.put("seconds", 24.2);
        limit.put("chunks_per_s", 98.0);
        return new BenchFigures("ingest", "Ingestion", Instant.parse("2026-12-02T06:00:00Z"), MACHINE)
                .row("limit", limit)
                .row("docflow", Map.of("seconds", 56.7))
                .chart("seconds", "s")
                .result("docs_per_s", 0.10582)
                .result("ratio_to_limit", 0.43)
                .result("mode", "extractive")
                .note("folder", "r");
    }

    @Test
    void tableHasEveryColumnAndADashWhereARowLacksOne() {
        assertThat(figures().markdown()).containsExactly(
                "| what | seconds | chunks_per_s |",
                "|---|---|---|",
                "| limit | 24.2 | 98 |",
                "| docflow | 56.7 | – |");
    }

    @Test
    void resultLineKeepsTheKeysInOrderWithAtMostThreeDecimals() {
        assertThat(figures().resultLine()).isEqualTo("RESULT docs_per_s=0.106 ratio_to_limit=0.43 mode=extractive");
    }

    @Test
    void jsonHoldsRowsResultMachineAndNotes() {
        ObjectNode json = figures().json(new MachineLoad(2, 7.25, 2048, "Test VM 17"));
        assertThat(json.path("benchmark").asText()).isEqualTo("ingest");
        assertThat(json.path("rows").get(0).path("chunks_per_s").asDouble()).isEqualTo(98.0);
        assertThat(json.path("rows").get(1).has("chunks_per_s")).isFalse();
        assertThat(json.path("result").path("ratio_to_limit").asDouble()).isEqualTo(0.43);
        assertThat(json.path("result").path("mode").asText()).isEqualTo("extractive");
        assertThat(json.path("machine").path("load_average_at_start").asDouble()).isEqualTo(3.5);
        assertThat(json.path("machine").path("load_average_at_end").asDouble()).isEqualTo(7.25);
        assertThat(json.path("notes").path("folder").asText()).isEqualTo("r");
    }

    @Test
    void numbersAreWholeOrShort() {
        assertThat(BenchFigures.number(42.0)).isEqualTo("42");
        assertThat(BenchFigures.number(1234.5)).isEqualTo("1234.5");
        assertThat(BenchFigures.number(0.43149)).isEqualTo("0.431");
    }

    @Test
    void chartIsAPngWithABarPerRowThatHasTheColumn() throws Exception {
        BenchFigures figures = figures().chart("chunks_per_s", "chunks/s");
        assertThat(FiguresChart.dataset(figures).getColumnKeys()).containsExactly("limit");
        byte[] png = FiguresChart.png(figures);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(FiguresChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(FiguresChart.HEIGHT);
    }

    @Test
    void publishWritesJsonAndPngAndEndsWithTheResultLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work)
            throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.nio.file.Path json = BenchRecord.publish(figures(), work, new java.io.PrintStream(printed, true, "UTF-8"));
        assertThat(json).isEqualTo(work.resolve("bench/ingest-20261202-060000.json"));
        assertThat(json).exists();
        assertThat(work.resolve("bench/ingest-20261202-060000.png")).exists();
        String[] lines = printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("RESULT docs_per_s=");
    }
}
