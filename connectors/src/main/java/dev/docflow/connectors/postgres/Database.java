package dev.docflow.connectors.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The metadata database: migrated on open, then reached through Jdbi repositories. {@link #open}
 * connects anew for every statement (fine for jobs that write now and then); {@link #pooled} keeps
 * a bounded pool, for a server that reads at every request. {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {
    private final Jdbi jdbi;
    private final HikariDataSource pool;

    private Database(Jdbi jdbi, HikariDataSource pool) {
        this.jdbi = jdbi;
        this.pool = pool;
    }

    /** Connects and applies any pending migration from {@code db/migration}; a connection per statement. */
    public static Database open(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = migrated(settings);
        return new Database(jdbi(dataSource), null);
    }

    /**
     * As {@link #open}, over a pool of at most {@code maxConnections}: a request then costs no
     * connection set-up (a backend process and a SCRAM handshake), and a flood of requests cannot
     * take more of PostgreSQL's connections than that; beyond, statements wait for a free one (up
     * to {@link DatabaseSettings#connectionTimeout()}, then fail; so do they while the database is
     * down). Idle connections are closed after a minute.
     */
    public static Database pooled(DatabaseSettings settings, int maxConnections) {
        PGSimpleDataSource dataSource = migrated(settings);
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("docflow-db");
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        HikariDataSource pool = new HikariDataSource(config);
        return new Database(jdbi(pool), pool);
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

    private static PGSimpleDataSource migrated(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        int seconds = (int) settings.connectionTimeout().toSeconds();
        dataSource.setConnectTimeout(seconds);
        dataSource.setLoginTimeout(seconds);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
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
