package dev.docflow.agent.answer;

import dev.docflow.agent.citations.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sentences of passages that could be quoted as an answer: not headings, labels or tables of
 * contents, each once. Whitespace is collapsed (PDF text is hard-wrapped); offsets stay exact.
 */
public final class QuotableSentences {
    /** Shorter "sentences" are labels or page furniture. */
    static final int MIN_WORDS = 4;
    /** Below this length, a line without closing punctuation is taken for a heading. */
    static final int MIN_WORDS_UNPUNCTUATED = 8;
    /** Table-of-contents leaders: "Fixed-width files . . . . 11". */
    private static final Pattern DOT_LEADERS = Pattern.compile("(\\. ?){4,}");
    private static final String CLOSING_PUNCTUATION = ".!?:;)\"'”";

    /**
     * @param passage index of the passage it comes from
     * @param start its offset in the passage's text
     * @param text the sentence with whitespace runs collapsed to single spaces
     */
    public record Sentence(int passage, int start, String text) {}

    private QuotableSentences() {}

    /** At most {@code limit} sentences, taking passages in order (best first). */
    public static List<Sentence> of(List<Passage> passages, int limit) {
        List<Sentence> sentences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < passages.size(); p++) {
            String text = passages.get(p).text();
            for (SentenceSplitter.Span span : SentenceSplitter.split(text)) {
                if (sentences.size() == limit) {
                    return sentences;
                }
                String sentence = span.of(text).replaceAll("\\s+", " ");
                if (quotable(sentence) && seen.add(sentence)) {
                    sentences.add(new Sentence(p, span.start(), sentence));
                }
            }
        }
        return sentences;
    }

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
