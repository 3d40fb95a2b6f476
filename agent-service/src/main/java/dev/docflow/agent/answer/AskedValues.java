package dev.docflow.agent.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of value a question asks for, and whether a quotable holds one. "Which setting turns
 * off memory tuning?", "How much memory may a sort use?", "What lock does TRUNCATE take?" are
 * answered by a name, a number or a keyword (`memory.tuning.enabled: false`, `64MB`,
 * `ACCESS EXCLUSIVE`), and a sentence that only restates the question's words reads as close to it
 * as the one holding the value. A quotable holds a value when it has a token the question does not:
 * for a question after a number, a figure that is not a reference ("see Section 27.2.6" points, it
 * does not answer); after a name, an identifier (dots, underscores, colons, slashes or a case
 * change inside it), an option ({@code --with-blas}) or a word in capitals (SQL's keywords).
 *
 * <p>One instance per question. Pure: no model, no I/O.
 */
final class AskedValues {
    /** What a question asks for. */
    enum Kind {
        NONE,
        NUMBER,
        NAME,
        /** A number or a name ("the default", or a question asking for both). */
        ANY
    }

    private static final Pattern ASKS_FOR_NUMBER = Pattern.compile(
            "\\bhow\\s+(?:much|many|large|big|long|often|high|low|far|old)\\b"
                    + "|\\b(?:which|what)\\b[^?]*?\\b(?:size|number|port|limit|version|amount|threshold|percentage|fraction"
                    + "|share|ratio|rate|price|cost|total|date|year|interval|timeout|duration|value)s?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKS_FOR_NAME = Pattern.compile(
            "\\b(?:which|what)\\b[^?]*?\\b(?:setting|parameter|option|variable|flag|property|key|command|function"
                    + "|field|column|keyword|mode|level|lock|name|value|package|file|tool|utility|clause|type)s?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKS_FOR_DEFAULT = Pattern.compile("\\bdefaults?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern NAME_TOKEN = Pattern.compile("\\p{L}[\\w]*[._:=/]\\w|\\w[._:=/]\\p{L}|[a-z][A-Z]|^--?[a-zA-Z]|^[A-Z]{3,}$");
    /** Words after which a figure points somewhere instead of answering: "Section 27.2.6", "Table 13.2". */
    private static final Set<String> REFERENCE_WORDS =
            Set.of("section", "sections", "chapter", "chapters", "table", "figure", "appendix", "page", "pages", "step", "example");
    /** Punctuation around a token that is not part of it (a sentence's end, brackets, quotes). */
    private static final Pattern EDGES = Pattern.compile("^[\\p{Punct}&&[^-]]+|[\\p{Punct}]+$");

    private final Kind kind;
    private final String question;

    private AskedValues(Kind kind, String question) {
        this.kind = kind;
        this.question = question;
    }

    static AskedValues of(String question) {
        boolean number = ASKS_FOR_NUMBER.matcher(question).find();
        boolean name = ASKS_FOR_NAME.matcher(question).find();
        Kind kind = number && name || ASKS_FOR_DEFAULT.matcher(question).find() ? Kind.ANY
                : number ? Kind.NUMBER : name ? Kind.NAME : Kind.NONE;
        return new AskedValues(kind, question.toLowerCase(Locale.ROOT));
    }

    Kind kind() {
        return kind;
    }

    boolean asksForValue() {
        return kind != Kind.NONE;
    }

    /** Whether {@code text} holds a value of the kind asked for that the question does not name itself. */
    boolean heldBy(String text) {
        if (kind == Kind.NONE) {
            return false;
        }
        String previous = "";
        for (String raw : text.split("\\s+")) {
            String token = EDGES.matcher(raw).replaceAll("");
            if (!token.isEmpty() && !question.contains(token.toLowerCase(Locale.ROOT)) && isValue(token, previous)) {
                return true;
            }
            previous = token.toLowerCase(Locale.ROOT);
        }
        return false;
    }

    private boolean isValue(String token, String previous) {
        boolean number = kind != Kind.NAME && DIGIT.matcher(token).find() && !REFERENCE_WORDS.contains(previous);
        boolean name = kind != Kind.NUMBER && NAME_TOKEN.matcher(token).find();
        return number || name;
    }
}
