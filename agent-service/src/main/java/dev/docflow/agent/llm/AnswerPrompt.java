package dev.docflow.agent.llm;

import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages that ask a model to answer from numbered passages: instructions, the conversation's
 * latest turns, then the passages and the question. Pure; the numbering is the one
 * {@code CitationNumbering.all} gives the listener, so {@code [n]} means the same to both.
 */
final class AnswerPrompt {
    static final String INSTRUCTIONS = String.join("\n",
            "You answer questions from a knowledge base, using only the numbered passages given with the question.",
            "- Support every statement with the number of the passage it comes from, in square brackets: [1], or [1][3] for several.",
            "- Use nothing but the passages: no outside knowledge, no guesses.",
            "- If the passages do not answer the question, reply with exactly " + NotFoundReply.SENTINEL + " and nothing else.",
            "- Answer concisely, in the language of the question.",
            "- Numbers in brackets in earlier answers of this conversation referred to other passages: cite only the passages given now.");

    /**
     * @param messages what to send
     * @param sent the passages the prompt holds, numbered 1.. in this order (those past the
     *     character budget are left out)
     */
    record Prompt(List<ChatMessage> messages, List<Passage> sent) {}

    private AnswerPrompt() {}

    static Prompt of(String question, List<Passage> passages, List<Turn> history, LanguageModelSettings settings) {
        List<Passage> sent = new ArrayList<>();
        StringBuilder body = new StringBuilder("Passages:\n");
        int budget = settings.maxPassageChars();
        for (Passage passage : passages) {
            if (!sent.isEmpty() && passage.text().length() > budget) {
                break; // a passage is sent whole or not at all, the first one excepted
            }
            String text = passage.text().length() > budget ? passage.text().substring(0, budget) : passage.text();
            sent.add(passage);
            budget -= text.length();
            body.append('\n').append(heading(sent.size(), passage)).append('\n').append(text.strip()).append('\n');
        }
        body.append("\nQuestion: ").append(question.strip());

        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(INSTRUCTIONS));
        for (Turn turn : latest(history, settings.maxHistoryTurns(), settings.maxHistoryChars())) {
            messages.add(turn.role() == Turn.Role.USER ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        messages.add(UserMessage.from(body.toString()));
        return new Prompt(messages, sent);
    }

    /** {@code [2] R-data.pdf › appendix.pdf, pages 19–20, Import › SAS}: where the passage comes from. */
    static String heading(int n, Passage passage) {
        StringBuilder heading = new StringBuilder("[").append(n).append("] ").append(passage.fileName());
        if (!passage.partPath().isEmpty()) {
            heading.append(" › ").append(passage.partPath());
        }
        if (passage.pageStart() > 0) {
            heading.append(passage.pageEnd() > passage.pageStart()
                    ? ", pages " + passage.pageStart() + "–" + passage.pageEnd()
                    : ", page " + passage.pageStart());
        }
        if (!passage.headingPath().isEmpty()) {
            heading.append(", ").append(passage.headingPath());
        }
        return heading.toString();
    }

    /**
     * The last {@code maxTurns} turns, oldest first, within {@code maxChars} characters in all: the
     * newest are kept first, the turn that crosses the budget keeps its beginning (where an answer's
     * subject is) and older ones are left out.
     */
    static List<Turn> latest(List<Turn> history, int maxTurns, int maxChars) {
        List<Turn> kept = new ArrayList<>();
        int budget = maxChars;
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - maxTurns) && budget > 0; i--) {
            Turn turn = history.get(i);
            String text = turn.text().length() <= budget ? turn.text() : turn.text().substring(0, budget);
            budget -= text.length();
            kept.add(0, new Turn(turn.role(), text));
        }
        return kept;
    }
}
