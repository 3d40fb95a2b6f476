package dev.docflow.connectors.contract;

import java.nio.charset.StandardCharsets;

/**
 * The longest value a keyword field of the chunk index holds. Lucene refuses a term over 32,766
 * UTF-8 bytes, and Elasticsearch then rejects the whole document ("immense term"): a ZIP entry
 * named with 40,000 characters did that to {@code part_path}. Writers cut values to
 * {@link #MAX_BYTES} with {@link #cut}; the mapping's {@code ignore_above} of
 * {@link #IGNORE_ABOVE_CHARS} is the second guard for any writer that does not.
 *
 * <p>Why {@value #MAX_BYTES} bytes: keyword values are names and labels, used as filters and shown
 * in citations. A file name is at most 255 bytes on common file systems, and a part path at the
 * deepest nesting allowed ({@code parse.max-embedded-depth} 5) is about 5 × 255 bytes plus
 * separators, under 1.3 KB: the bound never cuts a real value, and keeps each keyword's doc values
 * small. Identifiers (tenant, knowledge base, document and chunk ids) are bounded far below it by
 * the service, so cutting never changes them in practice.
 */
public final class KeywordBound {
    /** The most UTF-8 bytes a keyword value is sent with, the ellipsis included. */
    public static final int MAX_BYTES = 2_048;
    /**
     * The mapping's {@code ignore_above}, which counts UTF-16 characters, not bytes: a character
     * takes at most 4 UTF-8 bytes, so 32,766 / 4 keeps any value it lets through under Lucene's
     * limit. {@link #MAX_BYTES} bytes are at most as many characters, so what we send is never
     * ignored.
     */
    public static final int IGNORE_ABOVE_CHARS = 8_191;
    /** Marks a cut value, so a reader sees it is not the whole name. */
    static final String ELLIPSIS = "…";

    private KeywordBound() {}

    /**
     * {@code value} when it fits in {@link #MAX_BYTES} UTF-8 bytes; otherwise its longest prefix of
     * whole code points that fits with {@link #ELLIPSIS} after it (a surrogate pair is never split).
     * Null stays null.
     */
    public static String cut(String value) {
        if (value == null || value.length() <= MAX_BYTES / 3 || utf8Length(value) <= MAX_BYTES) {
            // a UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair 4 for 2 units)
            return value;
        }
        int budget = MAX_BYTES - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int codePoint = value.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return value.substring(0, end) + ELLIPSIS;
    }

    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            bytes += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** An unpaired surrogate is written by Java's encoder as one byte ('?'), counted here as 3: never under. */
    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
