package dev.docflow.bench;

import java.util.Locale;

/**
 * The measures of one retrieval mode over a group of questions, at the two steps a question can be
 * lost at: the <em>ranking</em> (the chunks retrieval ranks, before the answer stage: recall at 1, 5,
 * 20 and 50) and the <em>citations</em> of the reply (recall at 1 and 5, MRR over the first 5, as
 * {@code shared/eval/README.md} defines them), and the answer's accuracy. A question whose correct
 * passage is ranked but not cited was lost by the answer stage; one never ranked, by retrieval.
 */
public final class RetrievalTally {
    /** Citations judged, as the README's recall@5 and MRR count them. */
    public static final int CITATIONS = 5;
    /** The deepest ranking judged. */
    public static final int RANKING_DEPTH = 50;
    private static final int[] RANKING_CUTS = {1, 5, 20, RANKING_DEPTH};

    private int questions;
    private final int[] rankedWithin = new int[RANKING_CUTS.length];
    private int citedFirst;
    private int citedWithinFive;
    private double reciprocalRanks;
    private int correctAnswers;
    private int refusals;

    /**
     * @param rankingRank 1-based position of the first correct passage among the ranked chunks, 0 if
     *     none in the first {@link #RANKING_DEPTH}
     * @param citationRank 1-based position of the first correct citation, 0 if none in the first
     *     {@link #CITATIONS}
     */
    public void add(int rankingRank, int citationRank, boolean answerCorrect) {
        add(rankingRank, citationRank, answerCorrect, false);
    }

    /** @param refused the service answered that the knowledge base does not hold the answer */
    public void add(int rankingRank, int citationRank, boolean answerCorrect, boolean refused) {
        questions++;
        if (refused) {
            refusals++;
        }
        for (int cut = 0; cut < RANKING_CUTS.length; cut++) {
            if (rankingRank >= 1 && rankingRank <= RANKING_CUTS[cut]) {
                rankedWithin[cut]++;
            }
        }
        if (citationRank == 1) {
            citedFirst++;
        }
        if (citationRank >= 1 && citationRank <= CITATIONS) {
            citedWithinFive++;
            reciprocalRanks += 1.0 / citationRank;
        }
        if (answerCorrect) {
            correctAnswers++;
        }
    }

    /** @param k 1, 5, 20 or 50 */
    public double rankingRecallAt(int k) {
        for (int cut = 0; cut < RANKING_CUTS.length; cut++) {
            if (RANKING_CUTS[cut] == k) {
                return share(rankedWithin[cut]);
            }
        }
        throw new IllegalArgumentException("Ranking recall is counted at 1, 5, 20 and 50, not at " + k);
    }

    /** Citation recall@1. */
    public double recallAt1() {
        return share(citedFirst);
    }

    /** Citation recall@5. */
    public double recallAt5() {
        return share(citedWithinFive);
    }

    /** Mean reciprocal rank of the first correct citation among the first 5. */
    public double mrr() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }

    public double answerAccuracy() {
        return share(correctAnswers);
    }

    /** The share of these answerable questions the service refused to answer. */
    public double refusalRate() {
        return share(refusals);
    }

    public int questions() {
        return questions;
    }

    public String line(String mode) {
        return String.format(Locale.ROOT,
                "%-7s questions=%d retrieval_recall@1=%.3f @5=%.3f @20=%.3f @50=%.3f citation_recall@1=%.3f recall@5=%.3f mrr=%.3f answer_accuracy=%.3f refused=%.3f",
                mode, questions, rankingRecallAt(1), rankingRecallAt(5), rankingRecallAt(20), rankingRecallAt(50),
                recallAt1(), recallAt5(), mrr(), answerAccuracy(), refusalRate());
    }

    private double share(int count) {
        return questions == 0 ? 0 : (double) count / questions;
    }
}
