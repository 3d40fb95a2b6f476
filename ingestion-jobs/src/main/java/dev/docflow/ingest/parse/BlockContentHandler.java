package dev.docflow.ingest.parse;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into blocks: one per paragraph, heading, list item, table row…, each tagged
 * with its page ({@code <div class="page">}, which Tika emits per PDF page) and heading level.
 * The document head (title, meta) is skipped: its text is not the document's.
 */
final class BlockContentHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "pre", "blockquote", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "section", "article", "body");

    private final ExtractedTextBuilder text;
    private final StringBuilder pending = new StringBuilder();
    private int page;
    private int pages;
    private int headDepth;
    private int headingLevel;

    BlockContentHandler(ExtractedTextBuilder text) {
        this.text = text;
    }

    int pageCount() {
        return pages;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) {
            headDepth++;
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
        }
        if (name.equals("div") && "page".equals(attributes.getValue("class"))) {
            pages++;
            page = pages;
        } else if (isHeading(name)) {
            headingLevel = name.charAt(1) - '0';
        } else if (name.equals("td") || name.equals("th")) {
            if (pending.length() > 0) {
                pending.append(" | ");
            }
        } else if (name.equals("br")) {
            pending.append(' ');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) {
            headDepth--;
            return;
        }
        if (BLOCKS.contains(name)) {
            flush();
            if (isHeading(name)) {
                headingLevel = 0;
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (headDepth == 0) {
            pending.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void endDocument() {
        flush();
    }

    private void flush() {
        if (pending.length() > 0) {
            text.addBlock(pending, page, headingLevel);
            pending.setLength(0);
        }
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }
}
