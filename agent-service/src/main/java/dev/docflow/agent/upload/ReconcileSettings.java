package dev.docflow.agent.upload;

import java.time.Duration;

/**
 * When an uploaded document counts as stuck and what is done about it.
 *
 * @param stuckAfter a version waiting this long for its outcome, with no event left to publish and
 *     no outcome recorded by the streaming job for as long, is published again ({@code
 *     reconcile.stuck-after-seconds}; longer than one document's whole processing may take, {@code
 *     parse.max-seconds} and embedding included: while the job works on it alone, it records nothing)
 * @param maxAttempts after this many publications without an outcome the document ends {@code
 *     failed} with reason {@code lost} ({@code reconcile.max-attempts})
 */
public record ReconcileSettings(Duration stuckAfter, int maxAttempts) {
    public static final ReconcileSettings DEFAULTS = new ReconcileSettings(Duration.ofMinutes(30), 3);

    public ReconcileSettings {
        if (stuckAfter == null || stuckAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("reconcile.stuck-after-seconds must be at least 1; got "
                    + (stuckAfter == null ? "none" : stuckAfter.toSeconds()));
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("reconcile.max-attempts must not be negative; got " + maxAttempts);
        }
    }

    /** How often to look: often enough to notice within a fraction of the wait, at most once a minute. */
    public Duration interval() {
        long millis = Math.max(500, Math.min(stuckAfter.toMillis() / 4, 60_000));
        return Duration.ofMillis(millis);
    }
}
