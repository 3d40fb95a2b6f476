package dev.docflow.agent.citations;

import java.util.List;

/**
 * An answer's text with {@code [n]} markers, and the citations they refer to.
 *
 * @param warnings what the service corrected in the answer (a model's marker that pointed at no
 *     passage, say); empty for a clean answer
 */
public record CitedAnswer(String text, List<Citation> citations, List<String> warnings) {
    public CitedAnswer {
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    public CitedAnswer(String text, List<Citation> citations) {
        this(text, citations, List.of());
    }
}
