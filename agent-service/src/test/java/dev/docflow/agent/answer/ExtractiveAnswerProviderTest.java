package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.answer.QuoteSelection.Scored;
import dev.docflow.agent.answer.QuoteSelection.Selection;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.StemmedTerms;
import dev.docflow.agent.testutils.BagOfWordsEmbeddingModel;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerProviderTest {
    private final EnglishTextAnalyzer english = new EnglishTextAnalyzer();
    private final StemmedTerms terms = new StemmedTerms(english);

    @AfterEach
    void closeAnalyzer() {
        english.close();
    }

    private ExtractiveAnswerProvider provider(int maxSentences) {
        return new ExtractiveAnswerProvider(new BagOfWordsEmbeddingModel(), terms, new AnswerSettings(0.3, 0.35, maxSentences, AnswerSettings.DEFAULT_MAX_QUOTABLES));
    }

    private Question question(String text) {
        return new Question(text, terms.of(text), BagOfWordsEmbeddingModel.vector(text));
    }

    private static Passage passage(String document, String text) {
        return new Passage(document, document + ".pdf", "", 1, 1, 0, text.length(), "", text, 0.03, List.of(document + ":0"));
    }

    @Test
    void quotesTheSentenceThatAnswersAndCitesItsPassage() {
        List<Passage> passages = List.of(
                passage("travel", "Flights are booked in economy. Hotels are reimbursed up to 180 euros per night. "
                        + "Meals are covered by a daily allowance."),
                passage("security", "Passwords must be at least 14 characters long."));

        Selection answer = provider(3).select(question("How much are hotels reimbursed per night?"), passages);

        assertThat(texts(answer)).containsExactly("Hotels are reimbursed up to 180 euros per night.");
        assertThat(answer.citationOf(answer.quotes().get(0))).isEqualTo(1);
    }

    @Test
    void scoresOnlyTheFirstQuotablesOfTheBestPassagesUpToTheLimit() {
        List<Passage> passages = List.of(
                passage("travel", "Flights are booked in economy. Meals are covered by a daily allowance."),
                passage("hotels", "Hotels are reimbursed up to 180 euros per night."));
        List<String> embedded = new java.util.ArrayList<>();
        BagOfWordsEmbeddingModel words = new BagOfWordsEmbeddingModel();
        dev.langchain4j.model.embedding.EmbeddingModel counting = new dev.langchain4j.model.embedding.EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<dev.langchain4j.data.segment.TextSegment> segments) {
                segments.forEach(segment -> embedded.add(segment.text()));
                return words.embedAll(segments);
            }
        };
        Question question = question("How much are hotels reimbursed per night?");

        Selection bounded = new ExtractiveAnswerProvider(counting, terms, new AnswerSettings(0.3, 0.35, 2, 2))
                .select(question, passages);

        assertThat(embedded).containsExactly("Flights are booked in economy.", "Meals are covered by a daily allowance.");
        assertThat(texts(bounded)).doesNotContain("Hotels are reimbursed up to 180 euros per night.");
        embedded.clear();
        Selection all = new ExtractiveAnswerProvider(counting, terms, new AnswerSettings(0.3, 0.35, 2, 3))
                .select(question, passages);
        assertThat(embedded).hasSize(3);
        assertThat(texts(all)).containsExactly("Hotels are reimbursed up to 180 euros per night.");
    }

    @Test
    void aQuestionAskingForASettingGetsTheSentenceThatNamesIt() {
        // the two sentences score alike (seven words, the same four shared); only the second names a setting
        List<Passage> passages = List.of(passage("tuning",
                "Turn off memory tuning at any moment. Turn off memory tuning with autotuning.enabled."));

        Selection value = provider(1).select(question("Which setting turns off memory tuning?"), passages);
        Selection yesOrNo = provider(1).select(question("Can I turn off memory tuning?"), passages);

        assertThat(texts(value)).containsExactly("Turn off memory tuning with autotuning.enabled.");
        assertThat(texts(yesOrNo)).containsExactly("Turn off memory tuning at any moment.");
    }

    @Test
    void quotesSentencesOfAPassageInDocumentOrderNotScoreOrder() {
        List<Passage> passages = List.of(passage("travel",
                "Hotels are reimbursed with a receipt too. Breakfast is served at seven every day. "
                        + "Taxis are reimbursed with a receipt."));

        Selection answer = provider(3).select(question("Are hotels and taxis reimbursed with a receipt?"), passages);

        assertThat(texts(answer))
                .containsExactly("Hotels are reimbursed with a receipt too.", "Taxis are reimbursed with a receipt.");
    }

    @Test
    void quotesPassagesInTheirRankOrder() {
        List<Passage> passages = List.of(
                passage("ranked-first", "Taxis are reimbursed with a receipt."),
                passage("ranked-second", "Hotels are reimbursed with a receipt."));

        Selection answer = provider(3).select(question("Are hotels and taxis reimbursed with a receipt?"), passages);

        assertThat(answer.quotes()).extracting(quote -> quote.quotable().passage()).containsExactly(0, 1);
    }

    @Test
    void quotesNoMoreThanTheConfiguredNumberOfSentences() {
        List<Passage> passages = List.of(passage("travel",
                "Taxis are reimbursed with a receipt. Hotels are reimbursed with a receipt. Trains are reimbursed with a receipt."));

        Selection answer = provider(2).select(question("What is reimbursed with a receipt?"), passages);

        assertThat(answer.quotes()).hasSize(2);
    }

    @Test
    void answersNothingWhenNoSentenceIsCloseEnough() {
        List<Passage> passages = List.of(passage("travel", "Hotels are reimbursed up to 180 euros per night."));

        assertThat(provider(3).select(question("What is the capital of France?"), passages).isEmpty()).isTrue();
        assertThat(provider(3).answer(question("What is the capital of France?"), passages, List.of(), AnswerListener.NONE))
                .isEmpty();
    }

    @Test
    void skipsHeadingsAndQuotesWrappedLinesAsOneLine() {
        List<Passage> passages = List.of(passage("travel", "Hotels\n\nHotels are reimbursed\nup to 180 euros per night."));

        Selection answer = provider(3).select(question("How much are hotels reimbursed per night?"), passages);

        assertThat(texts(answer)).containsExactly("Hotels are reimbursed up to 180 euros per night.");
    }

    @Test
    void citesTheQuotedPassageFirstThenTheOtherTopPassages() {
        List<Passage> passages = List.of(
                passage("security", "Passwords must be at least 14 characters long."),
                passage("travel", "Hotels are reimbursed up to 180 euros per night."));

        CitedAnswer answer = provider(3).answer(question("How much are hotels reimbursed per night?"), passages, List.of(),
                AnswerListener.NONE).orElseThrow();

        assertThat(answer.citations()).extracting(Citation::n, Citation::documentId)
                .containsExactly(org.assertj.core.api.Assertions.tuple(1, "travel"),
                        org.assertj.core.api.Assertions.tuple(2, "security"));
        assertThat(answer.text()).isEqualTo("Hotels are reimbursed up to 180 euros per night. [1]");
    }

    @Test
    void citesInRetrievalOrderWhenBothPassagesSupportTheAnswer() {
        List<Passage> passages = List.of(
                passage("taxis", "Taxis are reimbursed with a receipt."),
                passage("hotels", "Hotels are reimbursed with a receipt."));

        CitedAnswer answer = provider(3).answer(question("What is reimbursed with a receipt?"), passages, List.of(),
                AnswerListener.NONE).orElseThrow();

        assertThat(answer.citations()).extracting(Citation::documentId).containsExactly("taxis", "hotels");
        assertThat(answer.text()).isEqualTo("Taxis are reimbursed with a receipt. [1] Hotels are reimbursed with a receipt. [2]");
    }

    @Test
    void ofTwoSentencesThatReadAlmostAlikeQuotesTheOneOfTheHigherRankedPassage() {
        // the second passage's sentence is one word shorter, so a little closer by cosine alone
        List<Passage> passages = List.of(
                passage("ranked-first", "Hotels are reimbursed per night against a receipt from the front desk."),
                passage("ranked-second", "Hotels are reimbursed per night against a receipt from the desk."));

        Selection answer = provider(1).select(question("Which hotels are reimbursed per night?"), passages);

        assertThat(texts(answer)).containsExactly("Hotels are reimbursed per night against a receipt from the front desk.");
        assertThat(answer.citedPassages()).startsWith(0);
    }

    @Test
    void theRankPriorFallsWithThePassagesRank() {
        assertThat(ExtractiveAnswerProvider.rankPrior(0)).isEqualTo(ExtractiveAnswerProvider.RANK_PRIOR);
        assertThat(ExtractiveAnswerProvider.rankPrior(1)).isLessThan(ExtractiveAnswerProvider.rankPrior(0)).isPositive();
        assertThat(ExtractiveAnswerProvider.rankPrior(7)).isLessThan(ExtractiveAnswerProvider.rankPrior(1));
    }

    @Test
    void quotesTheConfigLineThatHoldsTheValue() {
        List<Passage> passages = List.of(passage("operator",
                "The health probe listens on its own port, set in the chart values.\n\n"
                        + "operatorHealth:\n  port: 8085\n  startupProbe:\n    failureThreshold: 30\n"));

        CitedAnswer answer = provider(3).answer(question("Which port does the operator health probe listen on?"), passages,
                List.of(), AnswerListener.NONE).orElseThrow();

        assertThat(answer.text()).contains("port: 8085 [1]");
    }

    @Test
    void quotesTheTableRowWithItsHeader() {
        List<Passage> passages = List.of(passage("economy",
                "| Country | GDP in millions |\n| --- | --- |\n| France | 902,418.00 |\n| Spain | 512,001.50 |"));

        CitedAnswer answer = provider(3).answer(question("What is the GDP of France in millions?"), passages, List.of(),
                AnswerListener.NONE).orElseThrow();

        assertThat(answer.text()).contains("| Country | GDP in millions |\n| France | 902,418.00 | [1]");
    }

    private static List<String> texts(Selection selection) {
        return selection.quotes().stream().map(Scored::quotable).map(Quotables.Quotable::text).toList();
    }
}
