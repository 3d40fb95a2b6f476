package dev.docflow.agent.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second look at the fused candidates: each chunk's fused score plus {@code weight} × the share
 * of the question's terms it holds, each term weighted by how rare it is among the candidates
 * themselves (an inverse document frequency over the pool, so no corpus statistics are needed).
 * Fusion sees only ranks: a chunk that both searches place in the middle but that holds every word
 * the question names, the rare ones above all, lost to one that only one search liked. Pure: the
 * chunks' indexed stemmed text is all it reads.
 */
public final class TermCoverage {
    private TermCoverage() {}

    /**
     * @param candidates fused chunks, best first, their {@link RetrievedChunk#score()} the fused score
     * @param questionTerms the question's stemmed terms
     * @param weight what a chunk holding every question term gains; 0 keeps the fused order
     * @return the same chunks re-ordered by the new score (ties keep their fused order), each carrying it
     */
    public static List<RetrievedChunk> rescore(List<RetrievedChunk> candidates, Set<String> questionTerms, double weight) {
        if (weight == 0 || questionTerms.isEmpty() || candidates.isEmpty()) {
            return candidates;
        }
        List<Set<String>> chunkTerms = new ArrayList<>(candidates.size());
        Map<String, Integer> frequency = new HashMap<>();
        for (RetrievedChunk chunk : candidates) {
            Set<String> terms = StemmedTerms.split(chunk.stemmedText());
            terms.retainAll(questionTerms);
            chunkTerms.add(terms);
            terms.forEach(term -> frequency.merge(term, 1, Integer::sum));
        }
        Map<String, Double> idf = new HashMap<>();
        double total = 0;
        for (String term : questionTerms) {
            // a term no candidate holds weighs as much as the rarest possible: it is in the denominator for all alike
            double weightOfTerm = Math.log(1 + (double) candidates.size() / (1 + frequency.getOrDefault(term, 0)));
            idf.put(term, weightOfTerm);
            total += weightOfTerm;
        }
        List<RetrievedChunk> rescored = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            double held = 0;
            for (String term : chunkTerms.get(i)) {
                held += idf.get(term);
            }
            RetrievedChunk chunk = candidates.get(i);
            rescored.add(withScore(chunk, chunk.score() + weight * held / total));
        }
        rescored.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed()); // stable: ties keep fused order
        return rescored;
    }

    private static RetrievedChunk withScore(RetrievedChunk chunk, double score) {
        return new RetrievedChunk(chunk.chunkId(), chunk.documentId(), chunk.fileName(), chunk.partPath(), chunk.ordinal(),
                chunk.pageStart(), chunk.pageEnd(), chunk.charStart(), chunk.charEnd(), chunk.headingPath(), chunk.text(),
                chunk.stemmedText(), score);
    }
}
