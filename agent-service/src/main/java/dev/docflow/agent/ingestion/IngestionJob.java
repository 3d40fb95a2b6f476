package dev.docflow.agent.ingestion;

import java.time.Instant;

/**
 * A running Flink job that ingests a knowledge base: its bulk load, or the streaming job that
 * ingests every upload; {@code dashboardUrl} opens it in the Flink dashboard.
 */
public record IngestionJob(String id, String name, Kind kind, String state, Instant startedAt, String dashboardUrl) {
    public enum Kind { BULK, STREAMING }
}
