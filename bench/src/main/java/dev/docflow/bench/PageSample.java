package dev.docflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which pages a benchmark looks at: {@code n} spread evenly over all candidate pages of all documents,
 * so that every manual (and every part of each) is represented in proportion to its length, not only
 * the first pages of the first file, and the same folder gives the same sample every run.
 */
public final class PageSample {
    /** One page of one PDF, 1-based. */
    public record Page(Path pdf, int page) {}

    private PageSample() {}

    /**
     * @param candidates pages in document order (those worth measuring: with a text layer)
     * @return up to {@code n} of them, evenly spaced, in the same order; all of them when fewer
     */
    public static List<Page> evenly(List<Page> candidates, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A sample needs at least one page, not " + n);
        }
        if (candidates.size() <= n) {
            return List.copyOf(candidates);
        }
        List<Page> sample = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            // the middle of each of n equal stretches, so neither end is favoured
            sample.add(candidates.get((int) ((k + 0.5) * candidates.size() / n)));
        }
        return sample;
    }
}
