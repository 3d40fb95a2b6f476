package dev.docflow.connectors.postgres;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed: never its secret, only the start of it.
 *
 * @param prefix the first characters of the key; null for keys issued before prefixes were kept
 * @param lastUsedAt when a request last came with it, to the minute; null if never
 * @param revokedAt when it was revoked; null while it is valid
 */
public record ApiKeyRecord(
        UUID id,
        String tenantId,
        String name,
        String prefix,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
