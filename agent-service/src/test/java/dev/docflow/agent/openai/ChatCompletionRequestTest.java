package dev.docflow.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.ServiceLimits;
import dev.docflow.agent.http.ChatRequestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatRequestReader READER = new ChatRequestReader(JSON, ServiceLimits.DEFAULTS);

    private static ChatCompletionRequest parse(String body) {
        return ChatCompletionRequest.parse(body, READER);
    }

    @Test
    void theLastUserMessageIsTheQuestionAndTheEarlierOnesItsHistory() {
        ChatCompletionRequest request = parse("""
                {"model":"handbook","temperature":0.3,"max_tokens":100,"n":1,"user":"u1",
                 "messages":[
                   {"role":"system","content":"Be brief."},
                   {"role":"user","content":"How much is a hotel night?"},
                   {"role":"assistant","content":"Up to 180 euros [1]."},
                   {"role":"assistant","content":null,"tool_calls":[]},
                   {"role":"user","content":[{"type":"text","text":"And"},{"type":"text","text":"elsewhere?"}]}]}""");

        assertThat(request.model()).isEqualTo("handbook");
        assertThat(request.message()).isEqualTo("And\n\nelsewhere?");
        assertThat(request.history()).containsExactly(Turn.user("How much is a hotel night?"),
                Turn.assistant("Up to 180 euros [1]."));
        assertThat(request.stream()).isFalse();

        ChatQuery query = request.query("acme");
        assertThat(query.conversationId()).isNull();
        assertThat(query.store()).isFalse();
        assertThat(query.history()).hasSize(2);
        assertThat(query.topK()).isNull();
    }

    @Test
    void streamUsageAndDocflowExtras() {
        ChatCompletionRequest request = parse("""
                {"model":"kb","stream":true,"stream_options":{"include_usage":true},"top_k":3,
                 "filter":{"fileTypes":["PDF"]},"messages":[{"role":"user","content":"Q?"}]}""");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.topK()).isEqualTo(3);
        assertThat(request.filter().fileTypes()).isEqualTo(List.of("pdf"));
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertInvalid("{\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}", "\"model\" is required");
        assertInvalid("{\"model\":\"kb\",\"messages\":[]}", "\"messages\" is required");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":\"Q\"},{\"role\":\"system\",\"content\":\"S\"}]}",
                "must be the question");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}", "The last message is required");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"Q\"}]}",
                "role \"tool\"");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]}",
                "text parts only");
        assertInvalid("{\"model\":\"kb\",\"top_k\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}", "\"top_k\"");
        assertInvalid("{\"model\":\"kb\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}", "\"stream\"");
        assertInvalid("{\"model\":", "not valid JSON");
    }

    @Test
    void theEarlierMessagesAreBoundedTogetherNotOneByOne() throws Exception {
        ChatRequestReader reader = new ChatRequestReader(JSON, ServiceLimits.DEFAULTS.withMaxHistoryChars(1_000));
        // each earlier message is short; together they are over the budget
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode().put("model", "kb");
        var messages = body.putArray("messages");
        for (int i = 0; i < 30; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "x".repeat(40));
        }
        messages.addObject().put("role", "user").put("content", "Q?");

        assertThatThrownBy(() -> ChatCompletionRequest.parse(body.toString(), reader))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("history_too_long"))
                .hasMessageContaining("1200 characters").hasMessageContaining("the limit is 1000");
        ((com.fasterxml.jackson.databind.node.ArrayNode) messages).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) messages).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) messages).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) messages).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) messages).remove(0);
        assertThat(ChatCompletionRequest.parse(body.toString(), reader).history()).hasSize(25);
    }

    @Test
    void anOverlongQuestionHasTheSameCodeAsOnApiChat() {
        String body = "{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "a".repeat(ServiceLimits.DEFAULT_MAX_MESSAGE_CHARS + 1) + "\"}]}";

        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("message_too_long"));
    }

    private static void assertInvalid(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
    }
}
