package dev.docflow.connectors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnglishTextAnalyzerTest {
    private final EnglishTextAnalyzer english = new EnglishTextAnalyzer();

    @AfterEach
    void close() {
        english.close();
    }

    @Test
    void proseIsStemmedWithoutStopWords() {
        assertThat(english.analyze("The parallel jobs are running")).isEqualTo("parallel job run");
    }

    @Test
    void identifiersAreKeptWholeAndSplitIntoTheirWords() {
        assertThat(terms("Query pg_stat_activity for it")).contains("pg_stat_act", "pg", "stat", "activ");
        assertThat(terms("set maxParallelism")).contains("maxparallel", "max", "parallel");
        assertThat(terms("call read.csv on it")).contains("read.csv", "read", "csv");
        assertThat(terms("kubernetes.operator.reconcile.interval")).contains("kubernetes.operator.reconcile.interv",
                "kubernet", "oper", "reconcil", "interv");
    }

    @Test
    void digitsStayWithTheirLettersAndPossessivesGo() {
        assertThat(terms("work_mem is 4MB in utf8 and the server's log")).contains("work_mem", "work", "mem", "4mb", "utf8", "server")
                .doesNotContain("s", "4", "mb", "8");
    }

    private java.util.List<String> terms(String text) {
        return Arrays.asList(english.analyze(text).split(" "));
    }
}
