package dev.docflow.agent.llm;

import static dev.docflow.agent.testutils.FakeOpenAiServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.conversation.ContextCarryOver;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rewriter with LangChain4j's OpenAI client against a real (fake) OpenAI-compatible server. */
class LanguageModelRewriterTest {
    private static final List<Turn> HISTORY = List.of(
            Turn.user("How do I install R on Linux?"), Turn.assistant("Use your distribution's packages [1]."));

    private FakeOpenAiServer server;
    private LanguageModelRewriter rewriter;

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
        LanguageModelSettings settings = new LanguageModelSettings(server.baseUrl(), "rewrite-model", "", Duration.ofSeconds(10),
                LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS, LanguageModelSettings.DEFAULT_MAX_HISTORY_TURNS);
        rewriter = new LanguageModelRewriter(LanguageModels.chat(settings), settings, new ContextCarryOver());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFollowUpIsRewrittenByTheModelFromTheConversation() {
        server.reply(answer("\"How do I install R on Windows?\""));

        assertThat(rewriter.standalone("and on Windows?", HISTORY)).isEqualTo("How do I install R on Windows?");

        FakeOpenAiServer.Request request = server.requests().get(0);
        assertThat(request.streamed()).isFalse();
        assertThat(request.model()).isEqualTo("rewrite-model");
        assertThat(request.authorization()).as("no key configured: no header").isNull();
        assertThat(request.messages().get(0)).startsWith("system: You rewrite the last message");
        assertThat(request.lastMessage()).isEqualTo("""
                user: Conversation:
                User: How do I install R on Linux?
                Assistant: Use your distribution's packages [1].

                Last message: and on Windows?

                Standalone question:""");
    }

    @Test
    void aNewConversationIsNotRewrittenAndCostsNoCall() {
        assertThat(rewriter.standalone("How do I install R?", List.of())).isEqualTo("How do I install R?");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aFailingModelFallsBackToCarryingTheContextOverAtOnce() {
        server.reply(FakeOpenAiServer.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));

        assertThat(rewriter.standalone("and on Windows?", HISTORY)).isEqualTo("How do I install R on Linux? and on Windows?");
        assertThat(server.requests()).as("no retries: the fallback is instant").hasSize(1);
    }

    @Test
    void anEmptyRewriteFallsBackToo() {
        server.reply(answer("  "));

        assertThat(rewriter.standalone("and on Windows?", HISTORY)).isEqualTo("How do I install R on Linux? and on Windows?");
    }
}
