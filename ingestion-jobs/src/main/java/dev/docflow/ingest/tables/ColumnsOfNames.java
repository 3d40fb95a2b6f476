package dev.docflow.ingest.tables;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names set out in columns to save space (R's primitives, the {@code -config} scripts a package may
 * call): a layout of words read row after row, not a table of records. Told apart from a table of
 * names on the R manuals by three things: every cell holds nothing but names or operators; no name
 * appears twice (a table repeats its values: {@code logical logical logical} under
 * {@code typeof mode storage.mode}); and the columns are not fields, each of one kind of name with the
 * kinds differing ({@code .C} beside {@code R_CMethodDef}, {@code numeric} beside {@code REALSXP},
 * operators beside the words saying what they do).
 */
final class ColumnsOfNames {
    /** What a name looks like; a table's column keeps to one. */
    enum Kind { OPERATOR, DOTTED, UPPER_CASE, NAME }

    /** An identifier, possibly the replacement form of a function ({@code length<-}). */
    private static final Pattern IDENTIFIER = Pattern.compile("([A-Za-z.][A-Za-z0-9._-]*)(<-)?");
    /** {@code [[<-}, {@code %/%}, {@code &&}: no letters, digits, quotes, brackets of a call or list punctuation. */
    private static final Pattern OPERATOR = Pattern.compile("[^\\p{Alnum}\\s\"'(),;]{1,4}");

    private ColumnsOfNames() {}

    /** {@code rows}: tidied cells, every row as wide as the table. */
    static boolean matches(List<List<String>> rows) {
        Set<String> seen = new HashSet<>();
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean fields = true;
        Set<Kind> columnKinds = EnumSet.noneOf(Kind.class);
        for (int c = 0; c < width; c++) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                for (String token : cell.isEmpty() ? new String[0] : cell.split(" ")) {
                    Optional<Kind> kind = kind(token);
                    if (kind.isEmpty() || !seen.add(token)) {
                        return false;
                    }
                    kinds.add(kind.get());
                }
            }
            fields &= kinds.size() <= 1;
            columnKinds.addAll(kinds);
        }
        return !seen.isEmpty() && !(fields && columnKinds.size() > 1);
    }

    /**
     * The kind of name a token is, empty when it is no name: a number, a quoted string, a call, a word
     * with a capital initial only (a word of a language, "Median", "France", rather than an identifier).
     */
    static Optional<Kind> kind(String token) {
        if (OPERATOR.matcher(token).matches()) {
            return Optional.of(Kind.OPERATOR);
        }
        Matcher identifier = IDENTIFIER.matcher(token);
        if (!identifier.matches()) {
            return Optional.empty();
        }
        String name = identifier.group(1);
        if (name.startsWith(".")) {
            return Optional.of(Kind.DOTTED);
        }
        String letters = name.replaceAll("[^A-Za-z]", "");
        if (letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return Optional.of(Kind.UPPER_CASE);
        }
        if (Character.isUpperCase(letters.charAt(0)) && letters.substring(1).chars().noneMatch(Character::isUpperCase)) {
            return Optional.empty();
        }
        return Optional.of(Kind.NAME);
    }
}
