package dev.docflow.agent.auth;

import dev.docflow.connectors.postgres.ApiKeyRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys: 256 random bits, shown once when issued and kept only as a SHA-256. Each belongs to one
 * tenant, and a request's key decides whose data it sees.
 */
public final class ApiKeys {
    static final String PREFIX = "dfk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;

    public ApiKeys(ApiKeyRepository keys) {
        this.keys = keys;
    }

    /** @return whether it was created (false: it exists) */
    public boolean createTenant(String tenant) {
        return keys.createTenant(tenant) == 1;
    }

    public boolean tenantExists(String tenant) {
        return keys.tenantExists(tenant);
    }

    /** A new key for the tenant (created if it does not exist); the only time the key is seen whole. */
    public String issue(String tenant, String name) {
        String key = newKey();
        keys.register(tenant, name, hash(key));
        return key;
    }

    /** Makes a key generated elsewhere (the demo's, kept in its work folder) valid for the tenant. */
    public void register(String tenant, String name, String key) {
        keys.register(tenant, name, hash(key));
    }

    public Optional<String> tenantOf(String key) {
        return key == null || key.isBlank() ? Optional.empty() : keys.tenantOf(hash(key.strip()));
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
