package dev.docflow.connectors.postgres;

/** An upload event stored with its document and not yet published. */
public record OutboxEntry(long id, String eventKey, byte[] payload) {}
