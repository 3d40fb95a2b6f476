package dev.docflow.agent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bootstrap key from configuration ({@code auth.admin-key}): it creates tenants and their keys
 * and nothing else. Blank means no admin over HTTP.
 */
public final class AdminKey {
    private final byte[] hash;

    public AdminKey(String key) {
        this.hash = key == null || key.isBlank() ? null : ApiKeys.hash(key.strip()).getBytes(StandardCharsets.UTF_8);
    }

    /** Compares hashes in constant time, so the key cannot be guessed byte by byte from timings. */
    public boolean matches(String presented) {
        return hash != null && presented != null && !presented.isBlank()
                && MessageDigest.isEqual(hash, ApiKeys.hash(presented.strip()).getBytes(StandardCharsets.UTF_8));
    }
}
