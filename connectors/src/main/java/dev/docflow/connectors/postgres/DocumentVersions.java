package dev.docflow.connectors.postgres;

import dev.docflow.connectors.contract.DocumentStatus;
import java.time.OffsetDateTime;

/**
 * Which stored versions a document's row names, read under the row's lock.
 *
 * @param objectKey the version served: what chat cites and links
 * @param pendingObjectKey the version waiting to replace it, or null
 * @param indexedAt when a version of the document was last indexed; null if none ever was
 * @param sha256 the served version's SHA-256 (null for files the bulk job listed)
 * @param pendingSha256 the pending version's
 */
public record DocumentVersions(String objectKey, String pendingObjectKey, DocumentStatus status, OffsetDateTime indexedAt,
        String sha256, String pendingSha256) {
    public boolean isDeleting() {
        return status == DocumentStatus.DELETING;
    }

    /**
     * Whether these bytes are what the document already holds or waits for: the pending version,
     * or, with none pending, the served one unless it failed.
     */
    public boolean holds(String sha) {
        if (pendingObjectKey != null) {
            return sha.equals(pendingSha256);
        }
        return sha.equals(sha256) && status != DocumentStatus.FAILED;
    }

    /** Whether the row serves the version or waits for it. */
    public boolean names(String key) {
        return key.equals(objectKey) || key.equals(pendingObjectKey);
    }
}
