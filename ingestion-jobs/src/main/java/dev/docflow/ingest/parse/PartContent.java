package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.tables.TableCaption;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one part of a document as it is read, block by block, before the parts are joined
 * into the document's text. Blocks are folded to single spaces (except code) and blank ones dropped.
 */
final class PartContent {
    /** A block as read; {@code rows} holds a table's cells. */
    record Draft(int page, BlockKind kind, int headingLevel, String text, List<List<String>> rows) {}

    private final ExtractionBudget budget;
    private final List<Draft> drafts = new ArrayList<>();
    private int pageCount;
    private String title = "";

    PartContent(ExtractionBudget budget) {
        this.budget = budget;
    }

    void add(CharSequence raw, int page, BlockKind kind, int headingLevel) {
        String text = kind == BlockKind.CODE ? stripBlankLines(raw) : foldWhitespace(raw);
        if (!text.isEmpty()) {
            budget.addChars(text.length());
            drafts.add(new Draft(page, kind, kind == BlockKind.HEADING ? headingLevel : 0, text, null));
        }
    }

    /** A table, its title rows (if any) first as a paragraph: see {@link TableCaption}. */
    void addTable(List<List<String>> rows, int page) {
        drafts.addAll(tableDrafts(rows, page, budget));
    }

    static List<Draft> tableDrafts(List<List<String>> rows, int page, ExtractionBudget budget) {
        List<Draft> out = new ArrayList<>(2);
        if (rows.stream().flatMap(List::stream).allMatch(String::isBlank)) {
            return out;
        }
        TableCaption.Split split = TableCaption.split(rows);
        if (!split.caption().isEmpty()) {
            String caption = foldWhitespace(String.join(" — ", split.caption()));
            budget.addChars(caption.length());
            out.add(new Draft(page, BlockKind.PARAGRAPH, 0, caption, null));
        }
        budget.addChars(split.rows().stream().flatMap(List::stream).mapToInt(String::length).sum());
        out.add(new Draft(page, BlockKind.TABLE, 0, null, List.copyOf(split.rows())));
        return out;
    }

    void pageStarted() {
        pageCount++;
        budget.addPages(1);
    }

    int pageCount() {
        return pageCount;
    }

    /** The title the part declares, as read (judged later by {@link DocumentTitle}); the first one set wins. */
    void declareTitle(String declared) {
        if (title.isEmpty() && declared != null && !declared.isBlank()) {
            title = declared.strip();
        }
    }

    String title() {
        return title;
    }

    List<Draft> drafts() {
        return drafts;
    }

    /** Replaces the drafts, e.g. once running headers are removed or OCR text is merged in. */
    void replaceDrafts(List<Draft> replacement) {
        List<Draft> copy = List.copyOf(replacement); // it may be the very list it replaces
        drafts.clear();
        drafts.addAll(copy);
    }

    static String foldWhitespace(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0000') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Code keeps its lines and indentation; only blank lines at either end go. */
    private static String stripBlankLines(CharSequence raw) {
        String text = raw.toString().replace('\u0000', ' ').replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n");
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return text.substring(start).stripTrailing();
    }
}
