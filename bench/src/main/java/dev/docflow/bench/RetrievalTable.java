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
    /** Per mode and kind: {asked, refused}. */
    private final Map<String, Map<OffTopicQuestion.Kind, int[]>> offTopic = new LinkedHashMap<>();

    public void add(String mode, String corpus, int rankingRank, int citationRank, boolean answerCorrect) {
        add(mode, corpus, rankingRank, citationRank, answerCorrect, false);
    }

    /** @param refused the reply was the service's refusal (an answerable question it would not answer) */
    public void add(String mode, String corpus, int rankingRank, int citationRank, boolean answerCorrect, boolean refused) {
        overall.computeIfAbsent(mode, m -> new RetrievalTally()).add(rankingRank, citationRank, answerCorrect, refused);
        byCorpus.computeIfAbsent(mode, m -> new TreeMap<>()).computeIfAbsent(corpus, c -> new RetrievalTally())
                .add(rankingRank, citationRank, answerCorrect, refused);
    }

    /** An off-topic question of {@code kind} asked in {@code mode}: refused is the right reply. */
    public void addOffTopic(String mode, OffTopicQuestion.Kind kind, boolean refused) {
        int[] counts = offTopic.computeIfAbsent(mode, m -> new TreeMap<>()).computeIfAbsent(kind, k -> new int[2]);
        counts[0]++;
        if (refused) {
            counts[1]++;
        }
    }

    /** The share of the mode's off-topic questions it refused, over both kinds; 0 when none were asked. */
    public double offTopicRefusalRate(String mode) {
        int asked = 0;
        int refused = 0;
        for (int[] counts : offTopic.getOrDefault(mode, Map.of()).values()) {
            asked += counts[0];
            refused += counts[1];
        }
        return asked == 0 ? 0 : (double) refused / asked;
    }

    /** @return the mode's tally over all its questions; an empty one for a mode never added */
    public RetrievalTally of(String mode) {
        return overall.getOrDefault(mode, new RetrievalTally());
    }

    /** @return the mode's tally over one corpus' questions; an empty one when there were none */
    public RetrievalTally of(String mode, String corpus) {
        return byCorpus.getOrDefault(mode, Map.of()).getOrDefault(corpus, new RetrievalTally());
    }

    /**
     * One row per mode over all questions, then, when there is more than one corpus, per mode and
     * corpus; then, when off-topic questions were asked, a second table of how many were refused.
     */
    public List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| mode | corpus | questions | retrieval recall@1 | @5 | @20 | @50 | citation recall@1 | @5 | MRR | answer accuracy | refused |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        overall.forEach((mode, tally) -> lines.add(row(mode, ALL, tally)));
        boolean several = byCorpus.values().stream().anyMatch(corpora -> corpora.size() > 1);
        if (several) {
            byCorpus.forEach((mode, corpora) -> corpora.forEach((corpus, tally) -> lines.add(row(mode, corpus, tally))));
        }
        if (!offTopic.isEmpty()) {
            lines.add("");
            lines.add("| mode | off-topic questions | asked | refused (right) |");
            lines.add("|---|---|---|---|");
            offTopic.forEach((mode, kinds) -> kinds.forEach((kind, counts) -> lines.add(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.3f |", mode, kind.label(), counts[0], (double) counts[1] / counts[0]))));
        }
        return lines;
    }

    private static String row(String mode, String corpus, RetrievalTally tally) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                mode, corpus, tally.questions(), tally.rankingRecallAt(1), tally.rankingRecallAt(5),
                tally.rankingRecallAt(20), tally.rankingRecallAt(50), tally.recallAt1(), tally.recallAt5(), tally.mrr(),
                tally.answerAccuracy(), tally.refusalRate());
    }
}
