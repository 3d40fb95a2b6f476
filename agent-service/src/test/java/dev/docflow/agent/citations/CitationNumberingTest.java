package dev.docflow.agent.citations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationNumberingTest {

    private static Passage passage(String document, int page, String heading, double score) {
        return new Passage(document, document + ".pdf", "", page, page + 1, 0, 10, heading, "text of " + document,
                score, List.of(document + ":0"));
    }

    private final List<Passage> passages = List.of(
            passage("first", 1, "Intro", 0.0328),
            passage("second", 0, "", 0.0321),
            passage("third", 7, "Costs › Hotels", 0.03123456));

    @Test
    void numbersOnlyCitedPassagesInOrderOfFirstAppearance() {
        CitedAnswer answer = CitationNumbering.number(List.of(
                Statement.of("Hotels cost 180 euros.", 2),
                Statement.of("Meals are covered.", 0),
                Statement.of("Receipts are needed.", 2)), passages);

        assertThat(answer.text()).isEqualTo("Hotels cost 180 euros. [1] Meals are covered. [2] Receipts are needed. [1]");
        assertThat(answer.citations()).extracting(Citation::n, Citation::documentId)
                .containsExactly(tuple(1, "third"), tuple(2, "first"));
    }

    @Test
    void aCitationCarriesThePassageAsCited() {
        Citation citation = CitationNumbering.number(List.of(Statement.of("Hotels.", 2)), passages).citations().get(0);

        assertThat(citation.fileName()).isEqualTo("third.pdf");
        assertThat(citation.page()).isEqualTo(7);
        assertThat(citation.pageEnd()).isEqualTo(8);
        assertThat(citation.headingPath()).isEqualTo("Costs › Hotels");
        assertThat(citation.snippet()).isEqualTo("text of third");
        assertThat(citation.score()).isEqualTo(0.0312);
    }

    @Test
    void aPassageWithoutPagesOrHeadingsHasNullPageAndHeading() {
        Citation citation = CitationNumbering.number(List.of(Statement.of("Something.", 1)), passages).citations().get(0);

        assertThat(citation.page()).isNull();
        assertThat(citation.pageEnd()).isNull();
        assertThat(citation.headingPath()).isNull();
    }

    @Test
    void aStatementMayCiteSeveralPassages() {
        CitedAnswer answer = CitationNumbering.number(List.of(new Statement("Both say so.", List.of(1, 0))), passages);

        assertThat(answer.text()).isEqualTo("Both say so. [1] [2]");
        assertThat(answer.citations()).extracting(Citation::documentId).containsExactly("second", "first");
    }

    @Test
    void citingAPassageThatIsNotThereFails() {
        assertThatThrownBy(() -> CitationNumbering.number(List.of(Statement.of("Hm.", 3)), passages))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
