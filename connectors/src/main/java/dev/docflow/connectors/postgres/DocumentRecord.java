package dev.docflow.connectors.postgres;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document's row: what it is and what became of it. */
public record DocumentRecord(
        UUID id,
        UUID knowledgeBaseId,
        String objectKey,
        String fileName,
        long sizeBytes,
        String status,
        String failureStage,
        String failureReason,
        String failureMessage,
        Integer pageCount,
        Integer chunkCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
