package dev.docflow.agent.answer;

import dev.docflow.agent.answer.Quotables.Kind;
import dev.docflow.agent.answer.Quotables.Quotable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses, from scored quotables, what an extractive answer quotes and which passages it cites.
 *
 * <p>Quotes: the best quotables of all passages that reach {@code minScore} and are within
 * {@link #MAX_GAP_TO_BEST} of the best, at most {@code maxQuotes}; then, when none of them is a
 * code/config line or a table row, the best such line or row of a passage already quoted that
 * shares a term with the question. Lines and rows embed far worse than prose for the same relevance
 * (short, symbols, no verbs), so no score bar fits them, yet they hold the value asked for; the
 * passage was judged by its sentences already. Quotes are in citation order, and within a passage
 * in document order.
 *
 * <p>Citations: the quoted passages first, in retrieval order (they are the better-supported ones:
 * a sentence of each scored near the best), then the passages retrieval ranks highest, in its
 * order, up to {@code maxCitations} in all. So a sentence choice adds a passage but never throws
 * away one retrieval ranked high, and every marker refers to a citation.
 *
 * <p>Pure: no model, no I/O.
 */
public final class QuoteSelection {
    /** A sentence scoring this far below the best one is a digression, not part of the answer. */
    static final double MAX_GAP_TO_BEST = 0.10;

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
     * @return an empty selection (no citations) when no quotable reaches {@code minScore}
     */
    public static Selection select(List<Scored> scored, int passageCount, int maxCitations, double minScore,
            int maxQuotes) {
        List<Scored> candidates = new ArrayList<>(scored);
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
        Set<Integer> quoted = new TreeSet<>();
        quotes.forEach(quote -> quoted.add(quote.quotable().passage()));
        if (quotes.stream().allMatch(quote -> quote.quotable().kind() == Kind.SENTENCE)) {
            candidates.stream()
                    .filter(candidate -> candidate.quotable().kind() != Kind.SENTENCE)
                    .filter(candidate -> candidate.sharesQuestionTerm() && quoted.contains(candidate.quotable().passage()))
                    .findFirst()
                    .ifPresent(quotes::add);
        }
        List<Integer> cited = new ArrayList<>(quoted);
        for (int p = 0; p < passageCount && cited.size() < maxCitations; p++) {
            if (!quoted.contains(p)) {
                cited.add(p);
            }
        }
        quotes.sort(Comparator.<Scored>comparingInt(quote -> cited.indexOf(quote.quotable().passage()))
                .thenComparingInt(quote -> quote.quotable().start()));
        return new Selection(cited, quotes);
    }
}
