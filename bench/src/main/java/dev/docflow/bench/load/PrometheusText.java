package dev.docflow.bench.load;

/**
 * Reads a figure out of the Prometheus text format {@code /metrics} answers with: the sum over
 * every label set of one metric (a timer's {@code _sum} or {@code _count}).
 */
public final class PrometheusText {
    private PrometheusText() {
    }

    public static double sum(String text, String metric) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            if (!name.equals(metric)) {
                continue;
            }
            String value = line.substring(line.lastIndexOf(' ') + 1).trim();
            try {
                total += Double.parseDouble(value);
            } catch (NumberFormatException notANumber) {
                // NaN and +Inf are numbers here; anything else is not a sample line
            }
        }
        return total;
    }
}
