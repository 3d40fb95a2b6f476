package dev.docflow.agent.ingestion;

import java.time.Instant;

/** One job as Flink's REST API lists it ({@code GET /jobs/overview}). */
public record FlinkJobSummary(String id, String name, String state, Instant startedAt) {
    /** Flink's job states after which a job does no more work. */
    public boolean ended() {
        return state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED");
    }
}
