package dev.docflow.agent.answer;

import dev.docflow.agent.answer.Quotables.Kind;
import dev.docflow.agent.answer.Quotables.Quotable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses, from scored quotables, which passages an extractive answer cites and what it quotes.
 *
 * <p>Citations are the passages in retrieval order, at most {@code maxCitations}: retrieval's ranking
 * is the better judge of a whole passage than one sentence's score, so a sentence choice cannot
 * throw away a passage retrieval ranked high. One exception: a passage whose best quotable beats the
 * first passage's best by {@link #CLEARLY_BETTER} is cited first (it may come from beyond the first
 * {@code maxCitations}).
 *
 * <p>Quotes come from cited passages only, so every marker refers to a citation: the best
 * quotables that reach {@code minScore} and are within {@link #MAX_GAP_TO_BEST} of the best, at most
 * {@code maxQuotes}; then, when none of them is a code/config line or a table row, the best such
 * line or row of a passage already quoted that shares a term with the question. Lines and rows
 * embed far worse than prose for the same relevance (short, symbols, no verbs), so no score bar
 * fits them, yet they hold the value asked for; the passage was judged by its sentences already.
 * Quotes are in citation order, and within a passage in document order.
 *
 * <p>Pure: no model, no I/O.
 */
public final class QuoteSelection {
    /** A sentence scoring this far below the best one is a digression, not part of the answer. */
    static final double MAX_GAP_TO_BEST = 0.10;
    /** How much better than the top passage's best quotable a passage must be to be cited first. */
    static final double CLEARLY_BETTER = 0.15;

    /**
     * A quotable and how well it answers the question.
     *
     * @param sharesQuestionTerm whether it holds one of the question's stemmed terms
     */
    public record Scored(Quotable quotable, double score, boolean sharesQuestionTerm) {}

    /**
     * @param citedPassages passage indexes in citation order: the answer's {@code [n]} is
     *     {@code citedPassages.get(n - 1)}
     * @param quotes what the answer quotes, in reading order; each from a cited passage
     */
    public record Selection(List<Integer> citedPassages, List<Scored> quotes) {
        public Selection {
            citedPassages = List.copyOf(citedPassages);
            quotes = List.copyOf(quotes);
        }

        /** The citation number ({@code [n]}) of a quote's passage. */
        public int citationOf(Scored quote) {
            return citedPassages.indexOf(quote.quotable().passage()) + 1;
        }

        public boolean isEmpty() {
            return quotes.isEmpty();
        }
    }

    private QuoteSelection() {}

    /**
     * @param scored the quotables of the passages with their scores, in any order
     * @param passageCount how many passages there are, best first
     * @return an empty selection (no citations) when no quotable of a cited passage reaches
     *     {@code minScore}
     */
    public static Selection select(List<Scored> scored, int passageCount, int maxCitations, double minScore,
            int maxQuotes) {
        List<Integer> cited = citationOrder(scored, passageCount, maxCitations);
        List<Scored> candidates = new ArrayList<>();
        for (Scored s : scored) {
            if (cited.contains(s.quotable().passage())) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (candidates.isEmpty() || candidates.get(0).score() < minScore) {
            return new Selection(List.of(), List.of());
        }
        double bar = Math.max(minScore, candidates.get(0).score() - MAX_GAP_TO_BEST);
        List<Scored> quotes = new ArrayList<>();
        for (Scored candidate : candidates) {
            if (candidate.score() < bar || quotes.size() == maxQuotes) {
                break;
            }
            quotes.add(candidate);
        }
        if (quotes.stream().allMatch(quote -> quote.quotable().kind() == Kind.SENTENCE)) {
            Set<Integer> quoted = new HashSet<>();
            quotes.forEach(quote -> quoted.add(quote.quotable().passage()));
            candidates.stream()
                    .filter(candidate -> candidate.quotable().kind() != Kind.SENTENCE)
                    .filter(candidate -> candidate.sharesQuestionTerm() && quoted.contains(candidate.quotable().passage()))
                    .findFirst()
                    .ifPresent(quotes::add);
        }
        quotes.sort(Comparator.<Scored>comparingInt(quote -> cited.indexOf(quote.quotable().passage()))
                .thenComparingInt(quote -> quote.quotable().start()));
        return new Selection(cited, quotes);
    }

    /** Retrieval order, cut at {@code maxCitations}, with a clearly better-supported passage first. */
    static List<Integer> citationOrder(List<Scored> scored, int passageCount, int maxCitations) {
        double[] support = new double[passageCount];
        Arrays.fill(support, Double.NEGATIVE_INFINITY);
        for (Scored s : scored) {
            int passage = s.quotable().passage();
            support[passage] = Math.max(support[passage], s.score());
        }
        int best = 0;
        for (int p = 1; p < passageCount; p++) {
            if (support[p] > support[best]) {
                best = p;
            }
        }
        List<Integer> order = new ArrayList<>(passageCount);
        boolean promote = best != 0 && (support[0] == Double.NEGATIVE_INFINITY
                || support[best] >= support[0] + CLEARLY_BETTER);
        if (promote) {
            order.add(best);
        }
        for (int p = 0; p < passageCount && order.size() < maxCitations; p++) {
            if (!(promote && p == best)) {
                order.add(p);
            }
        }
        return order;
    }
}
