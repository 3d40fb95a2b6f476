package dev.docflow.connectors.postgres;

import java.util.UUID;

/** A document chat may cite, and where its file is. */
public record CitableDocument(UUID id, String objectKey) {}
