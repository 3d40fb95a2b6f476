package dev.docflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * A user and secret for one local server, generated at random on the first start and kept in the
 * server's folder, so that a work folder always opens with the secret its data was created with and
 * no secret lives in the code.
 */
record Credentials(String user, String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads {@code file}, or creates it (owner-only) with {@code user} and a new random secret. */
    static Credentials loadOrCreate(Path file, String user) {
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                String storedUser = properties.getProperty("user");
                String storedSecret = properties.getProperty("secret");
                if (storedUser == null || storedSecret == null) {
                    throw new LocalStackException(file + " must hold `user` and `secret`; delete it and the"
                            + " server's data folder to start afresh");
                }
                return new Credentials(storedUser, storedSecret);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Credentials created = new Credentials(user, randomToken(30));
        ServerProcess.writeProperties(file, Map.of("user", created.user, "secret", created.secret));
        return created;
    }

    /** Random URL-safe characters ({@code A-Z a-z 0-9 - _}), about 6 bits each. */
    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", secret=***]";
    }
}
