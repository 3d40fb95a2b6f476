package dev.docflow.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.ClientDisconnectedException;
import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.Citation;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/chat}: parse and validate, ask the service, write its reply as JSON or, with
 * {@code "stream": true}, as server-sent events: {@code citations}, {@code delta}…, then
 * {@code done} or {@code error}.
 */
public final class ChatController {
    private static final Logger LOG = LoggerFactory.getLogger(ChatController.class);

    private final ChatService chat;
    private final ObjectMapper json;

    public ChatController(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    public void chat(Context ctx) {
        ChatRequest request = ChatRequest.parse(ctx.body(), json);
        if (!request.stream()) {
            ctx.json(chat.chat(request.query(TenantResolver.tenantOf(ctx))));
            return;
        }
        StreamingListener listener = new StreamingListener(ctx);
        try {
            ChatReply reply = chat.chat(request.query(TenantResolver.tenantOf(ctx)), listener);
            listener.stream().send("done", done(reply));
        } catch (ClientDisconnectedException e) {
            LOG.debug("chat stream abandoned by its client knowledgeBase={}", request.knowledgeBase());
        } catch (RuntimeException e) {
            if (listener.stream == null) {
                throw e; // nothing sent yet: an ordinary error response with its status
            }
            listener.stream.send("error", ErrorMapping.failureOf(e, ctx).body());
        }
    }

    private static Map<String, Object> done(ChatReply reply) {
        Map<String, Object> done = new java.util.LinkedHashMap<>();
        done.put("conversationId", reply.conversationId());
        done.put("messageId", reply.messageId());
        done.put("citations", reply.citations());
        if (reply.warnings() != null) {
            done.put("warnings", reply.warnings());
        }
        return done;
    }

    /** Opens the stream with the first event, so errors before it keep their HTTP status. */
    private final class StreamingListener implements AnswerListener {
        private final Context ctx;
        private EventStream stream;

        StreamingListener(Context ctx) {
            this.ctx = ctx;
        }

        EventStream stream() {
            if (stream == null) {
                stream = EventStream.open(ctx, json);
            }
            return stream;
        }

        @Override
        public void citations(List<Citation> citations) {
            stream().send("citations", Map.of("citations", citations));
        }

        @Override
        public void delta(String text) {
            stream().send("delta", Map.of("text", text));
        }
    }
}
