package dev.docflow.agent.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.docflow.agent.citations.Citation;
import java.util.List;

/**
 * The JSON bodies of the OpenAI-compatible routes, field for field as OpenAI's clients parse them,
 * plus Docflow's {@code citations}. The service's mapper leaves out null fields; where OpenAI sends
 * an explicit null ({@code content}, {@code finish_reason}), so do these.
 */
final class OpenAiBodies {
    static final String ASSISTANT = "assistant";
    static final String STOP = "stop";

    private OpenAiBodies() {}

    /** {@code GET /v1/models}: one model per knowledge base of the tenant. */
    record ModelList(String object, List<Model> data) {
        ModelList(List<Model> data) {
            this("list", data);
        }
    }

    /** @param created when the knowledge base was created, in epoch seconds */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
        Model(String id, long created, String ownedBy) {
            this(id, "model", created, ownedBy);
        }
    }

    /**
     * Token counts. Docflow's answers are extracted from the passages, not generated, so no tokens
     * are spent: the counts are zeros, not estimates.
     */
    record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
        static final Usage NONE = new Usage(0, 0, 0);
    }

    /** A non-streamed reply ({@code "object": "chat.completion"}). */
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {
        ChatCompletion(String id, long created, String model, Message message) {
            this(id, "chat.completion", created, model, List.of(new Choice(0, message, STOP)), Usage.NONE);
        }
    }

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {}

    /** @param citations what the {@code [n]} markers of {@code content} refer to; empty when none */
    record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) String content, List<Citation> citations) {}

    /**
     * One event of a streamed reply ({@code "object": "chat.completion.chunk"}); every chunk of a
     * reply has the same {@code id}, {@code created} and {@code model}.
     *
     * @param usage only on the extra last chunk asked for by {@code stream_options.include_usage},
     *     whose {@code choices} is empty
     */
    record ChatCompletionChunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage) {
        ChatCompletionChunk(String id, long created, String model, ChunkChoice choice) {
            this(id, "chat.completion.chunk", created, model, List.of(choice), null);
        }
    }

    record ChunkChoice(
            int index,
            Delta delta,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason") String finishReason) {}

    /**
     * What a chunk adds to the message; absent fields are left out, so the last chunk's delta is
     * {@code {"citations": […]}}.
     */
    record Delta(String role, String content, List<Citation> citations) {}
}
