package dev.docflow.agent.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.ClientDisconnectedException;
import dev.docflow.agent.chat.ChatReply;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.http.ErrorMapping;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * answer.
 */
public final class OpenAiController {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiController.class);

    private final ChatService chat;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper json;

    public OpenAiController(ChatService chat, KnowledgeBaseService knowledgeBases, ObjectMapper json) {
        this.chat = chat;
        this.knowledgeBases = knowledgeBases;
        this.json = json;
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
        ChatCompletionRequest request = ChatCompletionRequest.parse(ctx.body(), json);
        String tenant = TenantResolver.tenantOf(ctx);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (!request.stream()) {
            ChatReply reply = chat.chat(request.query(tenant));
            ctx.json(new ChatCompletion(id, created, request.model(),
                    new Message(OpenAiBodies.ASSISTANT, reply.answer(), reply.citations())));
            return;
        }
        ChunkStream chunks = new ChunkStream(ctx, id, created, request.model());
        try {
            ChatReply reply = chat.chat(request.query(tenant), chunks);
            chunks.finish(reply.citations(), request.includeUsage());
        } catch (ClientDisconnectedException e) {
            LOG.debug("chat completion stream abandoned by its client model={}", request.model());
        } catch (RuntimeException e) {
            if (chunks.stream == null) {
                throw e; // nothing sent yet: an ordinary error response with its status
            }
            try {
                chunks.stream.send(ErrorMapping.failureOf(e, ctx).body());
            } catch (ClientDisconnectedException gone) {
                LOG.debug("chat completion stream failed after its client left model={}", request.model());
            }
        }
    }

    /** Writes an answer as chunks; opens the stream with the first, so errors before it keep their status. */
    private final class ChunkStream implements AnswerListener {
        private final Context ctx;
        private final String id;
        private final long created;
        private final String model;
        private EventStream stream;

        ChunkStream(Context ctx, String id, long created, String model) {
            this.ctx = ctx;
            this.id = id;
            this.created = created;
            this.model = model;
        }

        /** Opens the stream; the citations wait for the last chunk, where only the cited ones go. */
        @Override
        public void citations(List<Citation> citations) {
            stream();
        }

        @Override
        public void delta(String text) {
            send(new Delta(null, text, null), null);
        }

        void finish(List<Citation> citations, boolean includeUsage) {
            send(new Delta(null, null, citations), OpenAiBodies.STOP);
            if (includeUsage) {
                stream().send(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), Usage.NONE));
            }
            stream().sendRaw("[DONE]");
        }

        private void send(Delta delta, String finishReason) {
            stream().send(new ChatCompletionChunk(id, created, model, new ChunkChoice(0, delta, finishReason)));
        }

        /** The stream, opened on first use with the role chunk (sent from within: the field is set by then). */
        private EventStream stream() {
            if (stream == null) {
                stream = EventStream.open(ctx, json);
                send(new Delta(OpenAiBodies.ASSISTANT, null, null), null);
            }
            return stream;
        }
    }
}
