package dev.docflow.agent.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Questions that ask for a value, and quotables that hold one. "Which setting turns off memory
 * tuning?", "How much memory may a sort use?", "What lock does TRUNCATE take?" are answered by a
 * name, a number or a keyword (`memory.tuning.enabled: false`, `64MB`, `ACCESS EXCLUSIVE`), and a
 * sentence that only restates the question's words reads as close to it as the one holding the
 * value. A quotable holds a value when it has a token the question does not: a figure, an
 * identifier (dots, underscores, colons, slashes or a case change inside it), an option
 * ({@code --with-blas}) or a word in capitals (SQL's keywords).
 *
 * <p>Pure: no model, no I/O.
 */
final class AskedValues {
    private static final Pattern ASKS_FOR_VALUE = Pattern.compile(
            "\\b(?:which|what)\\b[^?]*?\\b(?:setting|parameter|option|variable|flag|property|key|command|function"
                    + "|field|column|keyword|mode|level|lock|name|value|size|number|port|limit|version|amount|threshold"
                    + "|package|file|tool|utility|clause|type|percentage|rate|price|cost|total|date|year)s?\\b"
                    + "|\\bhow\\s+(?:much|many|large|big|long|often|high|low)\\b|\\bdefaults?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_TOKEN = Pattern.compile(
            "\\d|\\w[._:=/]\\w|[a-z][A-Z]|^--?[a-zA-Z]|^[A-Z]{3,}$");
    /** Punctuation around a token that is not part of it (a sentence's end, brackets, quotes). */
    private static final Pattern EDGES = Pattern.compile("^[\\p{Punct}&&[^-]]+|[\\p{Punct}]+$");

    private AskedValues() {}

    static boolean asksForValue(String question) {
        return ASKS_FOR_VALUE.matcher(question).find();
    }

    /** Whether {@code text} holds a value-like token that {@code question} does not name itself. */
    static boolean holdsNewValue(String text, String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        for (String raw : text.split("\\s+")) {
            String token = EDGES.matcher(raw).replaceAll("");
            if (!token.isEmpty() && VALUE_TOKEN.matcher(token).find() && !asked.contains(token.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
