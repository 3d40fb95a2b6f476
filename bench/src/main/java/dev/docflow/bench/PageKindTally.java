package dev.docflow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cell scores of several extractors over the same pages, summed per set of documents and per
 * {@link PageKind} within each set. A page is added once, with every extractor's score on it, so
 * all extractors are summed over exactly the same pages.
 */
final class PageKindTally {
    private record Key(String set, PageKind kind, String extractor) {}

    private final Map<Key, CellMatch.Score> scores = new HashMap<>();
    private final Map<Key, Integer> pages = new HashMap<>();

    /** One page of the documents of {@code sets} (a document counts in its set and in "all", say). */
    void add(List<String> sets, PageKind kind, Map<String, CellMatch.Score> byExtractor) {
        for (String set : sets) {
            pages.merge(new Key(set, kind, null), 1, Integer::sum);
            pages.merge(new Key(set, null, null), 1, Integer::sum);
            byExtractor.forEach((extractor, score) -> {
                scores.merge(new Key(set, kind, extractor), score, CellMatch.Score::plus);
                scores.merge(new Key(set, null, extractor), score, CellMatch.Score::plus);
            });
        }
    }

    /** {@code extractor}'s cells over every page of {@code set}. */
    CellMatch.Score score(String set, String extractor) {
        return scores.getOrDefault(new Key(set, null, extractor), CellMatch.Score.NONE);
    }

    /** {@code extractor}'s cells over the pages of {@code set} that are of {@code kind}. */
    CellMatch.Score score(String set, PageKind kind, String extractor) {
        return scores.getOrDefault(new Key(set, kind, extractor), CellMatch.Score.NONE);
    }

    int pages(String set) {
        return pages.getOrDefault(new Key(set, null, null), 0);
    }

    int pages(String set, PageKind kind) {
        return pages.getOrDefault(new Key(set, kind, null), 0);
    }
}
