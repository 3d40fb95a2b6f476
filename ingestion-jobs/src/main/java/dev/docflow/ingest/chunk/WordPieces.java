package dev.docflow.ingest.chunk;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

/**
 * The word pieces of one text, tokenized once, answering the count of any range of it.
 *
 * <p>BERT's tokenizer cuts the text into words at white space and punctuation, then each word into
 * pieces on its own; so a range that starts and ends between words holds exactly the pieces that
 * lie inside it, and its count is theirs. A range that cuts a word (a long word cut by characters,
 * an accent cut from its letter, two halves of a word joined by a zero-width space) would be
 * tokenized differently alone, and is: such ranges are counted afresh.
 */
final class WordPieces implements TokenCounter.RangeCounts {
    private final String text;
    private final TokenCounter cutWords;
    /** Each piece's range in {@code text}, in order. */
    private final int[] starts;
    private final int[] ends;
    /** The word each piece belongs to. */
    private final long[] words;

    WordPieces(String text, Encoding encoding, TokenCounter cutWords) {
        this.text = text;
        this.cutWords = cutWords;
        CharSpan[] spans = encoding.getCharTokenSpans();
        words = encoding.getWordIds();
        starts = new int[spans.length];
        ends = new int[spans.length];
        int[] chars = charOffsets(text);
        for (int i = 0; i < spans.length; i++) {
            starts[i] = chars[spans[i].getStart()];
            ends[i] = chars[spans[i].getEnd()];
        }
    }

    /** The String offset of each code point: the tokenizer's offsets count code points, a String's UTF-16 chars. */
    private static int[] charOffsets(String text) {
        int[] chars = new int[text.codePointCount(0, text.length()) + 1];
        for (int point = 0, offset = 0; point < chars.length; point++) {
            chars[point] = offset;
            offset = offset < text.length() ? text.offsetByCodePoints(offset, 1) : offset;
        }
        return chars;
    }

    @Override
    public int count(int start, int end) {
        if (!betweenWords(start) || !betweenWords(end)) {
            return cutWords.count(text.substring(start, end));
        }
        return firstFrom(end) - firstFrom(start);
    }

    /** Whether {@code position} splits no piece and no word. */
    private boolean betweenWords(int position) {
        int next = firstFrom(position);
        if (next == 0) {
            return true;
        }
        return ends[next - 1] <= position && (next == starts.length || words[next - 1] != words[next]);
    }

    /** The first piece starting at or after {@code position}. */
    private int firstFrom(int position) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
