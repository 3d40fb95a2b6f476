package dev.docflow.cli.bench;

import java.util.Locale;

/** Recall@1, recall@5, MRR (over the first 5 citations) and answer accuracy of one retrieval mode. */
public final class RetrievalTally {
    static final int K = 5;

    private int questions;
    private int atOne;
    private int atFive;
    private double reciprocalRanks;
    private int correctAnswers;

    /** @param firstCorrect 1-based position of the first correct citation, 0 if none in the first 5 */
    public void add(int firstCorrect, boolean answerCorrect) {
        questions++;
        if (firstCorrect == 1) {
            atOne++;
        }
        if (firstCorrect >= 1 && firstCorrect <= K) {
            atFive++;
            reciprocalRanks += 1.0 / firstCorrect;
        }
        if (answerCorrect) {
            correctAnswers++;
        }
    }

    public double recallAt1() {
        return share(atOne);
    }

    public double recallAt5() {
        return share(atFive);
    }

    public double mrr() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }

    public double answerAccuracy() {
        return share(correctAnswers);
    }

    public int questions() {
        return questions;
    }

    public String line(String mode) {
        return String.format(Locale.ROOT, "%-7s questions=%d recall@1=%.3f recall@5=%.3f mrr=%.3f answer_accuracy=%.3f",
                mode, questions, recallAt1(), recallAt5(), mrr(), answerAccuracy());
    }

    private double share(int count) {
        return questions == 0 ? 0 : (double) count / questions;
    }
}
