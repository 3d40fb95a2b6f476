package dev.docflow.agent.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's score is the sum over the
 * rankings that hold it of {@code 1 / (k + rank)}, rank starting at 1. Scores of the underlying
 * retrievers (BM25, cosine) are not comparable; ranks are. Done here because the embedded
 * Elasticsearch lacks the {@code rank-rrf} module.
 */
public final class ReciprocalRankFusion {

    /**
     * @param id the item
     * @param score its fused score
     * @param bestRank its best (smallest) 1-based rank in any input ranking
     */
    public record Fused(String id, double score, int bestRank) {}

    private ReciprocalRankFusion() {}

    /**
     * Fuses rankings of ids, each best first; an id repeated within one ranking counts at its first
     * position. Ties on score go to the better best rank, then to the ranking listed first.
     *
     * @return every id of the inputs once, best first
     */
    public static List<Fused> fuse(List<List<String>> rankings, int k) {
        double[] weights = new double[rankings.size()];
        java.util.Arrays.fill(weights, 1.0);
        return fuse(rankings, weights, k);
    }

    /**
     * Weighted fusion: ranking {@code i} adds {@code weights[i] / (k + rank)}. A weight of 0 leaves
     * a ranking's items in (at score 0, after every scored item) without letting it rank them.
     */
    public static List<Fused> fuse(List<List<String>> rankings, double[] weights, int k) {
        if (weights.length != rankings.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + rankings.size() + " rankings");
        }
        if (k < 1) {
            throw new IllegalArgumentException("RRF k must be at least 1, got " + k);
        }
        Map<String, double[]> scores = new LinkedHashMap<>(); // id -> {score, best rank}
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            Map<String, Boolean> seen = new LinkedHashMap<>();
            int rank = 0;
            for (String id : ranking) {
                rank++;
                if (seen.putIfAbsent(id, Boolean.TRUE) != null) {
                    continue;
                }
                double[] entry = scores.computeIfAbsent(id, unused -> new double[] {0, Integer.MAX_VALUE});
                entry[0] += weights[r] / (k + rank);
                entry[1] = Math.min(entry[1], rank);
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((id, entry) -> fused.add(new Fused(id, entry[0], (int) entry[1])));
        // a stable sort keeps first-seen order (earlier rankings first) for full ties
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::bestRank));
        return fused;
    }
}
