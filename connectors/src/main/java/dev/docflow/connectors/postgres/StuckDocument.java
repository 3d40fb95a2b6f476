package dev.docflow.connectors.postgres;

import java.util.UUID;

/** An uploaded version that has waited too long for its outcome (see {@link UploadRepository#stuck}). */
public record StuckDocument(UUID id, String tenantId, String knowledgeBase, UUID knowledgeBaseId, String pendingObjectKey, String fileName,
        long pendingSizeBytes, int reconcileAttempts) {}
