package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.agent.testutils.ApiClient;
import dev.docflow.agent.testutils.ServedHandbook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API keys are listed (never their secrets) and revoked by the admin over real HTTP, and a revoked
 * key is refused at once; requests without a valid key are limited per client address. The service
 * runs against the shared stack's PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyAdminIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "admin-key-of-api-key-admin-it-" + UUID.randomUUID();
    private static final int FAILURES_PER_MINUTE = 3;

    private ServedHandbook service;
    private ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        service = ServedHandbook.start("api-key-admin-it", config -> config.withAdminKey(ADMIN_KEY)
                .withLimits(ServiceLimits.DEFAULTS.withFailedAuthenticationsPerMinute(FAILURES_PER_MINUTE)));
        admin = service.client.withKey(ADMIN_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anIssuedKeyIsListedWithoutItsSecretAndOnceRevokedIsRefusedAtOnce() throws Exception {
        String tenant = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/admin/tenants", "{\"id\":\"" + tenant + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> issued = admin.post("/api/admin/tenants/" + tenant + "/keys", "{\"name\":\"ci\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode key = JSON.readTree(issued.body());
        String secret = key.path("key").asText();
        String id = key.path("id").asText();
        assertThat(secret).startsWith("dfk_").startsWith(key.path("prefix").asText());
        ApiClient holder = service.client.withKey(secret);
        assertThat(holder.get("/api/knowledge-bases").statusCode()).isEqualTo(200);

        HttpResponse<String> listed = admin.get("/api/admin/tenants/" + tenant + "/keys");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(ApiKeys.hash(secret));
        JsonNode keys = JSON.readTree(listed.body()).path("keys");
        assertThat(keys).hasSize(1);
        JsonNode listedKey = keys.get(0);
        assertThat(listedKey.path("id").asText()).isEqualTo(id);
        assertThat(listedKey.path("name").asText()).isEqualTo("ci");
        assertThat(listedKey.path("prefix").asText()).isEqualTo(key.path("prefix").asText()).hasSizeLessThan(secret.length() / 3 + 1);
        assertThat(listedKey.path("createdAt").asText()).isNotEmpty();
        assertThat(listedKey.path("lastUsedAt").asText()).as("the request above used it").isNotEmpty();
        assertThat(listedKey.path("revoked").asBoolean()).isFalse();
        assertThat(service.client.get("/api/admin/tenants/" + tenant + "/keys").statusCode())
                .as("a tenant's key lists no keys").isEqualTo(403);

        assertThat(admin.delete("/api/admin/tenants/" + tenant + "/keys/" + id).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = holder.get("/api/knowledge-bases");
        assertThat(refused.statusCode()).as("the very next request").isEqualTo(401);
        assertThat(holder.post("/v1/chat/completions", "{}").statusCode()).isEqualTo(401);
        JsonNode revoked = JSON.readTree(admin.get("/api/admin/tenants/" + tenant + "/keys").body()).path("keys").get(0);
        assertThat(revoked.path("revoked").asBoolean()).isTrue();
        assertThat(revoked.path("revokedAt").asText()).isNotEmpty();
        assertThat(admin.delete("/api/admin/tenants/" + tenant + "/keys/" + id).statusCode()).as("again: no change").isEqualTo(204);
        assertThat(admin.delete("/api/admin/tenants/" + tenant + "/keys/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(admin.delete("/api/admin/tenants/" + service.fixture.tenant + "/keys/" + id).statusCode())
                .as("another tenant's key is not found under this one").isEqualTo(404);
        assertThat(admin.get("/api/admin/tenants/no-such-" + tenant + "/keys").statusCode()).isEqualTo(404);
    }

    @Test
    void anAddressThatKeepsSendingInvalidKeysIsRefusedWhileOtherAddressesGoOn() throws Exception {
        String guesser = "127.0.0.3"; // a loopback address of its own, so the other tests' 127.0.0.1 is not limited
        String wrongKey = "dfk_" + UUID.randomUUID();
        for (int i = 0; i < FAILURES_PER_MINUTE; i++) {
            assertThat(requestFrom(guesser, "/api/knowledge-bases", wrongKey).status()).isEqualTo(401);
        }

        RawResponse limited = requestFrom(guesser, "/api/knowledge-bases", wrongKey);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).path("error").path("code").asText()).isEqualTo("too_many_failed_authentications");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // the address is refused before any key lookup, so a valid key from it waits too
        assertThat(requestFrom(guesser, "/api/knowledge-bases", service.client.key()).status()).isEqualTo(429);
        assertThat(requestFrom(guesser, "/api/admin/tenants/" + service.fixture.tenant + "/keys", ADMIN_KEY).status())
                .as("the admin key is checked without a lookup").isEqualTo(200);
        assertThat(requestFrom("127.0.0.2", "/api/knowledge-bases", service.client.key()).status())
                .as("another address is not limited").isEqualTo(200);
        assertThat(service.client.get("/api/knowledge-bases").statusCode()).isEqualTo(200);
    }

    private record RawResponse(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A request made from {@code localAddress} (a loopback address) to the service on 127.0.0.1. */
    private RawResponse requestFrom(String localAddress, String path, String key) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", service.client.base().getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
            }
            StringBuilder body = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                body.append(line).append('\n');
            }
            // the JSON itself, whether it came whole or chunked (chunk sizes on lines of their own)
            String text = body.toString();
            return new RawResponse(status, headers, text.contains("{") ? text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1) : "");
        }
    }
}
