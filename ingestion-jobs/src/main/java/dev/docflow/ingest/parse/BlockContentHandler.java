package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into blocks: one per paragraph, heading, list item, preformatted run and
 * table, each tagged with its page ({@code <div class="page">}, which Tika emits per PDF page).
 * Tables are kept cell by cell. The document head and the navigation of web pages are skipped:
 * their text is not the document's, unless it is all the text there is (a slide deck whose words
 * are all on its master).
 */
final class BlockContentHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "pre", "blockquote", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "dl", "section", "article", "header", "main", "body", "caption", "figure", "figcaption");

    private static final int SKIPPED_TEXT_KEPT = 100_000;

    private final PartContent content;
    private final ExtractionBudget budget;
    private final boolean paged;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder skippedText = new StringBuilder();
    private boolean wroteText;
    private int page;
    private int headDepth;
    private int skipDepth;
    private int headingLevel;
    private int preDepth;
    private int listItemDepth;
    private TableReader table;

    BlockContentHandler(PartContent content, ExtractionBudget budget, boolean paged) {
        this.content = content;
        this.budget = budget;
        this.paged = paged;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        budget.checkTime();
        String name = localName.isEmpty() ? qName : localName;
        if (skipDepth > 0) {
            skipDepth++;
            return;
        }
        if (name.equals("head")) {
            headDepth++;
            return;
        }
        if (BoilerplateHtml.isNavigation(name, attributes)) {
            flush();
            skipDepth = 1;
            return;
        }
        if (table != null) {
            table.start(name);
            return;
        }
        if (name.equals("table")) {
            flush();
            table = new TableReader();
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
        }
        if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            content.pageStarted();
            page = paged ? content.pageCount() : 0;
        } else if (isHeading(name)) {
            headingLevel = name.charAt(1) - '0';
        } else if (name.equals("pre")) {
            preDepth++;
        } else if (name.equals("li")) {
            listItemDepth++;
        } else if (name.equals("br")) {
            pending.append(preDepth > 0 ? '\n' : ' ');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (name.equals("head")) {
            headDepth--;
            return;
        }
        if (table != null) {
            if (table.end(name)) {
                emitTable(table.rows());
                table = null;
            }
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
            if (isHeading(name)) {
                headingLevel = 0;
            } else if (name.equals("pre")) {
                preDepth--;
            } else if (name.equals("li")) {
                listItemDepth--;
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (headDepth > 0) {
            return;
        }
        if (skipDepth > 0) {
            if (skippedText.length() < SKIPPED_TEXT_KEPT) {
                skippedText.append(ch, start, length).append(' ');
            }
            return;
        }
        if (table != null) {
            table.text(ch, start, length);
        } else {
            pending.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void endDocument() {
        if (table != null) {
            emitTable(table.rows());
            table = null;
        }
        flush();
        if (!wroteText && !skippedText.isEmpty()) {
            content.add(skippedText, page, BlockKind.PARAGRAPH, 0);
        }
    }

    private void flush() {
        if (pending.length() > 0) {
            wroteText |= !pending.toString().isBlank();
            content.add(pending, page, kind(), headingLevel);
            pending.setLength(0);
        }
    }

    private BlockKind kind() {
        if (headingLevel > 0) {
            return BlockKind.HEADING;
        }
        if (preDepth > 0) {
            return BlockKind.CODE;
        }
        return listItemDepth > 0 ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH;
    }

    /** A table of one column (or one row) is text laid out in a grid, not data: it stays text. */
    private void emitTable(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        wroteText |= !rows.isEmpty();
        if (rows.size() >= 2 && columns >= 2) {
            content.addTable(rows, page);
            return;
        }
        for (List<String> row : rows) {
            content.add(String.join(" ", row), page, BlockKind.PARAGRAPH, 0);
        }
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    /** Collects a table's cells; a table nested in a cell adds its text to that cell. */
    private static final class TableReader {
        private final List<List<String>> rows = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private List<String> row;
        private int depth = 1;
        private boolean inCell;

        void start(String name) {
            if (name.equals("table")) {
                depth++;
            } else if (depth == 1 && name.equals("tr")) {
                endRow();
                row = new ArrayList<>();
            } else if (depth == 1 && (name.equals("td") || name.equals("th"))) {
                endCell();
                inCell = true;
            } else if (inCell) {
                cell.append(' ');
            }
        }

        /** @return whether the table itself ended */
        boolean end(String name) {
            if (name.equals("table")) {
                if (--depth == 0) {
                    endRow();
                    return true;
                }
            } else if (depth == 1 && (name.equals("td") || name.equals("th"))) {
                endCell();
            } else if (depth == 1 && name.equals("tr")) {
                endRow();
            } else if (inCell) {
                cell.append(' ');
            }
            return false;
        }

        void text(char[] ch, int start, int length) {
            if (inCell) {
                cell.append(ch, start, length);
            }
        }

        List<List<String>> rows() {
            endRow();
            return rows;
        }

        private void endCell() {
            if (inCell) {
                if (row == null) {
                    row = new ArrayList<>();
                }
                row.add(PartContent.foldWhitespace(cell));
                cell.setLength(0);
                inCell = false;
            }
        }

        private void endRow() {
            endCell();
            if (row != null && row.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(row);
            }
            row = null;
        }
    }
}
