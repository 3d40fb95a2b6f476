package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.answer.Quotables.Kind;
import dev.docflow.agent.answer.Quotables.Quotable;
import dev.docflow.agent.answer.QuoteSelection.Scored;
import dev.docflow.agent.answer.QuoteSelection.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteSelectionTest {
    private static final double MIN_SCORE = 0.4;

    private static Scored sentence(int passage, int start, double score) {
        return new Scored(new Quotable(passage, start, Kind.SENTENCE, "sentence " + passage + ":" + start), score, true);
    }

    private static Scored line(int passage, int start, double score) {
        return line(passage, start, score, true);
    }

    private static Scored line(int passage, int start, double score, boolean sharesQuestionTerm) {
        return new Scored(new Quotable(passage, start, Kind.LINE, "key" + start + ": value"), score, sharesQuestionTerm);
    }

    private static Selection select(List<Scored> scored, int passages) {
        return QuoteSelection.select(scored, passages, 5, MIN_SCORE, 3);
    }

    @Test
    void citesThePassagesInRetrievalOrderEvenWhenALowerOneIsQuoted() {
        Selection selection = select(List.of(sentence(0, 0, 0.50), sentence(1, 0, 0.60), sentence(2, 0, 0.45)), 3);

        assertThat(selection.citedPassages()).containsExactly(0, 1, 2);
        assertThat(selection.quotes()).extracting(quote -> quote.quotable().passage()).containsExactly(0, 1);
        assertThat(selection.citationOf(selection.quotes().get(1))).isEqualTo(2);
    }

    @Test
    void citesTheQuotedPassagesFirstThenTheTopRankedOnesUpToTheLimit() {
        Selection selection = QuoteSelection.select(
                List.of(sentence(0, 0, 0.30), sentence(3, 0, 0.60)), 4, 3, MIN_SCORE, 3);

        assertThat(selection.citedPassages()).containsExactly(3, 0, 1);
        assertThat(selection.quotes()).extracting(quote -> quote.quotable().passage()).containsExactly(3);
        assertThat(selection.citationOf(selection.quotes().get(0))).isEqualTo(1);
    }

    @Test
    void aPassageQuotedFromBeyondTheLimitIsStillCited() {
        Selection selection = QuoteSelection.select(
                List.of(sentence(0, 0, 0.55), sentence(3, 0, 0.60)), 4, 2, MIN_SCORE, 3);

        assertThat(selection.citedPassages()).containsExactly(0, 3);
        assertThat(selection.quotes()).extracting(quote -> quote.quotable().passage()).containsExactly(0, 3);
    }

    @Test
    void quotesTheBestSentencesWithinTheGapAndNoMoreThanTheLimit() {
        Selection selection = select(List.of(sentence(0, 0, 0.70), sentence(0, 10, 0.65), sentence(0, 20, 0.64),
                sentence(0, 30, 0.63), sentence(0, 40, 0.55)), 1);

        assertThat(selection.quotes()).extracting(quote -> quote.quotable().start()).containsExactly(0, 10, 20);
    }

    @Test
    void quotesInCitationOrderThenDocumentOrder() {
        Selection selection = select(List.of(sentence(1, 30, 0.70), sentence(0, 50, 0.68), sentence(0, 5, 0.66)), 2);

        assertThat(selection.quotes()).extracting(quote -> quote.quotable().passage() + ":" + quote.quotable().start())
                .containsExactly("0:5", "0:50", "1:30");
    }

    @Test
    void addsTheBestConfigLineWhenOnlyProseMadeTheBar() {
        Selection selection = select(List.of(sentence(0, 0, 0.70), line(0, 40, 0.55), line(0, 60, 0.52)), 1);

        assertThat(selection.quotes()).extracting(quote -> quote.quotable().kind()).containsExactly(Kind.SENTENCE, Kind.LINE);
        assertThat(selection.quotes().get(1).quotable().start()).isEqualTo(40);
    }

    @Test
    void addsALineOnlyFromAQuotedPassageAndOnlyOneSharingAQuestionTerm() {
        Selection selection = select(List.of(sentence(0, 0, 0.70), line(0, 40, 0.30, false), line(0, 60, 0.20),
                sentence(1, 0, 0.65), line(1, 10, 0.55, false)), 2);

        assertThat(selection.quotes()).extracting(quote -> quote.quotable().passage() + ":" + quote.quotable().start())
                .containsExactly("0:0", "0:60", "1:0");
        assertThat(QuoteSelection.select(List.of(sentence(0, 0, 0.70), line(1, 0, 0.30)), 2, 5, MIN_SCORE, 3).quotes())
                .extracting(quote -> quote.quotable().kind()).containsExactly(Kind.SENTENCE);
    }

    @Test
    void addsNoLineToAnAnswerThatQuotesOneAlready() {
        Selection selection = select(List.of(sentence(0, 0, 0.70), line(0, 40, 0.68), line(0, 60, 0.30)), 1);

        assertThat(selection.quotes()).extracting(quote -> quote.quotable().start()).containsExactly(0, 40);
    }

    @Test
    void answersNothingWhenNothingReachesTheMinimum() {
        Selection selection = select(List.of(sentence(0, 0, MIN_SCORE - 0.01), line(1, 0, MIN_SCORE - 0.05)), 2);

        assertThat(selection.isEmpty()).isTrue();
        assertThat(selection.citedPassages()).isEmpty();
    }
}
