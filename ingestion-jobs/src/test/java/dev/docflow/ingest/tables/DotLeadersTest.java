package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DotLeadersTest {
    @Test
    void aLabelLedToTheFirstOfItsFiguresIsTwoCells() {
        // us-034: sample sizes by proportion and design effect
        List<List<String>> rows = List.of(
                List.of("Proportion", "1.1", "1.2"),
                List.of("-----------------------------", "", ""),
                List.of("0.95 .................. 160", "176", "192"),
                List.of("0.90 ..................80", "88", "96"),
                List.of("0.56-0.74 .............30", "33", "36"));

        assertThat(DotLeaders.split(rows)).containsExactly(
                List.of("Proportion", "", "1.1", "1.2"),
                List.of("0.95", "160", "176", "192"),
                List.of("0.90", "80", "88", "96"),
                List.of("0.56-0.74", "30", "33", "36"));
    }

    @Test
    void spacedDotsLeadToo() {
        List<List<String>> rows = List.of(
                List.of("Wheat . . . . . 12", "14"),
                List.of("Barley . . . . . 9", "11"));

        assertThat(DotLeaders.split(rows)).containsExactly(List.of("Wheat", "12", "14"), List.of("Barley", "9", "11"));
    }

    @Test
    void anIndexLeadsEachEntryToItsPageAndStaysAsItIs() {
        // R-exts' index: nothing follows the page numbers
        List<List<String>> rows = List.of(
                List.of("abbreviate ......................... 45", "dyn.load ......................... 112"),
                List.of("abs ................................ 12", "dyn.unload ....................... 113"));

        assertThat(DotLeaders.split(rows)).isEqualTo(rows);
    }

    @Test
    void oneLeaderInAColumnOfTextIsLeftAlone() {
        List<List<String>> rows = List.of(
                List.of("Total ........ 12", "14"),
                List.of("Men", "7"),
                List.of("Women", "7"));

        assertThat(DotLeaders.split(rows)).isEqualTo(rows);
    }

    @Test
    void aRuleTypedWithOneCharacterIsNoCell() {
        assertThat(DotLeaders.isTypedRule("----------")).isTrue();
        assertThat(DotLeaders.isTypedRule("= = = = = =")).isTrue();
        assertThat(DotLeaders.isTypedRule("—")).isFalse();
        assertThat(DotLeaders.isTypedRule("...")).isFalse();
        assertThat(DotLeaders.split(List.of(List.of("a", "1"), List.of("_______", "______"), List.of("b", "2"))))
                .containsExactly(List.of("a", "1"), List.of("b", "2"));
    }
}
