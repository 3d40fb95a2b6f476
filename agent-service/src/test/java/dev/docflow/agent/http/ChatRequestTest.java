package dev.docflow.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.retrieval.RetrievalMode;
import org.junit.jupiter.api.Test;

class ChatRequestTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsKnowledgeBaseAndMessage() {
        ChatRequest request = ChatRequest.parse("{\"knowledgeBase\":\"demo\",\"message\":\"  Where? \",\"extra\":1}", json);

        assertThat(request).isEqualTo(new ChatRequest("demo", "Where?", RetrievalMode.HYBRID));
    }

    @Test
    void retrievalModeIsOptionalAndChecked() {
        assertThat(ChatRequest.parse("{\"knowledgeBase\":\"demo\",\"message\":\"Where?\",\"retrieval\":\"BM25\"}", json)
                .retrieval()).isEqualTo(RetrievalMode.BM25);
        assertThat(ChatRequest.parse("{\"knowledgeBase\":\"demo\",\"message\":\"Where?\",\"retrieval\":\"knn\"}", json)
                .retrieval()).isEqualTo(RetrievalMode.KNN);
        assertThatThrownBy(() -> ChatRequest.parse(
                        "{\"knowledgeBase\":\"demo\",\"message\":\"Where?\",\"retrieval\":\"fuzzy\"}", json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"))
                .hasMessageContaining("bm25");
    }

    @Test
    void malformedJsonIsInvalidJson() {
        assertThatThrownBy(() -> ChatRequest.parse("{\"message\": ", json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_json"));
    }

    @Test
    void missingBlankOrNonTextFieldsAreInvalidRequests() {
        for (String body : new String[] {
                "{\"knowledgeBase\":\"demo\"}",
                "{\"knowledgeBase\":\"demo\",\"message\":\"  \"}",
                "{\"knowledgeBase\":7,\"message\":\"hi\"}",
                "[\"demo\",\"hi\"]",
                ""}) {
            assertThatThrownBy(() -> ChatRequest.parse(body, json))
                    .as(body)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_request"));
        }
    }

    @Test
    void overlongMessagesAreRefused() {
        String body = "{\"knowledgeBase\":\"demo\",\"message\":\"" + "a".repeat(ChatRequest.MAX_MESSAGE_CHARS + 1) + "\"}";

        assertThatThrownBy(() -> ChatRequest.parse(body, json)).hasMessageContaining("the limit is 4000");
    }
}
