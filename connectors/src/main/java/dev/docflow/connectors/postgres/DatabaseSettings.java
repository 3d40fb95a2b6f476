package dev.docflow.connectors.postgres;

import java.io.Serializable;
import java.util.Objects;

/** How to reach PostgreSQL. Serializable for Flink operators; {@code toString} hides the password. */
public record DatabaseSettings(String jdbcUrl, String user, String password) implements Serializable {
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "database jdbc url");
        Objects.requireNonNull(user, "database user");
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
