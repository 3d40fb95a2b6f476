package dev.docflow.agent.llm;

import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.AnswerProvider;
import dev.docflow.agent.answer.Deadline;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.citations.CitationNumbering;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.Question;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has a chat model write the answer from the numbered passages ({@link AnswerPrompt}), streaming it
 * to the listener as the tokens arrive.
 *
 * <p>Order of events: the start of the reply is held until it cannot be the model's
 * {@link NotFoundReply not-found sentinel} (a few characters); a not-found reply ends the stream and
 * returns empty with the listener told nothing. Otherwise the listener gets every passage sent as a
 * citation ({@link CitationNumbering#all}), then the text through {@link CitationMarkers}, which
 * removes markers of passages that were not sent. The returned answer cites the passages actually
 * cited, numbered as they were sent, with a warning for each correction.
 *
 * <p>A listener's exception (a {@code ClientDisconnectedException}) propagates and closes the model's
 * stream. Failures of the model are {@link LanguageModelUnavailableException}s, also mid-answer, and
 * a reply still coming at the deadline is closed with an {@code AnswerDeadlineExceededException}:
 * whoever streams the answer decides what to tell a client that has seen part of it.
 *
 * <p>Thread-safe: each call has its own stream.
 */
public final class LanguageModelAnswerProvider implements AnswerProvider {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelAnswerProvider.class);

    private final StreamingChatModel model;
    private final LanguageModelSettings settings;

    /** @param model built by {@link LanguageModels#streaming} from {@code settings} */
    public LanguageModelAnswerProvider(StreamingChatModel model, LanguageModelSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public Optional<CitedAnswer> answer(Question question, List<Passage> passages, List<Turn> history, AnswerListener listener,
            Deadline deadline) {
        if (passages.isEmpty()) {
            return Optional.empty(); // nothing to answer from: no need to ask
        }
        long started = System.nanoTime();
        AnswerPrompt.Prompt prompt = AnswerPrompt.of(question.text(), passages, history, settings);
        List<Citation> shown = CitationNumbering.all(prompt.sent());
        CitationMarkers markers = new CitationMarkers(shown.size());
        StringBuilder held = new StringBuilder();
        boolean answering = false;
        try (ModelStream stream = ModelStream.open(model, prompt.messages(), settings, deadline)) {
            for (String piece = stream.next(); piece != null; piece = stream.next()) {
                if (answering) {
                    pass(listener, markers.accept(piece));
                    continue;
                }
                held.append(piece);
                NotFoundReply.Verdict verdict = NotFoundReply.judge(held);
                if (verdict == NotFoundReply.Verdict.NOT_FOUND) {
                    break; // closing the stream spares the tokens of any explanation that follows
                }
                if (verdict == NotFoundReply.Verdict.ANSWER) {
                    answering = true;
                    listener.citations(shown);
                    pass(listener, markers.accept(held.toString().stripLeading()));
                }
            }
        }
        if (!answering) {
            // the sentinel, or a reply that ended before it could be told from one (nothing at all, "NOT_FOU")
            LOG.debug("language model found no answer model={} passages={} reply='{}' tookMs={}",
                    settings.model(), shown.size(), held.toString().strip(), (System.nanoTime() - started) / 1_000_000);
            return Optional.empty();
        }
        pass(listener, markers.finish());
        Set<Integer> cited = markers.cited();
        List<Citation> citations = shown.stream().filter(citation -> cited.contains(citation.n())).toList();
        LOG.debug("language model answer model={} passages={} cited={} warnings={} tookMs={}", settings.model(),
                shown.size(), cited, markers.warnings(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(new CitedAnswer(markers.text(), citations, markers.warnings()));
    }

    private static void pass(AnswerListener listener, String text) {
        if (!text.isEmpty()) {
            listener.delta(text);
        }
    }
}
