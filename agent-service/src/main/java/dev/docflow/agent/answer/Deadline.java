package dev.docflow.agent.answer;

import java.time.Duration;

/**
 * When an answer must be finished by ({@code chat.answer-deadline-seconds}). Checked between the
 * stages of an answer and by whatever waits inside one (the language model's stream waits no longer
 * than {@link #remaining()}), so no answer holds its request thread past it for long.
 */
public final class Deadline {
    /** No deadline: for callers that bound the work themselves (unit tests). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ofNanos(Long.MAX_VALUE));

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    /** {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** What is left; zero once passed. */
    public Duration remaining() {
        if (this == NONE) {
            return budget;
        }
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean passed() {
        return this != NONE && System.nanoTime() - endNanos >= 0;
    }

    /** @throws AnswerDeadlineExceededException when the deadline has passed */
    public void check() {
        if (passed()) {
            throw exceeded();
        }
    }

    public AnswerDeadlineExceededException exceeded() {
        return new AnswerDeadlineExceededException(budget);
    }
}
