package dev.docflow.agent.llm;

import static dev.docflow.agent.testutils.FakeOpenAiServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.ClientDisconnectedException;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.testutils.FakeOpenAiServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider with LangChain4j's OpenAI client against a real (fake) OpenAI-compatible server. */
class LanguageModelAnswerProviderTest {
    private static final String API_KEY = "sk-test-0123456789-secret";
    private static final Question QUESTION = new Question("How can I read a file in SAS Transport format?", Set.of(), new float[0]);
    private static final List<Passage> PASSAGES = List.of(
            passage("R-data.pdf", 19, "Import › SAS", "Function read.xport reads a file in SAS Transport (XPORT) format."),
            passage("R-data.pdf", 20, "Import › SAS", "It returns a list of data frames."),
            passage("R-admin.pdf", 3, "", "Installing R under Unix-alikes."));

    private FakeOpenAiServer server;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LanguageModelSettings settings(String baseUrl, Duration timeout) {
        return new LanguageModelSettings(baseUrl, "test-model", API_KEY, timeout, 24_000, 6);
    }

    private LanguageModelAnswerProvider provider() {
        return provider(settings(server.baseUrl(), Duration.ofSeconds(10)));
    }

    private static LanguageModelAnswerProvider provider(LanguageModelSettings settings) {
        return new LanguageModelAnswerProvider(LanguageModels.streaming(settings), settings);
    }

    @Test
    void streamsAnAnswerCitationsFirstThenDeltasInOrderAsTheyArrive() {
        CountDownLatch firstDeltaSeen = new CountDownLatch(1);
        listener.onDelta = firstDeltaSeen::countDown;
        // the server writes the rest only once the listener has seen text: proof the answer streams
        server.reply(FakeOpenAiServer.answerGated(
                List.of("Use read", ".xport: it reads SAS Transport files [", "1] and"),
                firstDeltaSeen,
                List.of(" returns a list of data frames [", "2][1].")));
        List<Turn> history = List.of(Turn.user("What formats can R import?"), Turn.assistant("Many [1]."));

        Optional<CitedAnswer> answer = provider().answer(QUESTION, PASSAGES, history, listener);

        String text = "Use read.xport: it reads SAS Transport files [1] and returns a list of data frames [2][1].";
        assertThat(server.gateTimedOut()).as("the first delta reached the listener while the model was still writing").isFalse();
        assertThat(answer).hasValueSatisfying(cited -> {
            assertThat(cited.text()).isEqualTo(text);
            assertThat(cited.citations()).extracting(Citation::n).containsExactly(1, 2);
            assertThat(cited.citations().get(1).page()).isEqualTo(20);
            assertThat(cited.warnings()).isEmpty();
        });
        assertThat(listener.events.get(0)).isEqualTo("citations [1, 2, 3]");
        assertThat(listener.deltas()).hasSizeGreaterThan(1);
        assertThat(String.join("", listener.deltas())).isEqualTo(text);

        FakeOpenAiServer.Request request = server.requests().get(0);
        assertThat(request.streamed()).isTrue();
        assertThat(request.model()).isEqualTo("test-model");
        assertThat(request.authorization()).isEqualTo("Bearer " + API_KEY);
        assertThat(request.messages()).hasSize(4);
        assertThat(request.messages().get(0)).startsWith("system: ").contains(NotFoundReply.SENTINEL);
        assertThat(request.messages().subList(1, 3)).containsExactly("user: What formats can R import?", "assistant: Many [1].");
        assertThat(request.lastMessage())
                .startsWith("user: ")
                .contains("[1] R-data.pdf, page 19, Import › SAS\nFunction read.xport reads a file in SAS Transport (XPORT) format.")
                .contains("[2] R-data.pdf, page 20, Import › SAS\nIt returns a list of data frames.")
                .contains("[3] R-admin.pdf, page 3\nInstalling R under Unix-alikes.")
                .endsWith("Question: " + QUESTION.text());
    }

    @Test
    void aMarkerOfAPassageThatWasNotSentIsRemovedWithAWarning() {
        server.reply(answer("read.xport reads it [", "9]. It returns data frames [2", ", 9]."));

        CitedAnswer cited = provider().answer(QUESTION, PASSAGES, List.of(), listener).orElseThrow();

        assertThat(cited.text()).isEqualTo("read.xport reads it. It returns data frames [2].");
        assertThat(cited.citations()).extracting(Citation::n).containsExactly(2);
        assertThat(cited.warnings()).containsExactly("removed citation [9]: the answer was given 3 passages");
        assertThat(String.join("", listener.deltas())).isEqualTo(cited.text()).doesNotContain("9");
    }

    @Test
    void anAnswerCitingNothingComesWithAWarning() {
        server.reply(answer("R reads SAS files."));

        CitedAnswer cited = provider().answer(QUESTION, PASSAGES, List.of(), listener).orElseThrow();

        assertThat(cited.text()).isEqualTo("R reads SAS files.");
        assertThat(cited.citations()).isEmpty();
        assertThat(cited.warnings()).containsExactly("the answer cites no passage");
    }

    @Test
    void theNotFoundSentinelIsNoAnswerAndTheListenerIsToldNothing() {
        server.reply(answer("NOT", "_FO", "UND"),
                answer(" **NOT_FOUND**", ": the passages are about", " something else."),
                answer(""));
        LanguageModelAnswerProvider provider = provider();

        assertThat(provider.answer(QUESTION, PASSAGES, List.of(), listener)).isEmpty();
        assertThat(provider.answer(QUESTION, PASSAGES, List.of(), listener)).isEmpty();
        assertThat(provider.answer(QUESTION, PASSAGES, List.of(), listener)).isEmpty();
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aWordThatBeginsLikeTheSentinelIsAnAnswer() {
        server.reply(answer("NOT", " every format is read [3]."));

        CitedAnswer cited = provider().answer(QUESTION, PASSAGES, List.of(), listener).orElseThrow();

        assertThat(cited.text()).isEqualTo("NOT every format is read [3].");
        assertThat(listener.events.get(0)).startsWith("citations");
    }

    @Test
    void aClientThatDisconnectsStopsTheAnswerAndClosesTheModelsStream() {
        CountDownLatch providerReturned = new CountDownLatch(1);
        server.reply(FakeOpenAiServer.answerUntilClosed(List.of("read.xport ", "reads it [1]", " and"), providerReturned));
        listener.onDelta = () -> {
            if (listener.deltas().size() == 2) {
                throw new ClientDisconnectedException(new IOException("Broken pipe"));
            }
        };

        assertThatThrownBy(() -> provider().answer(QUESTION, PASSAGES, List.of(), listener))
                .isInstanceOf(ClientDisconnectedException.class);
        providerReturned.countDown(); // only now does the server write on, to a connection that must be closed

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(server.clientClosedStream()).as("the server's writes failed: the connection was closed").isTrue());
        assertThat(listener.deltas()).hasSize(2);
    }

    @Test
    void aServerErrorIsALanguageModelUnavailableExceptionNamingTheModelNotTheKey() {
        server.reply(FakeOpenAiServer.status(500, "{\"error\":{\"message\":\"overloaded\"}}"));

        assertThatThrownBy(() -> provider().answer(QUESTION, PASSAGES, List.of(), listener))
                .isInstanceOf(LanguageModelUnavailableException.class)
                .hasMessage("The language model test-model at " + server.baseUrl() + " answered HTTP 500")
                .message().doesNotContain(API_KEY);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aRefusedKeyIsReportedWithItsStatus() {
        server.reply(FakeOpenAiServer.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));

        assertThatThrownBy(() -> provider().answer(QUESTION, PASSAGES, List.of(), listener))
                .isInstanceOf(LanguageModelUnavailableException.class)
                .hasMessageEndingWith("answered HTTP 401");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIsUnavailable() {
        server.reply(FakeOpenAiServer.silence());

        assertThatThrownBy(() -> provider(settings(server.baseUrl(), Duration.ofSeconds(1)))
                        .answer(QUESTION, PASSAGES, List.of(), listener))
                .isInstanceOf(LanguageModelUnavailableException.class)
                .hasMessageEndingWith("did not answer within 1 s");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void anUnreachableModelIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort + "/v1";

        assertThatThrownBy(() -> provider(settings(baseUrl, Duration.ofSeconds(30))).answer(QUESTION, PASSAGES, List.of(), listener))
                .isInstanceOf(LanguageModelUnavailableException.class)
                .hasMessage("The language model test-model at " + baseUrl + " could not be reached");
    }

    @Test
    void noPassagesMeansNoCall() {
        assertThat(provider().answer(QUESTION, List.of(), List.of(), listener)).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    static Passage passage(String file, int page, String headingPath, String text) {
        return new Passage("doc-" + file, file, "", page, page, 0, text.length(), headingPath, text, 0.03, List.of(file + "-0"));
    }

    /** Records what the provider tells it, in order; may be told to fail on a delta. */
    static final class RecordingListener implements AnswerListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        Runnable onDelta = () -> {};

        @Override
        public void citations(List<Citation> citations) {
            events.add("citations " + citations.stream().map(Citation::n).toList());
        }

        @Override
        public void delta(String text) {
            events.add("delta " + text);
            onDelta.run();
        }

        List<String> deltas() {
            return events.stream().filter(event -> event.startsWith("delta ")).map(event -> event.substring(6)).toList();
        }
    }
}
