package dev.docflow.agent.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a passage into sentences by offsets, so a quoted sentence is exactly the document's text.
 * Blank lines end a sentence (headings, list items, table rows); single line breaks do not (PDF text
 * is hard-wrapped). A break after a common abbreviation such as "e.g.", or one inside a name, is undone.
 */
public final class SentenceSplitter {
    /** A sentence's range in the text it was split from. */
    public record Span(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private static final Pattern BLOCK_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Set<String> ABBREVIATIONS =
            Set.of("e.g.", "i.e.", "etc.", "cf.", "vs.", "fig.", "no.", "dr.", "mr.", "mrs.", "ms.", "approx.");

    private SentenceSplitter() {}

    /** Non-blank sentences of {@code text}, trimmed of surrounding whitespace, in order. */
    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher blockBreak = BLOCK_BREAK.matcher(text);
        int blockStart = 0;
        while (blockBreak.find()) {
            splitBlock(text, blockStart, blockBreak.start(), spans);
            blockStart = blockBreak.end();
        }
        splitBlock(text, blockStart, text.length(), spans);
        return spans;
    }

    private static void splitBlock(String text, int from, int to, List<Span> spans) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text.substring(from, to));
        int start = 0;
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            if (end < to - from && (endsWithAbbreviation(text.substring(from + start, from + end))
                    || insideAToken(text, from + end))) {
                continue;
            }
            add(text, from + start, from + end, spans);
            start = end;
        }
    }

    /**
     * A break with no white space on either side cuts a name in two: R's {@code .__C__classname},
     * {@code file.ext}. A sentence ends before white space or at the end of its block.
     */
    private static boolean insideAToken(String text, int at) {
        return !Character.isWhitespace(text.charAt(at - 1)) && !Character.isWhitespace(text.charAt(at));
    }

    private static boolean endsWithAbbreviation(String sentence) {
        String trimmed = sentence.strip();
        int space = trimmed.lastIndexOf(' ');
        String lastWord = trimmed.substring(space + 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(lastWord);
    }

    private static void add(String text, int start, int end, List<Span> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new Span(start, end));
        }
    }
}
