package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.citations.Statement;
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
        return new ExtractiveAnswerProvider(new BagOfWordsEmbeddingModel(), terms, new AnswerSettings(0.3, 0.35, maxSentences));
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

        List<Statement> answer = provider(3).statements(question("How much are hotels reimbursed per night?"), passages);

        assertThat(answer).containsExactly(Statement.of("Hotels are reimbursed up to 180 euros per night.", 0));
    }

    @Test
    void quotesSentencesOfAPassageInDocumentOrderNotScoreOrder() {
        List<Passage> passages = List.of(passage("travel",
                "Hotels are reimbursed with a receipt too. Breakfast is served at seven every day. "
                        + "Taxis are reimbursed with a receipt."));

        List<Statement> answer = provider(3).statements(question("Are hotels and taxis reimbursed with a receipt?"), passages);

        assertThat(answer).extracting(Statement::text)
                .containsExactly("Hotels are reimbursed with a receipt too.", "Taxis are reimbursed with a receipt.");
    }

    @Test
    void quotesPassagesInTheirRankOrder() {
        List<Passage> passages = List.of(
                passage("ranked-first", "Taxis are reimbursed with a receipt."),
                passage("ranked-second", "Hotels are reimbursed with a receipt."));

        List<Statement> answer = provider(3).statements(question("Are hotels and taxis reimbursed with a receipt?"), passages);

        assertThat(answer).extracting(statement -> statement.passages().get(0)).containsExactly(0, 1);
    }

    @Test
    void quotesNoMoreThanTheConfiguredNumberOfSentences() {
        List<Passage> passages = List.of(passage("travel",
                "Taxis are reimbursed with a receipt. Hotels are reimbursed with a receipt. Trains are reimbursed with a receipt."));

        List<Statement> answer = provider(2).statements(question("What is reimbursed with a receipt?"), passages);

        assertThat(answer).hasSize(2);
    }

    @Test
    void answersNothingWhenNoSentenceIsCloseEnough() {
        List<Passage> passages = List.of(passage("travel", "Hotels are reimbursed up to 180 euros per night."));

        assertThat(provider(3).statements(question("What is the capital of France?"), passages)).isEmpty();
    }

    @Test
    void skipsHeadingsAndQuotesWrappedLinesAsOneLine() {
        List<Passage> passages = List.of(passage("travel", "Hotels\n\nHotels are reimbursed\nup to 180 euros per night."));

        List<Statement> answer = provider(3).statements(question("How much are hotels reimbursed per night?"), passages);

        assertThat(answer).extracting(Statement::text).containsExactly("Hotels are reimbursed up to 180 euros per night.");
    }
}
