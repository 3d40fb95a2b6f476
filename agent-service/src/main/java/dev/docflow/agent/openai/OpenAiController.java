package dev.docflow.agent.openai;

import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.http.AnswerEvents;
import dev.docflow.agent.http.AnswerStreaming;
import dev.docflow.agent.http.ChatRequestReader;
import dev.docflow.agent.http.ErrorBody;
import dev.docflow.agent.http.EventStream;
import dev.docflow.agent.http.TenantResolver;
import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import dev.docflow.agent.openai.OpenAiBodies.ChatCompletion;
import dev.docflow.agent.openai.OpenAiBodies.ChatCompletionChunk;
import dev.docflow.agent.openai.OpenAiBodies.ChunkChoice;
import dev.docflow.agent.openai.OpenAiBodies.Delta;
import dev.docflow.agent.openai.OpenAiBodies.Message;
import dev.docflow.agent.openai.OpenAiBodies.Model;
import dev.docflow.agent.openai.OpenAiBodies.ModelList;
import dev.docflow.agent.openai.OpenAiBodies.Usage;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The OpenAI-compatible API, so that OpenAI's clients and the tools built on them can ask a
 * knowledge base: a model is a knowledge base of the caller's tenant. Stateless: nothing is stored,
 * earlier messages travel in each request. Same API key, tenant and rate limit as {@code /api};
 * errors keep Docflow's {@code {"error":{"code","message"}}}, which OpenAI's clients read (they
 * take {@code error.message} and {@code error.code}).
 *
 * <ul>
 *   <li>{@code GET /v1/models}: {@code {"object":"list","data":[{"id":"<knowledge base>",
 *       "object":"model","created":<epoch s>,"owned_by":"<tenant>"}]}}.
 *   <li>{@code POST /v1/chat/completions} (body: {@link ChatCompletionRequest}): a
 *       {@code chat.completion} whose {@code choices[0].message} is {@code {"role":"assistant",
 *       "content":"… [1]","citations":[…]}}, {@code finish_reason "stop"}, usage in zeros.
 *   <li>With {@code "stream": true}, server-sent {@code chat.completion.chunk}s: first
 *       {@code delta: {"role":"assistant"}}, then {@code delta: {"content": piece}} per piece of
 *       text, then the last chunk with {@code finish_reason "stop"} and <b>the citations in
 *       {@code choices[0].delta.citations}</b> (its delta holds nothing else), then
 *       {@code data: [DONE]}. The citations sit in the delta, not on the chunk, because clients
 *       that merge deltas into a message (openai-node's {@code finalChatCompletion()}) then hold
 *       them where a non-streamed reply has them: {@code choices[0].message.citations}. With
 *       {@code stream_options.include_usage}, a usage chunk with no choices comes before
 *       {@code [DONE]}.
 * </ul>
 *
 * <p>A stream opens with its first chunk, so an error before it (unknown model: 404) is an
 * ordinary error response; after it, an error is one {@code data: {"error":{…}}} event, which
 * OpenAI's clients raise as an error, and no {@code [DONE]}. A client that goes away stops the
 * answer. Both paths are {@link AnswerStreaming}'s, shared with {@code /api/chat}.
 */
public final class OpenAiController {
    private final ChatService chat;
    private final KnowledgeBaseService knowledgeBases;
    private final ChatRequestReader reader;
    private final AnswerStreaming streaming;

    public OpenAiController(ChatService chat, KnowledgeBaseService knowledgeBases, ChatRequestReader reader,
            AnswerStreaming streaming) {
        this.chat = chat;
        this.knowledgeBases = knowledgeBases;
        this.reader = reader;
        this.streaming = streaming;
    }

    /** {@code GET /v1/models}. */
    public void models(Context ctx) {
        String tenant = TenantResolver.tenantOf(ctx);
        List<Model> models = knowledgeBases.creationTimes(tenant).entrySet().stream()
                .map(kb -> new Model(kb.getKey(), kb.getValue().getEpochSecond(), tenant))
                .toList();
        ctx.json(new ModelList(models));
    }

    /** {@code POST /v1/chat/completions}. */
    public void completions(Context ctx) {
        ChatCompletionRequest request = ChatCompletionRequest.parse(ctx.body(), reader);
        String tenant = TenantResolver.tenantOf(ctx);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (request.stream()) {
            streaming.stream(ctx, request.query(tenant), new ChunkEvents(id, created, request.model(), request.includeUsage()));
            return;
        }
        ChatReply reply = chat.chat(request.query(tenant));
        ctx.json(new ChatCompletion(id, created, request.model(),
                new Message(OpenAiBodies.ASSISTANT, reply.answer(), reply.citations())));
    }

    /** An answer as {@code chat.completion.chunk}s: the role chunk, content chunks, the last chunk, {@code [DONE]}. */
    private record ChunkEvents(String id, long created, String model, boolean includeUsage) implements AnswerEvents {
        @Override
        public void opened(EventStream stream) {
            send(stream, new Delta(OpenAiBodies.ASSISTANT, null, null), null);
        }

        /** Nothing: the citations wait for the last chunk, where only the cited ones go. */
        @Override
        public void citations(EventStream stream, List<Citation> citations) {}

        @Override
        public void delta(EventStream stream, String text) {
            send(stream, new Delta(null, text, null), null);
        }

        @Override
        public void finished(EventStream stream, ChatReply reply) {
            send(stream, new Delta(null, null, reply.citations()), OpenAiBodies.STOP);
            if (includeUsage) {
                stream.send(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), Usage.NONE));
            }
            stream.sendRaw("[DONE]");
        }

        /** One {@code data: {"error":{…}}} event, which OpenAI's clients raise; no {@code [DONE]}. */
        @Override
        public void failed(EventStream stream, ErrorBody error) {
            stream.send(error);
        }

        private void send(EventStream stream, Delta delta, String finishReason) {
            stream.send(new ChatCompletionChunk(id, created, model, new ChunkChoice(0, delta, finishReason)));
        }
    }
}
