package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.retrieval.RetrievedChunk;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a chat reply against an {@link EvalQuestion}, by the rules of {@code shared/eval/README.md}:
 * a citation is correct when it names the source (and, where given, a page span holding the page)
 * and its passage contains one of the expected strings; an answer is correct when it contains one
 * of the expected strings and every {@code [n]} in it is one of the reply's citations. A ranked
 * chunk (retrieval before the answer stage) is judged as a citation is.
 */
public final class CitationJudge {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private CitationJudge() {}

    /** 1-based position of the first correct citation among the first {@code k}, or 0 if none. */
    public static int firstCorrect(EvalQuestion question, JsonNode reply, int k) {
        int position = 0;
        for (JsonNode citation : reply.path("citations")) {
            position++;
            if (position > k) {
                break;
            }
            if (isCorrect(question, citation)) {
                return position;
            }
        }
        return 0;
    }

    /**
     * 1-based position of the first correct passage among the first {@code depth} ranked chunks, or 0
     * if none: judged as a citation is, on the chunk's file name, page span and text.
     */
    public static int firstCorrectPassage(EvalQuestion question, List<RetrievedChunk> ranked, int depth) {
        for (int position = 1; position <= Math.min(depth, ranked.size()); position++) {
            RetrievedChunk chunk = ranked.get(position - 1);
            if (isCorrect(question, chunk.fileName(), chunk.pageStart(), chunk.pageEnd(), chunk.text())) {
                return position;
            }
        }
        return 0;
    }

    static boolean isCorrect(EvalQuestion question, JsonNode citation) {
        int start = citation.path("page").asInt(0);
        return isCorrect(question, citation.path("fileName").asText(), start, citation.path("pageEnd").asInt(start),
                citation.path("snippet").asText());
    }

    private static boolean isCorrect(EvalQuestion question, String fileName, int pageStart, int pageEnd, String text) {
        if (!fileName.equals(question.source())) {
            return false;
        }
        if (question.page() > 0) {
            if (question.page() < pageStart || question.page() > pageEnd) {
                return false;
            }
        }
        return containsAny(text, question.passageContains());
    }

    /** The service's refusal: a reply without citations (its text says the knowledge base does not hold the answer). */
    public static boolean isRefusal(JsonNode reply) {
        return reply.path("citations").isEmpty();
    }

    public static boolean answerIsCorrect(EvalQuestion question, JsonNode reply) {
        String answer = reply.path("answer").asText();
        if (!containsAny(answer, question.answerContains())) {
            return false;
        }
        Set<Integer> cited = new HashSet<>();
        reply.path("citations").forEach(citation -> cited.add(citation.path("n").asInt()));
        Matcher marker = MARKER.matcher(answer);
        boolean anyMarker = false;
        while (marker.find()) {
            anyMarker = true;
            if (!cited.contains(Integer.parseInt(marker.group(1)))) {
                return false;
            }
        }
        return anyMarker;
    }

    private static boolean containsAny(String text, Iterable<String> needles) {
        String haystack = text.toLowerCase(Locale.ROOT);
        for (String needle : needles) {
            if (haystack.contains(needle.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
