package dev.docflow.agent.answer;

import java.time.Duration;

/** An answer took longer than {@code chat.answer-deadline-seconds}; answered 504, or that error event. */
public final class AnswerDeadlineExceededException extends RuntimeException {
    public AnswerDeadlineExceededException(Duration budget) {
        super("The answer was not finished within " + budget.toSeconds() + " s (chat.answer-deadline-seconds); ask again,"
                + " perhaps a narrower question");
    }
}
