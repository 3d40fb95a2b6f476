package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.TextBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates a document's text block by block, separating blocks by a blank line and recording
 * each block's offsets, so that every later offset points into exactly the text that is stored.
 */
final class ExtractedTextBuilder {
    static final String BLOCK_SEPARATOR = "\n\n";

    private final StringBuilder text = new StringBuilder();
    private final List<TextBlock> blocks = new ArrayList<>();
    private final long maxChars;

    ExtractedTextBuilder(long maxChars) {
        this.maxChars = maxChars;
    }

    /** Adds a block unless it is blank; whitespace inside it is folded to single spaces. */
    void addBlock(CharSequence raw, int page, int headingLevel) {
        String block = foldWhitespace(raw);
        if (block.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append(BLOCK_SEPARATOR);
        }
        if (text.length() + block.length() > maxChars) {
            throw new TextLimitExceededException(maxChars);
        }
        int start = text.length();
        text.append(block);
        blocks.add(new TextBlock(page, headingLevel, start, text.length()));
    }

    String text() {
        return text.toString();
    }

    TextBlock[] blocks() {
        return blocks.toArray(new TextBlock[0]);
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

    /** The document's text passed the configured limit. */
    static final class TextLimitExceededException extends RuntimeException {
        TextLimitExceededException(long maxChars) {
            super("extracted text exceeds the limit of " + maxChars + " characters");
        }
    }
}
