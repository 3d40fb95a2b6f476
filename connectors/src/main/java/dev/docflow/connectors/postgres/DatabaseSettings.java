package dev.docflow.connectors.postgres;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL. Serializable for Flink operators; {@code toString} hides the password.
 *
 * @param connectionTimeout {@code database.connection-timeout-seconds}: the longest a statement
 *     waits for a connection, whether the pool is busy or the database is down (then it fails,
 *     a 503 in the service); also the driver's connect and login timeout. Null for {@link
 *     #DEFAULT_CONNECTION_TIMEOUT}
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Duration connectionTimeout)
        implements Serializable {
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "database jdbc url");
        Objects.requireNonNull(user, "database user");
        password = password == null ? "" : password;
        connectionTimeout = connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : connectionTimeout;
        if (connectionTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("database.connection-timeout-seconds"
                    + " (DOCFLOW_DATABASE_CONNECTION_TIMEOUT_SECONDS) must be at least 1");
        }
    }

    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_CONNECTION_TIMEOUT);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
