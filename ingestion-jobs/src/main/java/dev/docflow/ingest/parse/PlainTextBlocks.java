package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text and Markdown, which Tika hands over as one undivided run, into paragraphs
 * (separated by blank lines), ATX headings ({@code # Title}), list items and fenced code, so they
 * chunk like structured documents do. Markdown's front matter, comments and shortcodes are left out
 * first ({@link MarkdownMarkup}); its title is the front matter's, else the first heading's.
 */
final class PlainTextBlocks {
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+.*");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");

    private PlainTextBlocks() {}

    static void addTo(PartContent content, String raw, boolean markdown) {
        if (!markdown) {
            for (String paragraph : PARAGRAPHS.split(raw)) {
                content.add(paragraph, 0, BlockKind.PARAGRAPH, 0);
            }
            return;
        }
        MarkdownMarkup.Stripped page = MarkdownMarkup.strip(raw);
        content.declareTitle(page.title());
        StringBuilder body = new StringBuilder();
        BlockKind bodyKind = BlockKind.PARAGRAPH;
        boolean inFence = false;
        for (String line : page.text().split("\\R", -1)) {
            if (inFence) {
                if (FENCE.matcher(line).matches()) {
                    content.add(body, 0, BlockKind.CODE, 0);
                    body.setLength(0);
                    inFence = false;
                } else {
                    body.append(line).append('\n');
                }
                continue;
            }
            Matcher heading = HEADING.matcher(line.strip());
            if (FENCE.matcher(line).matches()) {
                content.add(body, 0, bodyKind, 0);
                body.setLength(0);
                inFence = true;
            } else if (heading.matches()) {
                content.add(body, 0, bodyKind, 0);
                body.setLength(0);
                content.add(heading.group(2), 0, BlockKind.HEADING, heading.group(1).length());
                content.declareTitle(heading.group(2));
            } else if (line.isBlank()) {
                content.add(body, 0, bodyKind, 0);
                body.setLength(0);
                bodyKind = BlockKind.PARAGRAPH;
            } else if (LIST_ITEM.matcher(line).matches()) {
                content.add(body, 0, bodyKind, 0);
                body.setLength(0);
                body.append(line).append('\n');
                bodyKind = BlockKind.LIST_ITEM;
            } else {
                body.append(line).append('\n');
            }
        }
        content.add(body, 0, inFence ? BlockKind.CODE : bodyKind, 0);
    }
}
