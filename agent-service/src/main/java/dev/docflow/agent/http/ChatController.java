package dev.docflow.agent.http;

import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.Citation;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/chat}: parse and validate ({@link ChatRequestReader}), ask the service, write its
 * reply as JSON or, with {@code "stream": true}, as server-sent events ({@link AnswerStreaming}):
 * {@code citations}, {@code delta}…, then {@code done} or {@code error}.
 */
public final class ChatController {
    private final ChatService chat;
    private final ChatRequestReader reader;
    private final AnswerStreaming streaming;

    public ChatController(ChatService chat, ChatRequestReader reader, AnswerStreaming streaming) {
        this.chat = chat;
        this.reader = reader;
        this.streaming = streaming;
    }

    public void chat(Context ctx) {
        ChatRequest request = ChatRequest.parse(ctx.body(), reader);
        if (request.stream()) {
            streaming.stream(ctx, request.query(TenantResolver.tenantOf(ctx)), NamedEvents.INSTANCE);
        } else {
            ctx.json(chat.chat(request.query(TenantResolver.tenantOf(ctx))));
        }
    }

    /** {@code event: citations}, {@code event: delta}…, {@code event: done} or {@code event: error}. */
    private enum NamedEvents implements AnswerEvents {
        INSTANCE;

        @Override
        public void opened(EventStream stream) {}

        @Override
        public void citations(EventStream stream, List<Citation> citations) {
            stream.send("citations", Map.of("citations", citations));
        }

        @Override
        public void delta(EventStream stream, String text) {
            stream.send("delta", Map.of("text", text));
        }

        @Override
        public void finished(EventStream stream, ChatReply reply) {
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("conversationId", reply.conversationId());
            done.put("messageId", reply.messageId());
            done.put("citations", reply.citations());
            if (reply.warnings() != null) {
                done.put("warnings", reply.warnings());
            }
            stream.send("done", done);
        }

        @Override
        public void failed(EventStream stream, ErrorBody error) {
            stream.send("error", error);
        }
    }
}
