package dev.docflow.agent.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an answer's {@code [n]} markers and its citations' numbers, to check they agree. */
public final class AnswerMarkers {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private AnswerMarkers() {}

    /** The numbers of the markers, in order of first appearance. */
    public static List<Integer> markers(String answer) {
        List<Integer> found = new ArrayList<>();
        Matcher matcher = MARKER.matcher(answer);
        while (matcher.find()) {
            int n = Integer.parseInt(matcher.group(1));
            if (!found.contains(n)) {
                found.add(n);
            }
        }
        return found;
    }

    public static List<Integer> numbers(JsonNode citations) {
        List<Integer> numbers = new ArrayList<>();
        citations.forEach(citation -> numbers.add(citation.path("n").asInt()));
        return numbers;
    }
}
