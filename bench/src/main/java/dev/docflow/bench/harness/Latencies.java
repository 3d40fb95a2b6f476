package dev.docflow.bench.harness;

import java.util.Arrays;

/** Request latencies, in milliseconds; percentiles by the nearest-rank rule. */
public final class Latencies {
    private double[] values = new double[64];
    private int count;

    public synchronized void add(double millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    public synchronized int count() {
        return count;
    }

    /**
     * The smallest latency that at least {@code percent} % of the requests did not exceed (nearest
     * rank); 0 when there were none.
     */
    public synchronized double percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    public synchronized double mean() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return count == 0 ? 0 : sum / count;
    }
}
