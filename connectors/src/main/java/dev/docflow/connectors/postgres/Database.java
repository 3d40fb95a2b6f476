package dev.docflow.connectors.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The metadata database, reached through Jdbi repositories. Its schema is changed in one place
 * only, {@link #migrate} (the agent service at start, {@code ./docflow migrate}, the launcher's own
 * stack): the ingestion jobs' operators, opened on every TaskManager at every restart, never race
 * each other over a migration or change a schema the running service reads. Opening checks that
 * the schema is the one this build was written for and says how to get it when it is older.
 * {@link #open} connects anew for every statement (fine for a client that writes now and then);
 * {@link #pooled} keeps a bounded pool, for a server that reads at every request. {@link #close()}
 * closes the pool.
 */
public final class Database implements AutoCloseable {
    private final Jdbi jdbi;
    private final HikariDataSource pool;

    private Database(Jdbi jdbi, HikariDataSource pool) {
        this.jdbi = jdbi;
        this.pool = pool;
    }

    /**
     * Applies every pending migration from {@code db/migration} and returns the schema version the
     * database is at afterwards. Safe to run again, and from two processes at once (Flyway takes a
     * lock in the database).
     */
    public static SchemaVersion migrate(DatabaseSettings settings) {
        MigrateResult result = Flyway.configure().dataSource(dataSource(settings)).locations(MIGRATIONS).load().migrate();
        // Flyway names no target when nothing was pending: the schema stayed at its initial version
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new SchemaVersion(SchemaVersion.number(version), result.migrationsExecuted);
    }

    /** Connects, a connection per statement; fails with {@link SchemaOutdatedException} before {@link #migrate}. */
    public static Database open(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = dataSource(settings);
        Database database = new Database(jdbi(dataSource), null);
        database.requireSchema(settings);
        return database;
    }

    /**
     * As {@link #open}, over a pool of at most {@code maxConnections}: a request then costs no
     * connection set-up (a backend process and a SCRAM handshake), and a flood of requests cannot
     * take more of PostgreSQL's connections than that; beyond, statements wait for a free one (up
     * to {@link DatabaseSettings#connectionTimeout()}, then fail; so do they while the database is
     * down). Idle connections are closed after a minute.
     */
    public static Database pooled(DatabaseSettings settings, int maxConnections) {
        PGSimpleDataSource dataSource = dataSource(settings);
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("docflow-db");
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        HikariDataSource pool = new HikariDataSource(config);
        Database database = new Database(jdbi(pool), pool);
        try {
            database.requireSchema(settings);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    /**
     * What one subtask of an ingestion operator needs: it runs one statement at a time, so a pool
     * of two, which spares it a connection set-up (a backend process and a SCRAM handshake) for
     * every statement. Closed with the operator.
     */
    public static Database forSubtask(DatabaseSettings settings) {
        return pooled(settings, SUBTASK_CONNECTIONS);
    }

    static final int SUBTASK_CONNECTIONS = 2;
    static final String MIGRATIONS = "classpath:db/migration";

    private static PGSimpleDataSource dataSource(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        int seconds = (int) settings.connectionTimeout().toSeconds();
        dataSource.setConnectTimeout(seconds);
        dataSource.setLoginTimeout(seconds);
        return dataSource;
    }

    private void requireSchema(DatabaseSettings settings) {
        SchemaHistoryRepository history = repository(SchemaHistoryRepository.class);
        int version = history.exists() ? history.version() : 0;
        if (version < SchemaVersion.REQUIRED) {
            throw new SchemaOutdatedException(settings.jdbcUrl(), version, SchemaVersion.REQUIRED);
        }
    }

    private static Jdbi jdbi(DataSource dataSource) {
        return ContractColumns.register(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin()));
    }

    /** Runs {@code work} in one transaction with a repository bound to it; rolled back if it throws. */
    public <R, T> T inTransaction(Class<R> type, java.util.function.Function<R, T> work) {
        return jdbi.inTransaction(handle -> work.apply(handle.attach(type)));
    }

    public ObjectRemovalRepository objectRemovals() {
        return repository(ObjectRemovalRepository.class);
    }

    public <R> R repository(Class<R> type) {
        return jdbi.onDemand(type);
    }

    public KnowledgeBaseRepository knowledgeBases() {
        return repository(KnowledgeBaseRepository.class);
    }

    public DocumentRepository documents() {
        return repository(DocumentRepository.class);
    }

    public ApiKeyRepository apiKeys() {
        return repository(ApiKeyRepository.class);
    }

    public ConversationRepository conversations() {
        return repository(ConversationRepository.class);
    }

    public UploadRepository uploads() {
        return repository(UploadRepository.class);
    }

    /** Closes the pool, if this database has one; a database from {@link #open} holds nothing to close. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
