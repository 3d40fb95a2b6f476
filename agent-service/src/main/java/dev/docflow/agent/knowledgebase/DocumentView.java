package dev.docflow.agent.knowledgebase;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.postgres.DocumentRecord;
import java.time.OffsetDateTime;

/**
 * A document as the API shows it: what it is, where it is in its life ({@code uploaded →
 * processing → indexed | failed}) and, when it failed, at which stage and why.
 *
 * @param failure why the document failed (status {@code failed}); null otherwise
 * @param latestFailure why its newest version failed while an older, indexed version is still the
 *     one searched and linked (status {@code indexed}); null otherwise
 */
public record DocumentView(
        String id,
        String fileName,
        long sizeBytes,
        DocumentStatus status,
        Integer pageCount,
        Integer chunkCount,
        Failure failure,
        Failure latestFailure,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Shown by their codes ({@code parse}, {@code encrypted}, …): the contract types serialise so. */
    public record Failure(Stage stage, FailureReason reason, String message) {}

    static DocumentView of(DocumentRecord row) {
        Failure recorded = row.failureReason() == null ? null
                : new Failure(row.failureStage(), row.failureReason(), row.failureMessage());
        boolean failed = row.status() == DocumentStatus.FAILED;
        boolean olderVersionServed = row.status() == DocumentStatus.INDEXED;
        return new DocumentView(row.id().toString(), row.fileName(), row.sizeBytes(), row.status(), row.pageCount(),
                row.chunkCount(), failed ? recorded : null, olderVersionServed ? recorded : null, row.createdAt(),
                row.updatedAt());
    }
}
