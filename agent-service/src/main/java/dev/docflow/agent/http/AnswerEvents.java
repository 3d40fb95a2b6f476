package dev.docflow.agent.http;

import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.citations.Citation;
import java.util.List;

/**
 * How one route spells an answer's events ({@code /api/chat}'s named events, OpenAI's chunks);
 * {@link AnswerStreaming} decides when each is written and what happens when writing fails, the same
 * for every route. Each method writes to the stream it is given and may throw
 * {@link dev.docflow.agent.answer.ClientDisconnectedException}.
 */
public interface AnswerEvents {
    /** Written once, first, when the stream opens (OpenAI's role chunk); may write nothing. */
    void opened(EventStream stream);

    /** The passages the coming text may cite. */
    void citations(EventStream stream, List<Citation> citations);

    void delta(EventStream stream, String text);

    /** The answer is complete: the last events. */
    void finished(EventStream stream, ChatReply reply);

    /** The answer failed after the stream opened: the last event, in place of {@link #finished}. */
    void failed(EventStream stream, ErrorBody error);
}
