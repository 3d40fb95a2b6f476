package dev.docflow.agent.answer;

import java.util.regex.Pattern;

/**
 * Which prose sentences could be quoted as an answer: not headings, labels or tables of contents.
 * {@link Quotables} cuts passages into sentences, lines and rows and asks this of each sentence.
 */
public final class QuotableSentences {
    /** Shorter "sentences" are labels or page furniture. */
    static final int MIN_WORDS = 4;
    /** Below this length, a line without closing punctuation is taken for a heading. */
    static final int MIN_WORDS_UNPUNCTUATED = 8;
    /** Table-of-contents leaders: "Fixed-width files . . . . 11". */
    private static final Pattern DOT_LEADERS = Pattern.compile("(\\. ?){4,}");
    private static final String CLOSING_PUNCTUATION = ".!?:;)\"'”";

    private QuotableSentences() {}

    /** Whether a sentence reads as a statement, not as a heading, a label or a table of contents. */
    static boolean quotable(String sentence) {
        int words = sentence.split(" ").length;
        if (words < MIN_WORDS || sentence.startsWith("#") || DOT_LEADERS.matcher(sentence).find()) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        return words >= MIN_WORDS_UNPUNCTUATED || CLOSING_PUNCTUATION.indexOf(last) >= 0;
    }
}
