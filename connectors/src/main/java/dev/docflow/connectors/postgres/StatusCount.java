package dev.docflow.connectors.postgres;

/** How many documents of a knowledge base are in one status, and their chunks. */
public record StatusCount(String status, long documents, long chunks) {}
