package dev.docflow.agent.answer;

import dev.docflow.agent.citations.Passage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an extractive answer may quote from passages: prose sentences, single lines of a code, YAML
 * or configuration block, and table rows with their header row. A value a user asks for often sits
 * in a {@code key: value} line or a table cell, which a sentence splitter would glue into one long
 * run with its neighbours (single line breaks do not end a sentence, since PDF text is hard-wrapped),
 * so blocks that read as lines or as a table are cut by line instead.
 */
public final class Quotables {
    /** Where a quotable comes from, which decides how it was cut and how it is shown. */
    public enum Kind {
        SENTENCE,
        /** One line of a code, YAML or configuration block. */
        LINE,
        /** One body row of a Markdown table, shown under its header row. */
        ROW
    }

    /**
     * @param passage index of the passage it comes from
     * @param start offset in the passage's text of the sentence, line or row
     * @param text what is quoted: a sentence with whitespace collapsed, a line stripped, or a table's
     *     header row, a line break and the row
     */
    public record Quotable(int passage, int start, Kind kind, String text) {}

    private static final Pattern BLOCK_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("\\|?[\\s:|-]+\\|?");
    /** {@code key: value}, {@code key=value}, {@code - name: x}, {@code --flag}: a setting, not prose. */
    private static final Pattern SETTING = Pattern.compile("(?:- )?[\\w.\\-\"'$/\\[\\]]+\\s*(?::|=|:=)(?:\\s.*|\\S.*)?|--?\\w[\\w-]*.*");
    /** Code: assignments, calls, prompts, braces, statement ends, a command run from here ({@code ./configure …}). */
    private static final Pattern CODE = Pattern.compile(".*(?:<-|\\w\\(.*\\)|[{};]\\s*$|^[$>#%] |^\\./\\S).*");
    /** A short label, a colon and its value: {@code Effective Date: 13 May 2013}. */
    private static final Pattern LABELLED = Pattern.compile("[^:]{1,40}:\\s+\\S.*");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[\\p{L}\\p{N}]");
    /** {@code [9]} after a space or at the start, not after a name or a bracket ({@code x[3]}, {@code m[1][2]}). */
    private static final Pattern REFERENCE_MARK = Pattern.compile("\\s*(?<![\\w\\])\\[.])\\[\\d{1,3}]");
    private static final Pattern PARENT_KEY = Pattern.compile("(?:- )?[\\w.\\-\"']+:");
    private static final Pattern CLOSED = Pattern.compile("[.!?;)\"'”]$");
    /** A continuation longer than this is a paragraph of its own, quoted (or not) on its merits. */
    private static final int MAX_CONTINUATION_CHARS = 200;
    /** Settings lines a label ending in a colon is quoted with ("Effective Date: …", "Duration: …"). */
    private static final int MAX_SETTINGS_CONTINUED = 3;

    private Quotables() {}

    /** At most {@code limit} quotables, taking passages in order (best first), each text once. */
    public static List<Quotable> of(List<Passage> passages, int limit) {
        List<Quotable> quotables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < passages.size(); p++) {
            String text = passages.get(p).text();
            Matcher blockBreak = BLOCK_BREAK.matcher(text);
            int blockStart = 0;
            boolean more = true;
            while (more) {
                more = blockBreak.find();
                int blockEnd = more ? blockBreak.start() : text.length();
                for (Quotable quotable : ofBlock(p, text, blockStart, blockEnd)) {
                    if (quotables.size() == limit) {
                        return quotables;
                    }
                    if (seen.add(quotable.text())) {
                        quotables.add(quotable);
                    }
                }
                blockStart = more ? blockBreak.end() : blockStart;
            }
        }
        return quotables;
    }

    private record Line(int start, String text) {}

    private static List<Quotable> ofBlock(int passage, String text, int from, int to) {
        List<Line> lines = lines(text, from, to);
        if (lines.size() >= 2 && isTable(lines)) {
            return rows(passage, lines);
        }
        if (lines.size() >= 2 ? readsAsLines(lines) : lines.size() == 1 && readsAsOneLine(lines.get(0).text())) {
            List<Quotable> quotables = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = withoutReferenceMarks(lines.get(i).text());
                if (quotableLine(line)) {
                    // a label ("6. Value of the contract:"), not a YAML key whose children follow
                    String quoted = introduces(line) && line.contains(" ") && i + 1 < lines.size()
                            && !introduces(lines.get(i + 1).text())
                            ? line + " " + withoutReferenceMarks(lines.get(i + 1).text()) : line;
                    quotables.add(new Quotable(passage, lines.get(i).start(), Kind.LINE, quoted));
                }
            }
            return quotables;
        }
        List<Quotable> sentences = new ArrayList<>();
        String block = text.substring(from, to);
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(block);
        for (int i = 0; i < spans.size(); i++) {
            SentenceSplitter.Span span = spans.get(i);
            String sentence = withoutReferenceMarks(span.of(block).replaceAll("\\s+", " "));
            if (sentence.isEmpty()) {
                continue; // only reference marks ("[1] [2]"): nothing to quote
            }
            // a block that starts in lower case continues the one before, cut by a blank line (a page
            // break, a code line in mid-sentence: "> y <- x[-(1:5)]" "gives y all but the first five")
            String quoted = i == 0 && continues(sentence) ? withLineBefore(sentence, text, from) : sentence;
            if (QuotableSentences.quotable(quoted)) {
                // the last sentence of a block that is not closed ("we can use an unpaired t-test by")
                // runs on into what follows, usually the code it introduces
                boolean runsOn = i == spans.size() - 1 && !endsClosed(sentence);
                quoted = introduces(sentence) || runsOn ? withNextLine(quoted, text, from + span.end()) : quoted;
                sentences.add(new Quotable(passage, from + span.start(), Kind.SENTENCE, quoted));
            }
        }
        return sentences;
    }

    /**
     * A quote ending in a colon introduces its value ("6. Value of the contract:", "Date on which the
     * contract becomes effective and the duration of the contract:"), which sits on the next line:
     * quoted alone, the label answers nothing.
     */
    private static boolean introduces(String quote) {
        return quote.endsWith(":");
    }

    private static boolean endsClosed(String sentence) {
        return CLOSED.matcher(sentence).find();
    }

    /**
     * {@code quote} followed by what it runs into after {@code end} in {@code text}: the first
     * sentence of the next non-blank line, if short enough; when that line is a setting
     * ({@code Effective Date: 13 May 2013}), the settings lines right after it too, up to
     * {@link #MAX_SETTINGS_CONTINUED} ({@code Duration: 15 Weeks}): a label introduces them all.
     */
    private static String withNextLine(String quote, String text, int end) {
        StringBuilder quoted = new StringBuilder(quote);
        int taken = 0;
        int at = end;
        while (taken < MAX_SETTINGS_CONTINUED) {
            Line line = nextLine(text, at);
            // a next line that is itself a label or a YAML key ("operatorHealth:") holds no value
            if (line == null || TABLE_SEPARATOR.matcher(line.text()).matches() || introduces(line.text())
                    || (taken > 0 && !labelled(line.text()))) {
                break;
            }
            String continuation = firstSentence(line.text());
            if (quoted.length() + continuation.length() > quote.length() + MAX_CONTINUATION_CHARS) {
                break;
            }
            quoted.append(' ').append(withoutReferenceMarks(continuation));
            taken++;
            if (!labelled(line.text())) {
                break;
            }
            at = line.start() + line.text().length();
        }
        return quoted.toString();
    }

    /** The first non-blank line that starts after the line break following {@code end}, or null. */
    private static Line nextLine(String text, int end) {
        int lineEnd = text.indexOf('\n', end);
        while (lineEnd >= 0) {
            int next = text.indexOf('\n', lineEnd + 1);
            String line = text.substring(lineEnd + 1, next < 0 ? text.length() : next);
            if (!line.isBlank()) {
                return new Line(lineEnd + 1 + (line.length() - line.stripLeading().length()), line.strip());
            }
            lineEnd = next;
        }
        return null;
    }

    private static boolean labelled(String line) {
        return SETTING.matcher(line).matches() || LABELLED.matcher(line).matches();
    }

    private static String firstSentence(String line) {
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(line);
        return spans.isEmpty() ? line : line.substring(0, spans.get(0).end());
    }

    /** Whether a block's first sentence starts in lower case; one that was only reference marks is empty. */
    static boolean continues(String sentence) {
        return !sentence.isEmpty() && Character.isLowerCase(sentence.codePointAt(0));
    }

    /** The last non-blank line before {@code start} in front of {@code quote}, if there is one short enough. */
    private static String withLineBefore(String quote, String text, int start) {
        String before = text.substring(0, start).stripTrailing();
        if (before.isEmpty()) {
            return quote;
        }
        String line = before.substring(before.lastIndexOf('\n') + 1).strip();
        return line.length() <= MAX_CONTINUATION_CHARS && !TABLE_SEPARATOR.matcher(line).matches() && !line.startsWith("|")
                ? withoutReferenceMarks(line) + " " + quote : quote;
    }

    /**
     * Takes out a source's own reference marks ("published in 2001 [9].", R's output index "[1]"):
     * in an answer they would read as its citation markers, pointing at citations that do not exist.
     * An index in code ({@code x[3]}) stays.
     */
    static String withoutReferenceMarks(String quote) {
        return REFERENCE_MARK.matcher(quote).replaceAll("").strip();
    }

    /** Non-blank lines of {@code text[from, to)}, stripped, with their offsets. */
    private static List<Line> lines(String text, int from, int to) {
        List<Line> lines = new ArrayList<>();
        int start = from;
        while (start < to) {
            int end = text.indexOf('\n', start);
            if (end < 0 || end > to) {
                end = to;
            }
            String line = text.substring(start, end);
            if (!line.isBlank()) {
                int lead = 0;
                while (Character.isWhitespace(line.charAt(lead))) {
                    lead++;
                }
                lines.add(new Line(start + lead, line.strip()));
            }
            start = end + 1;
        }
        return lines;
    }

    private static boolean isTable(List<Line> lines) {
        return lines.stream().allMatch(line -> line.text().startsWith("|"));
    }

    /** The body rows, each under the header (the first row); separator rows are left out. */
    private static List<Quotable> rows(int passage, List<Line> lines) {
        String header = lines.get(0).text();
        List<Quotable> rows = new ArrayList<>();
        for (Line row : lines.subList(1, lines.size())) {
            if (!TABLE_SEPARATOR.matcher(row.text()).matches() && ALPHANUMERIC.matcher(row.text()).find()) {
                rows.add(new Quotable(passage, row.start(), Kind.ROW, header + "\n" + row.text()));
            }
        }
        return rows;
    }

    /**
     * Whether a block is code or configuration rather than hard-wrapped prose: at least half of its
     * lines are settings or code, which wrapped prose lines hardly ever are.
     */
    static boolean readsAsLines(List<Line> lines) {
        long codeLike = lines.stream().filter(line -> readsAsCode(line.text())).count();
        return codeLike * 2 >= lines.size();
    }

    /**
     * A block of one line is a line of code or configuration, not prose, when it reads as code and
     * holds no sentence break: {@code KUBERNETES_DISABLE_HOSTNAME_VERIFICATION=true},
     * {@code ./configure --with-blas="$MKL"} between prose paragraphs. Else, too short to read as a
     * sentence, the value it holds could never be quoted.
     */
    static boolean readsAsOneLine(String line) {
        return readsAsCode(line) && SentenceSplitter.split(line).size() <= 1;
    }

    static boolean readsAsCode(String line) {
        return SETTING.matcher(line).matches() || CODE.matcher(line).matches();
    }

    /**
     * A line worth quoting holds something besides punctuation (not a lone brace or fence) and a
     * value: a YAML key alone ({@code operatorHealth:}) only names the lines under it.
     */
    private static boolean quotableLine(String line) {
        return line.length() >= 3 && ALPHANUMERIC.matcher(line).results().count() >= 2 && !PARENT_KEY.matcher(line).matches();
    }

    /** For tests: the lines of a whole text. */
    static boolean readsAsLines(String block) {
        return readsAsLines(lines(block, 0, block.length()));
    }
}
