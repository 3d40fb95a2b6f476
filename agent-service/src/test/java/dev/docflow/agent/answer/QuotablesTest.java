package dev.docflow.agent.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.answer.Quotables.Kind;
import dev.docflow.agent.answer.Quotables.Quotable;
import dev.docflow.agent.citations.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotablesTest {

    private static Passage passage(String text) {
        return new Passage("d", "d.md", "", 0, 0, 0, text.length(), "", text, 0.03, List.of("d:0"));
    }

    @Test
    void sentencesKeepTheirPassageAndOffsetAndAreListedOnce() {
        String first = "Travel\n\nHotels are reimbursed\nper night. Taxis need a receipt.";
        List<Quotable> quotables = Quotables.of(List.of(passage(first), passage("Taxis need a receipt.")), 10);

        assertThat(quotables).containsExactly(
                new Quotable(0, 8, Kind.SENTENCE, "Hotels are reimbursed per night."),
                new Quotable(0, 41, Kind.SENTENCE, "Taxis need a receipt."));
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(Quotables.of(List.of(passage("One two three four. Five six seven eight.")), 1)).hasSize(1);
    }

    @Test
    void aYamlBlockIsQuotedLineByLineWithOffsets() {
        String text = "The probes are configured in the Helm chart:\n\n"
                + "operatorHealth:\n  port: 8085\n  livenessProbe:\n    periodSeconds: 10\n";
        List<Quotable> quotables = Quotables.of(List.of(passage(text)), 10);

        assertThat(quotables).extracting(Quotable::kind, Quotable::text).containsExactly(
                org.assertj.core.api.Assertions.tuple(Kind.SENTENCE, "The probes are configured in the Helm chart:"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "operatorHealth:"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "port: 8085"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "livenessProbe:"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "periodSeconds: 10"));
        Quotable port = quotables.get(2);
        assertThat(text.substring(port.start(), port.start() + port.text().length())).isEqualTo("port: 8085");
    }

    @Test
    void aTableRowIsQuotedUnderItsHeaderAndTheSeparatorIsNot() {
        String text = "| Country | GDP |\n| --- | --- |\n| France | 902,418.00 |\n| Spain | 512,001.50 |";
        List<Quotable> quotables = Quotables.of(List.of(passage(text)), 10);

        assertThat(quotables).extracting(Quotable::kind).containsOnly(Kind.ROW);
        assertThat(quotables).extracting(Quotable::text).containsExactly(
                "| Country | GDP |\n| France | 902,418.00 |",
                "| Country | GDP |\n| Spain | 512,001.50 |");
        assertThat(quotables.get(0).start()).isEqualTo(text.indexOf("| France"));
    }

    @Test
    void hardWrappedProseStaysOneSentenceAndCodeLinesAreCut() {
        assertThat(Quotables.readsAsLines("The function reads a file whose fields\nsit in fixed columns of every line\n"
                + "and returns a data frame.")).isFalse();
        assertThat(Quotables.readsAsLines("> x <- c(1, 2, 3)\n> mean(x)\n[1] 2")).isTrue();
        assertThat(Quotables.readsAsLines("kubernetes.operator.reconcile.interval: 60 s\n"
                + "kubernetes.operator.reconcile.parallelism: 50")).isTrue();
        assertThat(Quotables.readsAsLines("helm install flink-kubernetes-operator \\\n  --set webhook.create=false")).isTrue();
    }

    @Test
    void bracesAndFencesAloneAreNotQuoted() {
        List<Quotable> quotables = Quotables.of(List.of(passage("spec: {\n  replicas: 2\n}")), 10);

        assertThat(quotables).extracting(Quotable::text).containsExactly("spec: {", "replicas: 2");
    }
}
