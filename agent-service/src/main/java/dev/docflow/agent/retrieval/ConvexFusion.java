package dev.docflow.agent.retrieval;

import dev.docflow.agent.retrieval.ReciprocalRankFusion.Fused;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A normalised convex combination of the two searches' scores (Bruch, Gai and Ingber, 2023, "An
 * analysis of fusion functions for hybrid retrieval"): each search's scores are scaled to [0, 1]
 * between the lowest and the highest it returned for this question (min-max), and an item scores
 * {@code w × lexical + (1 − w) × semantic}, a search that did not return it counting 0. Unlike
 * {@link ReciprocalRankFusion} it keeps how far apart the hits of one search are: a BM25 hit far
 * ahead of the rest stays far ahead.
 */
public final class ConvexFusion {

    /** One search's hit: its id and the score that search gave it. */
    public record Hit(String id, double score) {}

    private ConvexFusion() {}

    /**
     * @param lexicalWeight {@code w}, between 0 and 1: the lexical search's share
     * @return every id of both searches once, best first; ties go to the better rank in either
     *     search, then to the lexical search
     */
    public static List<Fused> fuse(List<Hit> lexical, List<Hit> semantic, double lexicalWeight) {
        if (lexicalWeight < 0 || lexicalWeight > 1) {
            throw new IllegalArgumentException("lexical weight must be between 0 and 1, got " + lexicalWeight);
        }
        Map<String, double[]> scores = new LinkedHashMap<>(); // id -> {score, best rank}
        add(lexical, lexicalWeight, scores);
        add(semantic, 1 - lexicalWeight, scores);
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((id, entry) -> fused.add(new Fused(id, entry[0], (int) entry[1])));
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::bestRank));
        return fused;
    }

    private static void add(List<Hit> hits, double weight, Map<String, double[]> scores) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (Hit hit : hits) {
            max = Math.max(max, hit.score());
            min = Math.min(min, hit.score());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            if (!seen.add(hit.id())) {
                continue; // counted at its first place only
            }
            // one hit, or all scoring alike: each is as good as the best
            double normalised = max > min ? (hit.score() - min) / (max - min) : 1;
            double[] entry = scores.computeIfAbsent(hit.id(), id -> new double[] {0, Integer.MAX_VALUE});
            entry[0] += weight * normalised;
            entry[1] = Math.min(entry[1], i + 1);
        }
    }
}
