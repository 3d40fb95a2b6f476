package dev.docflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A question set cut into a tuning half and a test half, once, at random but reproducibly: within
 * each corpus (taken in name order) the questions are shuffled by {@link Collections#shuffle(List,
 * Random)} with one {@link Random} of the seed, and the first half of each shuffled corpus (rounded
 * down) goes to tuning, the rest to test. Stratifying by corpus keeps each half's mix of corpora the
 * whole set's, so a figure per corpus exists on both halves. Each half keeps the set's own order.
 *
 * <p>{@code java.util.Random}'s sequence is fixed by its specification, so the same seed gives the
 * same halves on any JVM: the committed halves can be checked against it.
 */
public record QuestionSplit(List<EvalQuestion> tuning, List<EvalQuestion> test) {
    /** The seed {@code eval/questions-tuning.jsonl} and {@code eval/questions-test.jsonl} were cut with. */
    public static final long SEED = 20261201L;

    public QuestionSplit {
        tuning = List.copyOf(tuning);
        test = List.copyOf(test);
    }

    public static QuestionSplit of(List<EvalQuestion> questions, long seed) {
        Set<EvalQuestion> tuning = tuningPart(questions, EvalQuestion::corpus, seed);
        List<EvalQuestion> tuningHalf = new ArrayList<>();
        List<EvalQuestion> testHalf = new ArrayList<>();
        for (EvalQuestion question : questions) {
            (tuning.contains(question) ? tuningHalf : testHalf).add(question);
        }
        return new QuestionSplit(tuningHalf, testHalf);
    }

    /**
     * The items of the tuning half, by the rule above, for any kind of question that belongs to a
     * corpus (the off-topic questions are cut by it too).
     */
    static <T> Set<T> tuningPart(List<T> items, Function<T, String> corpusOf, long seed) {
        Map<String, List<T>> byCorpus = new TreeMap<>();
        for (T item : items) {
            byCorpus.computeIfAbsent(corpusOf.apply(item), corpus -> new ArrayList<>()).add(item);
        }
        Random random = new Random(seed);
        Set<T> tuning = new HashSet<>();
        for (List<T> corpus : byCorpus.values()) {
            Collections.shuffle(corpus, random);
            tuning.addAll(corpus.subList(0, corpus.size() / 2));
        }
        return tuning;
    }

    /** Questions per corpus in {@code questions}, in corpus name order. */
    public static Map<String, Integer> perCorpus(List<EvalQuestion> questions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        questions.stream().map(EvalQuestion::corpus).sorted(Comparator.naturalOrder())
                .forEach(corpus -> counts.merge(corpus, 1, Integer::sum));
        return counts;
    }
}
