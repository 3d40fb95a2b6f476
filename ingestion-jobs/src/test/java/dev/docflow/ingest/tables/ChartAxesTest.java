package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartAxesTest {
    @Test
    void ticksDownAnAxisAmongScatteredLabelsAreAChart() {
        // us-023 page 3: two y-axes of a line chart and the labels of its lines
        List<List<String>> rows = List.of(
                List.of("7,400", "", "0.12"),
                List.of("", "Premature mortality (years of potential life lost", ""),
                List.of("", "before age 75 yrs/100,000 population)", ""),
                List.of("7,300", "", "0.11"),
                List.of("", "Between-state income inequality (Gini index)", ""),
                List.of("", "Between-state inequality in premature", ""),
                List.of("7,200", "mortality (Gini index)", "0.10"));

        assertThat(ChartAxes.matches(rows)).isTrue();
    }

    @Test
    void aTableOfYearsFillsItsRows() {
        List<List<String>> rows = List.of(
                List.of("Year", "Total", "Public", "Private"),
                List.of("1996", "3,051", "2,667", "384"),
                List.of("1997", "3,138", "2,746", "391"),
                List.of("1998", "3,230", "2,830", "400"));

        assertThat(ChartAxes.matches(rows)).isFalse();
    }

    @Test
    void aSparseTableWithoutEvenlySpacedFiguresIsNoChart() {
        List<List<String>> rows = List.of(
                List.of("Stationary:", "", ""),
                List.of("Major", "12", ""),
                List.of("", "", "40"),
                List.of("Area", "7", ""),
                List.of("", "", "3"));

        assertThat(ChartAxes.matches(rows)).isFalse();
    }

    @Test
    void ticksAreThreeOrMoreFiguresAStepApart() {
        assertThat(ChartAxes.evenlySpaced(List.of(0.880, 0.875, 0.870))).isTrue();
        assertThat(ChartAxes.evenlySpaced(List.of(0.0, 10.0, 20.0, 30.0))).isTrue();
        assertThat(ChartAxes.evenlySpaced(List.of(2001.0, 2005.0, 2010.0))).isFalse();
        assertThat(ChartAxes.evenlySpaced(List.of(5.0, 5.0, 5.0))).isFalse();
        assertThat(ChartAxes.evenlySpaced(List.of(12000.0, 10000.0))).isFalse();
        assertThat(ChartAxes.value("40%")).hasValue(40.0);
        assertThat(ChartAxes.value("7,400")).hasValue(7400.0);
        assertThat(ChartAxes.value("(n)")).isEmpty();
    }
}
