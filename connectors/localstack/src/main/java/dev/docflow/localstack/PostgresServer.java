package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's bundled binaries (unpacked once into {@code <workDir>/postgres/bin/}),
 * data in {@code <workDir>/postgres/data/}, created on the first start and reused after, with a
 * database {@value #DATABASE}. The superuser {@value #USER} has a password generated on the first
 * start (kept in {@code <workDir>/postgres/credentials}) and is required to give it, over TCP and
 * the Unix socket alike.
 */
final class PostgresServer implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    static final String NAME = "postgres";
    static final String DATABASE = "docflow";
    /** zonky always connects as this superuser. */
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Credentials credentials;
    private final Path logFile;
    private boolean closed; // guarded by this

    private PostgresServer(EmbeddedPostgres postgres, Credentials credentials, Path logFile) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.logFile = logFile;
    }

    static PostgresServer start(StackSettings settings) {
        Path folder = settings.workDir().resolve(NAME);
        Path data = folder.resolve("data");
        Path log = folder.resolve(NAME + ".log");
        Path credentialsFile = folder.resolve("credentials");
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        if (!fresh && !Files.exists(credentialsFile)) {
            throw LocalStackException.serverFailed(NAME, log, credentialsFile + ", the password of the database in "
                    + data + ", is missing; delete " + data + " to start afresh", null);
        }
        Credentials credentials = Credentials.loadOrCreate(credentialsFile, USER);
        // zonky starts the postmaster detached (pg_ctl), so a killed JVM leaves it running
        ServerProcess.stopLeftover(data.resolve("postmaster.pid"), data.toString());
        Path passwordFile = folder.resolve("initdb-password");
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(folder);
            // owner-only: zonky makes bin/ world-writable, and the binaries in it run as us (root on CI)
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(log, "---- docflow localstack: starting " + NAME + " at " + Instant.now() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(folder.resolve("bin").toFile())
                    .setPort(LocalServer.portOrFree(settings.postgresPort()))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setConnectConfig("password", credentials.secret())
                    .setPGStartupWait(settings.startTimeout())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (fresh) {
                ServerProcess.writePrivately(passwordFile, credentials.secret().getBytes(UTF_8));
                // zonky runs `initdb -A trust` and passes each "locale" entry on as --key=value: that sets the
                // superuser's password and requires it (initdb takes the later --auth over -A)
                builder.setLocaleConfig("pwfile", passwordFile.toString())
                        .setLocaleConfig("auth", "scram-sha-256");
            }
            postgres = builder.start();
            createDatabaseIfMissing(postgres);
            return new PostgresServer(postgres, credentials, log);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(postgres);
            // zonky leaves the postmaster running when it gives up waiting for it
            ServerProcess.stopLeftover(data.resolve("postmaster.pid"), data.toString());
            throw LocalStackException.serverFailed(NAME, log, String.valueOf(e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                LOG.warn("cannot delete {}", passwordFile, e);
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE);
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("cannot stop PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    String user() {
        return credentials.user();
    }

    String password() {
        return credentials.secret();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    /** Stops PostgreSQL with pg_ctl's fast mode: sessions are ended, committed data is kept. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(postgres);
        }
    }
}
