package dev.docflow.bench.harness;

/**
 * {@code items} done in {@code seconds}; the ratio of two is how many times faster the first ran
 * (the figures the targets are written in: 0.95 × the embedding limit, 1.2 × the plain
 * pipeline, 0.9 × the tesseract command).
 */
public record Throughput(double items, double seconds) {
    public double perSecond() {
        return seconds <= 0 ? 0 : items / seconds;
    }

    /** This rate over {@code reference}'s; 0 when the reference did nothing. */
    public double ratioTo(Throughput reference) {
        double theirs = reference.perSecond();
        return theirs <= 0 ? 0 : perSecond() / theirs;
    }
}
