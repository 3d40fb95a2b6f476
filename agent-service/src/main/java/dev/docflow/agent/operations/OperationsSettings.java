package dev.docflow.agent.operations;

import java.time.Duration;

/**
 * How the service is run rather than what it answers. Part of {@code AgentConfig}, which checks the values.
 *
 * @param logFormat {@code logging.format}: plain text or JSON lines (applied by {@code Main})
 * @param shutdownGrace {@code shutdown.grace-seconds}: on stop, how long answers, streams and other
 *     requests in flight get to finish (while {@code /ready} says 503) before the server stops
 */
public record OperationsSettings(LogFormat logFormat, Duration shutdownGrace) {
    /** Within the 30 s Kubernetes gives a pod after SIGTERM, with room for the outbox flush. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public static final OperationsSettings DEFAULTS = new OperationsSettings(LogFormat.PLAIN, DEFAULT_SHUTDOWN_GRACE);

    public OperationsSettings withShutdownGrace(Duration grace) {
        return new OperationsSettings(logFormat, grace);
    }
}
