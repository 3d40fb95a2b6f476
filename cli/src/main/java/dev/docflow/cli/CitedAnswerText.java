package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A chat reply for a terminal: the answer, then its numbered citations with file, page and passage. */
final class CitedAnswerText {
    private static final int SNIPPET_CHARS = 160;

    private CitedAnswerText() {}

    static List<String> lines(JsonNode reply) {
        List<String> lines = new ArrayList<>();
        lines.add("A: " + reply.path("answer").asText());
        for (JsonNode citation : reply.path("citations")) {
            lines.add(String.format("   [%d] %s%s: \"%s\"", citation.path("n").asInt(), source(citation), pages(citation),
                    snippet(citation.path("snippet").asText())));
        }
        return lines;
    }

    private static String source(JsonNode citation) {
        return citation.hasNonNull("part") ? citation.get("part").asText() : citation.path("fileName").asText();
    }

    private static String pages(JsonNode citation) {
        if (!citation.hasNonNull("page")) {
            return "";
        }
        int page = citation.get("page").asInt();
        int last = citation.path("pageEnd").asInt(page);
        return last > page ? ", pages " + page + "–" + last : ", page " + page;
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > SNIPPET_CHARS ? flat.substring(0, SNIPPET_CHARS - 1) + "…" : flat;
    }
}
