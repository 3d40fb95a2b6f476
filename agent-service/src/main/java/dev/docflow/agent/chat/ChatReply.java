package dev.docflow.agent.chat;

import dev.docflow.agent.citations.Citation;
import java.util.List;

/**
 * The service's reply to one message.
 *
 * @param answer the answer; its {@code [n]} markers refer to {@code citations}
 * @param citations numbered from 1 in order of first appearance; empty when there is no answer
 */
public record ChatReply(String answer, List<Citation> citations, String knowledgeBase) {
    public ChatReply {
        citations = List.copyOf(citations);
    }

    public static ChatReply notFound(String knowledgeBase) {
        return new ChatReply(
                "I could not find an answer to that in the knowledge base \"" + knowledgeBase + "\".",
                List.of(), knowledgeBase);
    }
}
