package dev.docflow.agent.auth;

import dev.docflow.connectors.postgres.ApiKeyRecord;
import dev.docflow.connectors.postgres.ApiKeyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys: 256 random bits, shown once when issued and kept only as a SHA-256 (and their first
 * {@value #SHOWN_CHARS} characters, to tell them apart in a list). Each belongs to one tenant, and a
 * request's key decides whose data it sees. A key is checked against the database at every request,
 * so a revoked key is refused from the next request on: there is no cache to wait out.
 */
public final class ApiKeys {
    static final String PREFIX = "dfk_";
    /** {@code dfk_} and 8 of the 43 random characters: 48 of 256 bits, enough to recognise, far from enough to guess. */
    static final int SHOWN_CHARS = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;

    public ApiKeys(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** A key as issued: the only time its secret is seen whole. */
    public record IssuedKey(UUID id, String tenant, String name, String prefix, String secret) {}

    /** @return whether it was created (false: it exists) */
    public boolean createTenant(String tenant) {
        return keys.createTenant(tenant) == 1;
    }

    public boolean tenantExists(String tenant) {
        return keys.tenantExists(tenant);
    }

    /** A new key for the tenant (created if it does not exist). */
    public IssuedKey issueKey(String tenant, String name) {
        String key = newKey();
        UUID id = keys.register(tenant, name, hash(key), prefixOf(key));
        return new IssuedKey(id, tenant, name, prefixOf(key), key);
    }

    /** {@link #issueKey}'s secret, for callers that need nothing else (tests, the demo). */
    public String issue(String tenant, String name) {
        return issueKey(tenant, name).secret();
    }

    /** Makes a key generated elsewhere (the demo's, kept in its work folder) valid for the tenant. */
    public void register(String tenant, String name, String key) {
        keys.register(tenant, name, hash(key), prefixOf(key));
    }

    public Optional<String> tenantOf(String key) {
        return key == null || key.isBlank() ? Optional.empty() : keys.tenantOf(hash(key.strip()));
    }

    /** The tenant's keys, revoked ones included, oldest first; never their secrets. */
    public List<ApiKeyRecord> list(String tenant) {
        return keys.list(tenant);
    }

    /** @return false when the tenant has no key of that id; revoking a revoked key is a no-op */
    public boolean revoke(String tenant, UUID id) {
        return keys.revoke(tenant, id) == 1;
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a list shows of a key. */
    static String prefixOf(String key) {
        return key.substring(0, Math.min(SHOWN_CHARS, key.length() / 3));
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
