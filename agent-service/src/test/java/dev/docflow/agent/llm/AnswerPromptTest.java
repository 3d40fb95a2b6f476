package dev.docflow.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerPromptTest {
    private static final LanguageModelSettings SETTINGS =
            new LanguageModelSettings("http://127.0.0.1:1/v1", "m", "", Duration.ofSeconds(5), 1_000, 2);

    private static Passage passage(String file, String part, int pageStart, int pageEnd, String headingPath, String text) {
        return new Passage("d", file, part, pageStart, pageEnd, 0, text.length(), headingPath, text, 0.02, List.of("d-0"));
    }

    @Test
    void eachPassageIsHeadedByItsNumberAndWhereItComesFrom() {
        assertThat(AnswerPrompt.heading(1, passage("R-data.pdf", "", 19, 19, "Import › SAS", "t")))
                .isEqualTo("[1] R-data.pdf, page 19, Import › SAS");
        assertThat(AnswerPrompt.heading(2, passage("mail.eml", "report.pdf", 3, 4, "", "t")))
                .isEqualTo("[2] mail.eml › report.pdf, pages 3–4");
        assertThat(AnswerPrompt.heading(3, passage("notes.md", "", 0, 0, "Setup", "t"))).isEqualTo("[3] notes.md, Setup");
    }

    @Test
    void passagesPastTheCharacterBudgetAreNotSentAndTheFirstIsCutToIt() {
        List<Passage> passages = List.of(
                passage("a.txt", "", 0, 0, "", "a".repeat(600)),
                passage("b.txt", "", 0, 0, "", "b".repeat(300)),
                passage("c.txt", "", 0, 0, "", "c".repeat(200)),
                passage("d.txt", "", 0, 0, "", "d".repeat(50)));

        assertThat(AnswerPrompt.of("q?", passages, List.of(), SETTINGS).sent()).extracting(Passage::fileName)
                .containsExactly("a.txt", "b.txt");

        List<Passage> oneHuge = List.of(passage("huge.txt", "", 0, 0, "", "h".repeat(5_000)), passages.get(3));
        AnswerPrompt.Prompt prompt = AnswerPrompt.of("q?", oneHuge, List.of(), SETTINGS);
        assertThat(prompt.sent()).extracting(Passage::fileName).containsExactly("huge.txt");
        assertThat(text(prompt.messages().get(1))).contains("h".repeat(1_000)).doesNotContain("h".repeat(1_001));
    }

    @Test
    void onlyTheLatestTurnsGoWithTheQuestionOldestFirst() {
        List<Turn> history = List.of(Turn.user("one"), Turn.assistant("two"), Turn.user("three"), Turn.assistant("four [1]"));

        List<ChatMessage> messages = AnswerPrompt.of("five?", List.of(passage("a.txt", "", 0, 0, "", "text")), history, SETTINGS)
                .messages();

        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).isInstanceOf(SystemMessage.class);
        assertThat(messages.get(1)).isEqualTo(UserMessage.from("three"));
        assertThat(messages.get(2)).isEqualTo(AiMessage.from("four [1]"));
        assertThat(text(messages.get(3))).isEqualTo("Passages:\n\n[1] a.txt\ntext\n\nQuestion: five?");
    }

    @Test
    void theHistoryIsCutToItsCharacterBudgetNewestFirst() {
        LanguageModelSettings settings = new LanguageModelSettings("http://127.0.0.1:1/v1", "m", "", Duration.ofSeconds(5),
                1_000, 6, 1_500);
        List<Turn> history = List.of(Turn.user("old question"), Turn.assistant("o".repeat(2_000)),
                Turn.user("u".repeat(700)), Turn.assistant("a".repeat(700)));

        List<ChatMessage> messages = AnswerPrompt.of("next?", List.of(passage("a.txt", "", 0, 0, "", "text")), history, settings)
                .messages();

        // the two newest whole (1,400), the one before them cut to the 100 left, the oldest left out
        assertThat(messages).hasSize(5);
        assertThat(messages.get(1)).isEqualTo(AiMessage.from("o".repeat(100)));
        assertThat(messages.get(2)).isEqualTo(UserMessage.from("u".repeat(700)));
        assertThat(messages.get(3)).isEqualTo(AiMessage.from("a".repeat(700)));
        int historyChars = messages.subList(1, 4).stream().mapToInt(message -> message instanceof AiMessage ai
                ? ai.text().length() : ((UserMessage) message).singleText().length()).sum();
        assertThat(historyChars).isEqualTo(1_500);
    }

    private static String text(ChatMessage message) {
        return ((UserMessage) message).singleText();
    }
}
