package dev.docflow.agent.operations;

import dev.docflow.agent.chat.ChatTimings;
import dev.docflow.agent.retrieval.RetrievalMode;
import java.time.Duration;

/** Chat's stage timings as {@link ServiceMetrics} histograms. */
public final class MeteredChatTimings implements ChatTimings {
    private final ServiceMetrics metrics;

    public MeteredChatTimings(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void retrieved(RetrievalMode mode, Duration took) {
        metrics.retrieval(mode.label(), took);
    }

    @Override
    public void answered(boolean found, Duration took) {
        metrics.answer(found ? "answered" : "not_found", took);
    }
}
