package dev.docflow.connectors.postgres;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A document's row: what it is and what became of it. */
public record DocumentRecord(
        UUID id,
        UUID knowledgeBaseId,
        String objectKey,
        String fileName,
        long sizeBytes,
        DocumentStatus status,
        Stage failureStage,
        FailureReason failureReason,
        String failureMessage,
        Integer pageCount,
        Integer chunkCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
