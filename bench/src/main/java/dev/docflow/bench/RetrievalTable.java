package dev.docflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tallies of a retrieval bench run per mode, over all questions and per corpus, printed as one
 * Markdown table (so it can go into a README or an issue as it is). Modes keep the order they were
 * first added in; corpora are in name order.
 */
public final class RetrievalTable {
    /** The row label of a mode's figures over all its questions. */
    public static final String ALL = "all";

    private final Map<String, RetrievalTally> overall = new LinkedHashMap<>();
    private final Map<String, Map<String, RetrievalTally>> byCorpus = new LinkedHashMap<>();

    public void add(String mode, String corpus, int rankingRank, int citationRank, boolean answerCorrect) {
        overall.computeIfAbsent(mode, m -> new RetrievalTally()).add(rankingRank, citationRank, answerCorrect);
        byCorpus.computeIfAbsent(mode, m -> new TreeMap<>()).computeIfAbsent(corpus, c -> new RetrievalTally())
                .add(rankingRank, citationRank, answerCorrect);
    }

    /** @return the mode's tally over all its questions; an empty one for a mode never added */
    public RetrievalTally of(String mode) {
        return overall.getOrDefault(mode, new RetrievalTally());
    }

    /** @return the mode's tally over one corpus' questions; an empty one when there were none */
    public RetrievalTally of(String mode, String corpus) {
        return byCorpus.getOrDefault(mode, Map.of()).getOrDefault(corpus, new RetrievalTally());
    }

    /** One row per mode over all questions, then, when there is more than one corpus, per mode and corpus. */
    public List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| mode | corpus | questions | retrieval recall@1 | @5 | @20 | @50 | citation recall@1 | @5 | MRR | answer accuracy |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
        overall.forEach((mode, tally) -> lines.add(row(mode, ALL, tally)));
        boolean several = byCorpus.values().stream().anyMatch(corpora -> corpora.size() > 1);
        if (several) {
            byCorpus.forEach((mode, corpora) -> corpora.forEach((corpus, tally) -> lines.add(row(mode, corpus, tally))));
        }
        return lines;
    }

    private static String row(String mode, String corpus, RetrievalTally tally) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                mode, corpus, tally.questions(), tally.rankingRecallAt(1), tally.rankingRecallAt(5),
                tally.rankingRecallAt(20), tally.rankingRecallAt(50), tally.recallAt1(), tally.recallAt5(), tally.mrr(),
                tally.answerAccuracy());
    }
}
