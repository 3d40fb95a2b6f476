package dev.docflow.connectors.postgres;

import java.util.UUID;

public record KnowledgeBase(UUID id, String tenantId, String name) {}
