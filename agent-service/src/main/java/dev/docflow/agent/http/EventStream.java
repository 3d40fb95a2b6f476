package dev.docflow.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.answer.ClientDisconnectedException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A response written as server-sent events, each flushed as it is sent so the client sees it at
 * once. A write that fails because the client went away becomes {@link ClientDisconnectedException},
 * which stops whoever is producing the events.
 */
public final class EventStream {
    private final OutputStream out;
    private final ObjectMapper json;

    private EventStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    /** Commits a 200 {@code text/event-stream} response on {@code ctx}. */
    public static EventStream open(Context ctx, ObjectMapper json) {
        ctx.status(200);
        ctx.contentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        // proxies such as nginx buffer responses unless told not to
        ctx.header("X-Accel-Buffering", "no");
        try {
            OutputStream out = ctx.res().getOutputStream();
            EventStream stream = new EventStream(out, json);
            out.flush();
            return stream;
        } catch (IOException e) {
            throw new ClientDisconnectedException(e);
        }
    }

    /** {@code event: name} with {@code data} as JSON. */
    public void send(String event, Object data) {
        write("event: " + event + "\ndata: " + toJson(data) + "\n\n");
    }

    /** An unnamed event carrying {@code data} as JSON (what OpenAI clients read). */
    public void send(Object data) {
        write("data: " + toJson(data) + "\n\n");
    }

    /** An unnamed event carrying {@code text} as is, such as OpenAI's {@code [DONE]}. */
    public void sendRaw(String text) {
        write("data: " + text + "\n\n");
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String event) {
        try {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new ClientDisconnectedException(e);
        }
    }
}
