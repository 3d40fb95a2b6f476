package dev.docflow.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.ClientDisconnectedException;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.Citation;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one streaming-reply path of {@code /api/chat} and {@code /v1/chat/completions}: the answer is
 * written as server-sent events while the service writes it, in the route's {@link AnswerEvents}.
 *
 * <ul>
 *   <li>The stream opens with the answer's first event, so a failure before it (unknown knowledge
 *       base, too many answers at once) is an ordinary error response with its status.
 *   <li>A failure after it is the route's error event (its code and message as
 *       {@link ErrorMapping} gives them), and the stream ends.
 *   <li>A client that goes away stops the answer. That is not a failure of the service, whenever it
 *       happens, while an error event is written included: it is logged at debug and nothing more is
 *       written.
 * </ul>
 */
public final class AnswerStreaming {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerStreaming.class);

    private final ChatService chat;
    private final ObjectMapper json;

    public AnswerStreaming(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    /** Answers {@code query} on {@code ctx} as a stream of {@code events}. */
    public void stream(Context ctx, ChatQuery query, AnswerEvents events) {
        Listener listener = new Listener(ctx, events);
        try {
            ChatReply reply = chat.chat(query, listener);
            events.finished(listener.stream(), reply);
        } catch (ClientDisconnectedException e) {
            LOG.debug("answer stream abandoned by its client path={} requestId={}", ctx.path(), RequestIds.of(ctx));
        } catch (RuntimeException e) {
            if (listener.stream == null) {
                throw e; // nothing sent yet: an ordinary error response with its status
            }
            ErrorMapping.Failure failure = ErrorMapping.failureOf(e, ctx);
            try {
                events.failed(listener.stream, failure.body());
            } catch (ClientDisconnectedException gone) {
                LOG.debug("answer stream failed ({}) after its client left path={} requestId={}", failure.code(), ctx.path(),
                        RequestIds.of(ctx));
            }
        }
    }

    /** Opens the stream on the first event, so errors before it keep their HTTP status. */
    private final class Listener implements AnswerListener {
        private final Context ctx;
        private final AnswerEvents events;
        private EventStream stream;

        Listener(Context ctx, AnswerEvents events) {
            this.ctx = ctx;
            this.events = events;
        }

        EventStream stream() {
            if (stream == null) {
                stream = EventStream.open(ctx, json);
                events.opened(stream);
            }
            return stream;
        }

        @Override
        public void citations(List<Citation> citations) {
            events.citations(stream(), citations);
        }

        @Override
        public void delta(String text) {
            events.delta(stream(), text);
        }
    }
}
