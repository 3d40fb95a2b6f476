package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes running headers and footers: short lines at the top or bottom of a page that repeat,
 * up to their page numbers, on many pages ("R Data Import/Export   19"). Left in, they would be
 * indexed once per page and pull every page into searches for the manual's title.
 */
final class RunningHeaders {
    static final int MAX_LENGTH = 120;
    /** Lines this close to a page's edge (in blocks) are where headers and footers sit. */
    private static final int EDGE = 2;

    private RunningHeaders() {}

    static List<PartContent.Draft> remove(List<PartContent.Draft> drafts, int pageCount) {
        if (pageCount < 4) {
            return drafts;
        }
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            byPage.computeIfAbsent(drafts.get(i).page(), unused -> new ArrayList<>()).add(i);
        }
        Map<String, Set<Integer>> pagesOfLine = new HashMap<>();
        Set<Integer> edgeIndexes = new HashSet<>();
        for (Map.Entry<Integer, List<Integer>> page : byPage.entrySet()) {
            if (page.getKey() == 0) {
                continue;
            }
            List<Integer> indexes = page.getValue();
            if (indexes.size() <= EDGE) {
                continue; // a page of a line or two: those lines are its content, not its header
            }
            for (int k = 0; k < indexes.size(); k++) {
                if (k < EDGE || k >= indexes.size() - EDGE) {
                    int index = indexes.get(k);
                    String key = key(drafts.get(index));
                    if (key != null) {
                        edgeIndexes.add(index);
                        pagesOfLine.computeIfAbsent(key, unused -> new HashSet<>()).add(page.getKey());
                    }
                }
            }
        }
        int threshold = Math.max(3, pageCount / 4);
        List<PartContent.Draft> kept = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            PartContent.Draft draft = drafts.get(i);
            boolean running = edgeIndexes.contains(i) && pagesOfLine.get(key(draft)).size() >= threshold;
            if (!running) {
                kept.add(draft);
            }
        }
        return kept;
    }

    /** The line with its numbers blanked out, or null when the block cannot be a running line. */
    private static String key(PartContent.Draft draft) {
        if (draft.kind() == BlockKind.TABLE || draft.kind() == BlockKind.CODE || draft.text().length() > MAX_LENGTH) {
            return null;
        }
        return draft.text().toLowerCase(Locale.ROOT).replaceAll("\\b[ivxlc]+\\b|\\d+", "#").replaceAll("\\s+", " ");
    }
}
