package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.ServiceLimits;
import dev.docflow.agent.retrieval.RetrievalFilter;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatRequestTest {
    private final ChatRequestReader json = new ChatRequestReader(new ObjectMapper(), ServiceLimits.DEFAULTS);

    @Test
    void readsKnowledgeBaseAndMessage() {
        ChatRequest request = ChatRequest.parse("{\"knowledgeBase\":\"demo\",\"message\":\"  Where? \",\"extra\":1}", json);

        assertThat(request).isEqualTo(
                new ChatRequest("demo", "Where?", RetrievalMode.HYBRID, null, false, null, RetrievalFilter.NONE));
    }

    @Test
    void readsConversationStreamTopKAndFilter() {
        ChatRequest request = ChatRequest.parse("""
                {"knowledgeBase":"demo","message":"Where?","conversationId":"0b6f0c9e-7a51-4b9e-9d7e-3f1c2a4b5c6d",
                 "stream":true,"topK":8,
                 "filter":{"documentIds":["0B6F0C9E-7A51-4B9E-9D7E-3F1C2A4B5C6E"],"fileTypes":[".PDF","docx"],
                           "uploadedFrom":"2026-01-01T00:00:00Z","uploadedBefore":"2026-02-01T00:00:00Z"}}""", json);

        assertThat(request.conversationId()).isEqualTo(UUID.fromString("0b6f0c9e-7a51-4b9e-9d7e-3f1c2a4b5c6d"));
        assertThat(request.stream()).isTrue();
        assertThat(request.topK()).isEqualTo(8);
        assertThat(request.filter()).isEqualTo(new RetrievalFilter(List.of("0b6f0c9e-7a51-4b9e-9d7e-3f1c2a4b5c6e"),
                List.of("pdf", "docx"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void malformedOptionsAreInvalidRequestsThatSayWhatIsWrong() {
        String[][] cases = {
                {"\"conversationId\":\"nope\"", "conversationId"},
                {"\"stream\":\"yes\"", "stream"},
                {"\"topK\":0", "topK"},
                {"\"topK\":51", "topK"},
                {"\"filter\":[]", "filter"},
                {"\"filter\":{\"documentIds\":[\"x\"]}", "documentIds"},
                {"\"filter\":{\"fileTypes\":\"pdf\"}", "fileTypes"},
                {"\"filter\":{\"uploadedFrom\":\"yesterday\"}", "uploadedFrom"},
                {"\"filter\":{\"uploadedFrom\":\"2026-02-01T00:00:00Z\",\"uploadedBefore\":\"2026-01-01T00:00:00Z\"}", "before"},
                {"\"filter\":{\"author\":\"me\"}", "author"}};
        for (String[] c : cases) {
            String body = "{\"knowledgeBase\":\"demo\",\"message\":\"Where?\"," + c[0] + "}";
            assertThatThrownBy(() -> ChatRequest.parse(body, json))
                    .as(body)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_request"))
                    .hasMessageContaining(c[1]);
        }
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
    void overlongMessagesAreRefusedWithTheirOwnCode() {
        String body = "{\"knowledgeBase\":\"demo\",\"message\":\"" + "a".repeat(ServiceLimits.DEFAULT_MAX_MESSAGE_CHARS + 1) + "\"}";

        assertThatThrownBy(() -> ChatRequest.parse(body, json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("message_too_long"))
                .hasMessageContaining("the limit is 4000 (chat.max-message-chars)");
    }

    @Test
    void theMessageLimitIsTheConfiguredOne() {
        ChatRequestReader strict = new ChatRequestReader(new ObjectMapper(), new ServiceLimits(100, 1_000, 1,
                java.time.Duration.ofSeconds(5), 1, 2));
        String body = "{\"knowledgeBase\":\"demo\",\"message\":\"" + "a".repeat(101) + "\"}";

        assertThatThrownBy(() -> ChatRequest.parse(body, strict)).hasMessageContaining("the limit is 100");
        assertThat(ChatRequest.parse(body, json).message()).hasSize(101);
    }
}
