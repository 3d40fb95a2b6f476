package dev.docflow.agent.operations;

/**
 * Upload events not yet on Kafka: how many, and how long the oldest has waited.
 *
 * @param oldestAgeSeconds null when the outbox is empty
 */
public record OutboxBacklog(long events, Double oldestAgeSeconds) {}
