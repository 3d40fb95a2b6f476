package dev.docflow.agent.citations;

import java.util.List;

/** An answer's text with {@code [n]} markers, and the citations they refer to, numbered from 1. */
public record CitedAnswer(String text, List<Citation> citations) {
    public CitedAnswer {
        citations = List.copyOf(citations);
    }
}
