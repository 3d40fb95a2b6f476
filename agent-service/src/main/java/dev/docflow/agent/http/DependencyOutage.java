package dev.docflow.agent.http;

import dev.docflow.connectors.elasticsearch.IndexUnavailableException;
import dev.docflow.connectors.objectstore.ObjectStoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;

/**
 * A request failed because a server the service needs is down or not ready: a 503 with a code
 * naming which, and {@code Retry-After}, never a 500. Found anywhere in the cause chain, since
 * Jdbi, the retriever and the upload service wrap what the clients throw.
 *
 * @param code {@code database_unavailable}, {@code search_unavailable}, {@code object_store_unavailable}
 *     or {@code queue_unavailable}
 * @param message for the caller: what is down, not how (no host, no exception text)
 */
public record DependencyOutage(String code, String message) {
    /** Long enough for a restarting server to come back, short enough for an interactive client. */
    public static final int RETRY_AFTER_SECONDS = 5;

    static final DependencyOutage DATABASE = new DependencyOutage("database_unavailable",
            "The database is unavailable; nothing was changed. Try again shortly.");
    static final DependencyOutage SEARCH = new DependencyOutage("search_unavailable",
            "The search index is unavailable. Try again shortly.");
    static final DependencyOutage OBJECT_STORE = new DependencyOutage("object_store_unavailable",
            "The file store is unavailable; nothing was stored. Try again shortly.");
    static final DependencyOutage QUEUE = new DependencyOutage("queue_unavailable",
            "The ingestion queue is unavailable. Try again shortly.");

    /** The outage {@code failure} is the sign of, if it is one. */
    public static Optional<DependencyOutage> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
                return Optional.of(DATABASE);
            }
            if (cause instanceof IndexUnavailableException) {
                return Optional.of(SEARCH);
            }
            if (cause instanceof ObjectStoreUnavailableException) {
                return Optional.of(OBJECT_STORE);
            }
            if (cause instanceof KafkaException) {
                return Optional.of(QUEUE);
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken), 57P01–57P03 (the server is
     * shutting down, or starting and not accepting connections yet), or the pool's timeout waiting
     * for a connection it could not make.
     */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"));
    }
}
