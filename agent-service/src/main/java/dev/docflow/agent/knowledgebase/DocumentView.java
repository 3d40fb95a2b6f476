package dev.docflow.agent.knowledgebase;

import dev.docflow.connectors.postgres.DocumentRecord;
import java.time.OffsetDateTime;

/**
 * A document as the API shows it: what it is, where it is in its life ({@code uploaded →
 * processing → indexed | failed}) and, when it failed, at which stage and why.
 */
public record DocumentView(
        String id,
        String fileName,
        long sizeBytes,
        String status,
        Integer pageCount,
        Integer chunkCount,
        Failure failure,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** @param reason a stable code ({@code encrypted}, {@code corrupt}, {@code too_large}, …) */
    public record Failure(String stage, String reason, String message) {}

    static DocumentView of(DocumentRecord row) {
        Failure failure = "failed".equals(row.status())
                ? new Failure(row.failureStage(), row.failureReason(), row.failureMessage())
                : null;
        return new DocumentView(row.id().toString(), row.fileName(), row.sizeBytes(), row.status(), row.pageCount(),
                row.chunkCount(), failure, row.createdAt(), row.updatedAt());
    }
}
