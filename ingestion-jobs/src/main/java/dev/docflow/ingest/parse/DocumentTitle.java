package dev.docflow.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the title a file declares (PDF info or XMP, HTML {@code <title>}, DOCX core properties,
 * Markdown front matter or first heading). Metadata titles are often what the producing program
 * wrote rather than what the author meant: "Microsoft Word - report.docx", "Untitled", the name of
 * the file it was printed from. Those name nothing the file name does not, so they are dropped (the
 * index then uses the file name) or cut to the words the author gave.
 */
final class DocumentTitle {
    static final int MAX_CHARS = 300;

    private static final Pattern OFFICE_PREFIX = Pattern.compile("^Microsoft (?:Word|Excel|PowerPoint) - ", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_EXTENSION = Pattern.compile(
            "\\.(?:docx?|xlsx?|pptx?|pdf|odt|ods|odp|rtf|txt|html?|md|tex|dvi|ps|indd|qxd|pages)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PLACEHOLDERS = Set.of("untitled", "untitled document", "document", "title", "no title",
            "activereports document", "slide 1", "presentation", "powerpoint presentation", "pdf", "none", "null", "unknown");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}");

    private DocumentTitle() {}

    /** @return the title worth indexing, or "" when {@code declared} is none (the file name stands in then) */
    static String of(String declared, String fileName) {
        if (declared == null) {
            return "";
        }
        String title = PartContent.foldWhitespace(declared);
        title = OFFICE_PREFIX.matcher(title).replaceFirst("");
        boolean wasFileName = FILE_EXTENSION.matcher(title).find();
        title = FILE_EXTENSION.matcher(title).replaceFirst("").strip();
        if (title.isEmpty() || !LETTERS.matcher(title).find() || PLACEHOLDERS.contains(title.toLowerCase(Locale.ROOT))) {
            return "";
        }
        // "S2MNCE01birdisland.xlsx", "indictb1h_14": a program's name for a file says nothing of its content
        if ((wasFileName && !title.contains(" ")) || sameWords(title, stemOf(fileName))) {
            return "";
        }
        return title.length() > MAX_CHARS ? title.substring(0, MAX_CHARS).strip() : title;
    }

    private static boolean sameWords(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String stemOf(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
