package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.bench.PageSample.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageSampleTest {
    @Test
    void pagesAreSpreadOverEveryDocumentInProportionToItsLength() {
        List<Page> candidates = new ArrayList<>();
        candidates.addAll(pages("short.pdf", 10));
        candidates.addAll(pages("long.pdf", 30));

        List<Page> sample = PageSample.evenly(candidates, 8);

        assertThat(sample).hasSize(8).doesNotHaveDuplicates();
        assertThat(sample.stream().filter(p -> p.pdf().endsWith("short.pdf"))).hasSize(2);
        assertThat(sample.get(0)).isEqualTo(new Page(Path.of("short.pdf"), 3));
        assertThat(sample.get(7)).isEqualTo(new Page(Path.of("long.pdf"), 28));
    }

    @Test
    void fewerCandidatesThanAskedAreAllTaken() {
        assertThat(PageSample.evenly(pages("a.pdf", 3), 40)).isEqualTo(pages("a.pdf", 3));
    }

    private static List<Page> pages(String pdf, int count) {
        List<Page> pages = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            pages.add(new Page(Path.of(pdf), page));
        }
        return pages;
    }
}
