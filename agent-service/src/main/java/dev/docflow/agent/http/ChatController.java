package dev.docflow.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.chat.ChatService;
import io.javalin.http.Context;

/** {@code POST /api/chat}: parse and validate, ask the service, write its reply as JSON. */
public final class ChatController {
    private final ChatService chat;
    private final ObjectMapper json;

    public ChatController(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    public void chat(Context ctx) {
        ChatRequest request = ChatRequest.parse(ctx.body(), json);
        ctx.json(chat.chat(request.query(TenantResolver.tenantOf(ctx))));
    }
}
