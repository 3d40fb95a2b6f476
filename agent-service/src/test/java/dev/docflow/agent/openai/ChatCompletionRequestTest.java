package dev.docflow.agent.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.chat.ChatQuery;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChatCompletionRequest parse(String body) {
        return ChatCompletionRequest.parse(body, JSON);
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
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":\"  \"}]}", "content is empty");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"Q\"}]}",
                "role \"tool\"");
        assertInvalid("{\"model\":\"kb\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]}",
                "text parts only");
        assertInvalid("{\"model\":\"kb\",\"top_k\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}", "\"top_k\"");
        assertInvalid("{\"model\":\"kb\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}", "\"stream\"");
        assertInvalid("{\"model\":", "not valid JSON");
    }

    private static void assertInvalid(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
    }
}
