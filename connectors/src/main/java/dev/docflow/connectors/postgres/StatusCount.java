package dev.docflow.connectors.postgres;

import dev.docflow.connectors.contract.DocumentStatus;
/** How many documents of a knowledge base are in one status, and their chunks. */
public record StatusCount(DocumentStatus status, long documents, long chunks) {}
