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
    void aBlockWhoseFirstSentenceIsOnlyReferenceMarksIsSkippedNotAFailure() {
        // R-exts: a printout's "[1]" alone before its prose, which once ended the chat request in a 500
        String text = "sqrt(2) in C code\n\n[1] [2] The value is computed with the sqrt function of the C library.";
        List<Quotable> quotables = Quotables.of(List.of(passage(text)), 10);
        assertThat(quotables).extracting(Quotable::text).noneMatch(String::isBlank)
                .anyMatch(quote -> quote.contains("sqrt function"));
        // a first sentence left empty once its marks are gone continues nothing (it threw, a 500 in chat)
        assertThat(Quotables.continues("")).isFalse();
        assertThat(Quotables.continues("gives y all but the first five")).isTrue();
        assertThat(Quotables.continues("The value")).isFalse();
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(Quotables.of(List.of(passage("One two three four. Five six seven eight.")), 1)).hasSize(1);
    }

    @Test
    void aYamlBlockIsQuotedLineByLineWithOffsetsExceptKeysThatHoldNoValue() {
        String text = "The probes are configured in the Helm chart:\n\n"
                + "operatorHealth:\n  port: 8085\n  livenessProbe:\n    periodSeconds: 10\n";
        List<Quotable> quotables = Quotables.of(List.of(passage(text)), 10);

        assertThat(quotables).extracting(Quotable::kind, Quotable::text).containsExactly(
                org.assertj.core.api.Assertions.tuple(Kind.SENTENCE, "The probes are configured in the Helm chart:"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "port: 8085"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "periodSeconds: 10"));
        Quotable port = quotables.get(1);
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

    @Test
    void aLabelEndingInAColonIsQuotedWithTheValueOnTheNextLine() {
        String text = "Disclosure of Contract\n\n5. Description of the project:\nSupply, Installation and Maintenance of Parking Ticket Machines\n"
                + "6. Value of the contract:\n$3,148,800 (incl. GST)";

        List<String> quoted = Quotables.of(List.of(passage(text)), 10).stream().map(Quotable::text).toList();

        assertThat(quoted).anyMatch(q -> q.contains("Value of the contract:") && q.contains("$3,148,800"));
    }

    @Test
    void aSentenceRunningIntoTheCodeItIntroducesTakesItsFirstLine() {
        String text = "To test for the equality of the means of the two examples, we can use an unpaired t-test by\n\n"
                + "> t.test(A, B)\n\nWelch Two Sample t-test";

        List<String> quoted = Quotables.of(List.of(passage(text)), 10).stream().map(Quotable::text).toList();

        assertThat(quoted).contains("To test for the equality of the means of the two examples, we can use an unpaired t-test by"
                + " > t.test(A, B)");
    }

    @Test
    void aSourcesOwnReferenceMarksAreNotQuotedSinceTheyWouldReadAsCitations() {
        assertThat(Quotables.withoutReferenceMarks("It was published for broader distribution in 2001 [9].")).isEqualTo(
                "It was published for broader distribution in 2001.");
        assertThat(Quotables.withoutReferenceMarks("[1] 80.02077 79.97125")).isEqualTo("80.02077 79.97125");
        assertThat(Quotables.withoutReferenceMarks("x[3] <- m[1][2]")).isEqualTo("x[3] <- m[1][2]");
    }

    private static List<String> quoted(String text) {
        return Quotables.of(List.of(passage(text)), 20).stream().map(Quotable::text).toList();
    }

    @Test
    void aCodeOrSettingLineAloneBetweenParagraphsIsQuotedAsALine() {
        String text = "As a workaround, the environment variable below needs to be set.\n\n"
                + "KUBERNETES_DISABLE_HOSTNAME_VERIFICATION=true\n\nTo use a sequential MKL we used\n\n"
                + "./configure --with-blas=\"$MKL\" --with-lapack\n\nNote: the operator restarts every pod. Then it waits for all of them.";

        List<Quotable> quotables = Quotables.of(List.of(passage(text)), 20);

        assertThat(quotables).extracting(Quotable::kind, Quotable::text).contains(
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "KUBERNETES_DISABLE_HOSTNAME_VERIFICATION=true"),
                org.assertj.core.api.Assertions.tuple(Kind.LINE, "./configure --with-blas=\"$MKL\" --with-lapack"));
        // a one-line block of two sentences is prose, whatever its first word
        assertThat(quotables).filteredOn(q -> q.text().startsWith("Note:")).extracting(Quotable::kind)
                .containsOnly(Kind.SENTENCE);
    }

    @Test
    void aBlockStartingInLowerCaseContinuesTheLineBeforeIt() {
        assertThat(quoted("Thus\n\n> y <- x[-(1:5)]\n\ngives y all but the first five elements of x."))
                .contains("> y <- x[-(1:5)] gives y all but the first five elements of x.");
        assertThat(quoted("Function sqlSave copies an R data frame to a table in the database, and sqlFetch\n\n"
                + "copies a table in the database to an R data frame.")).contains("Function sqlSave copies an R data frame"
                + " to a table in the database, and sqlFetch copies a table in the database to an R data frame.");
    }

    @Test
    void aLabelIsQuotedWithTheLabelledValuesUnderIt() {
        String text = "4. Date on which the contract becomes effective and the duration of the contract:\n\n"
                + "Effective Date: 13 May 2013\n\nDuration: 15 Weeks\n\n5. Particulars of the project:\n\nParking machines";

        assertThat(quoted(text)).contains("Date on which the contract becomes effective and the duration of the contract:"
                + " Effective Date: 13 May 2013 Duration: 15 Weeks");
    }

    @Test
    void anOpenSentenceRunsIntoTheFirstSentenceOfALongNextLine() {
        String text = "The user file is the one pointed to by the environment variable R_ENVIRON_\n\n"
                + "USER if this is set; otherwise, files .Renviron in the current directory are searched for. "
                + "These files should contain lines of the form name=value, one a line, and many more words follow here "
                + "so that this line is far longer than any continuation that is quoted whole.";

        assertThat(quoted(text)).contains("The user file is the one pointed to by the environment variable R_ENVIRON_"
                + " USER if this is set; otherwise, files .Renviron in the current directory are searched for.");
    }
}
