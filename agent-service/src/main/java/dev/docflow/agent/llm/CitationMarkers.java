package dev.docflow.agent.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's {@code [n]} markers ({@code [1]}, {@code [1, 2]}, {@code [1][2]}) against the
 * passages it was given, while the answer streams: a number with no such passage is removed from
 * the text and reported as a warning, so a reader is never pointed at a citation that does not exist.
 *
 * <p>Text is passed on as soon as it cannot be part of a marker: only a possible marker still open
 * ({@code [}, {@code [1}, {@code [1, }) is held back, with the whitespace just before it (so that a
 * removed marker takes its leading space along: "saves it [7]." becomes "saves it."). Whatever goes
 * in comes out in the same order; joined, the pieces {@link #accept} and {@link #finish} return are
 * {@link #text()}.
 *
 * <p>One instance per answer; not thread-safe.
 */
public final class CitationMarkers {
    /** A bracket holding more than this many characters is text, not a marker: bounds what is held back. */
    static final int MAX_MARKER_CHARS = 64;
    /** More digits than this is no passage number (and would not fit an int). */
    private static final int MAX_NUMBER_DIGITS = 6;
    private static final Pattern MARKER_BODY = Pattern.compile("\\s*\\d+(\\s*,\\s*\\d+)*\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final int passages;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder heldSpace = new StringBuilder();
    private final StringBuilder heldMarker = new StringBuilder();
    private final SortedSet<Integer> cited = new TreeSet<>();
    private final Set<String> removed = new LinkedHashSet<>();
    /** A marker was just removed: the space before it waits for what follows to decide its fate. */
    private boolean afterRemoved;
    private boolean finished;

    /** @param passages how many passages the model was given: valid markers are 1..passages */
    public CitationMarkers(int passages) {
        this.passages = passages;
    }

    /** The whole answer checked at once: what {@link #accept} and {@link #finish} make of it. */
    public static CitationMarkers check(String answer, int passages) {
        CitationMarkers markers = new CitationMarkers(passages);
        markers.accept(answer);
        markers.finish();
        return markers;
    }

    /** @return the part of the text so far that is settled (possibly empty) */
    public String accept(String delta) {
        if (finished) {
            throw new IllegalStateException("the answer is finished");
        }
        for (int i = 0; i < delta.length(); i++) {
            take(delta.charAt(i));
        }
        return drain();
    }

    /** Ends the answer: a marker left open is text after all. @return the rest of the text */
    public String finish() {
        if (!finished) {
            finished = true;
            if (afterRemoved) {
                heldSpace.setLength(0); // "it reads it [7]" ends "it reads it"
            }
            releaseHeld();
            emit(heldSpace);
        }
        return drain();
    }

    /** The checked text passed on so far (all of it after {@link #finish}). */
    public String text() {
        return text.toString();
    }

    /** The passage numbers the valid markers cite, ascending. */
    public SortedSet<Integer> cited() {
        return new TreeSet<>(cited);
    }

    /**
     * What was corrected, for {@code CitedAnswer.warnings}: each removed number once, in order of
     * appearance, and (after {@link #finish}) that the answer cites no passage when it cites none.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        String given = "the answer was given " + passages + (passages == 1 ? " passage" : " passages");
        for (String number : removed) {
            warnings.add("removed citation [" + number + "]: " + given);
        }
        if (finished && cited.isEmpty()) {
            warnings.add("the answer cites no passage");
        }
        return warnings;
    }

    private void take(char c) {
        if (afterRemoved) {
            afterRemoved = false;
            if (c == '[') {
                heldMarker.append(c); // "[7][2]": the space goes to the next marker
                return;
            }
            if (Character.isWhitespace(c) || ".,;:!?)".indexOf(c) >= 0) {
                heldSpace.setLength(0); // "it [7]. Then" and "it [7] then": one space, none before the stop
            }
        }
        if (heldMarker.length() > 0) {
            if (c == ']') {
                heldMarker.append(c);
                resolveMarker();
                return;
            }
            if ((Character.isDigit(c) || c == ',' || c == ' ') && heldMarker.length() < MAX_MARKER_CHARS) {
                heldMarker.append(c);
                return;
            }
            releaseHeld(); // not a marker: it was text, and c starts afresh
        }
        if (c == '[') {
            heldMarker.append(c);
        } else if (Character.isWhitespace(c)) {
            heldSpace.append(c);
        } else {
            emit(heldSpace);
            out.append(c);
        }
    }

    /** {@code heldMarker} is {@code [...]}: keep it, rewrite it without its bad numbers, or drop it. */
    private void resolveMarker() {
        String marker = heldMarker.toString();
        String body = marker.substring(1, marker.length() - 1);
        if (!MARKER_BODY.matcher(body).matches()) {
            releaseHeld();
            return;
        }
        List<String> valid = new ArrayList<>();
        Matcher numbers = NUMBER.matcher(body);
        while (numbers.find()) {
            String number = numbers.group();
            int n = number.length() > MAX_NUMBER_DIGITS ? -1 : Integer.parseInt(number);
            if (n >= 1 && n <= passages) {
                valid.add(number);
                cited.add(n);
            } else {
                removed.add(number);
            }
        }
        heldMarker.setLength(0);
        if (valid.isEmpty()) {
            // the space before the marker goes too, unless it breaks a line (paragraphs stay apart)
            if (heldSpace.indexOf("\n") >= 0) {
                emit(heldSpace);
            } else {
                afterRemoved = true;
            }
            return;
        }
        emit(heldSpace);
        out.append(valid.size() == NUMBER.matcher(body).results().count() ? marker : "[" + String.join(", ", valid) + "]");
    }

    /** What was held as a possible marker was text: pass it on as it came. */
    private void releaseHeld() {
        if (heldMarker.length() > 0) {
            emit(heldSpace);
            out.append(heldMarker);
            heldMarker.setLength(0);
        }
    }

    private void emit(StringBuilder held) {
        out.append(held);
        held.setLength(0);
    }

    private String drain() {
        String settled = out.toString();
        out.setLength(0);
        text.append(settled);
        return settled;
    }
}
