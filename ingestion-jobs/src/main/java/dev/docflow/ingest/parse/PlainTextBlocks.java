package dev.docflow.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits plain text and Markdown, which Tika hands over as one undivided run, into paragraphs
 * (separated by blank lines) and ATX headings ({@code # Title}), so they chunk like structured
 * documents do.
 */
final class PlainTextBlocks {
    private static final Pattern PARAGRAPHS = Pattern.compile("\\R\\s*\\R");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    private PlainTextBlocks() {}

    static void addTo(ExtractedTextBuilder text, String raw, boolean markdown) {
        for (String paragraph : PARAGRAPHS.split(raw)) {
            if (!markdown) {
                text.addBlock(paragraph, 0, 0);
                continue;
            }
            StringBuilder body = new StringBuilder();
            for (String line : paragraph.split("\\R")) {
                Matcher heading = HEADING.matcher(line.strip());
                if (heading.matches()) {
                    text.addBlock(body, 0, 0);
                    body.setLength(0);
                    text.addBlock(heading.group(2), 0, heading.group(1).length());
                } else {
                    body.append(line).append('\n');
                }
            }
            text.addBlock(body, 0, 0);
        }
    }
}
