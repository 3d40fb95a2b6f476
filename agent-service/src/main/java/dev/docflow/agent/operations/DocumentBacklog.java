package dev.docflow.agent.operations;

/** Documents the ingestion jobs have yet to settle, over all tenants. */
public record DocumentBacklog(long uploaded, long processing) {}
