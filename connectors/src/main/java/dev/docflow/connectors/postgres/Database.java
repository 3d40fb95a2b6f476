package dev.docflow.connectors.postgres;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/** The metadata database: migrated on open, then reached through Jdbi repositories. */
public final class Database {
    private final Jdbi jdbi;

    private Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Connects and applies any pending migration from {@code db/migration}. */
    public static Database open(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        return new Database(jdbi);
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
}
