package dev.docflow.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.elasticsearch.IndexUnavailableException;
import dev.docflow.connectors.objectstore.ObjectStoreException;
import dev.docflow.connectors.objectstore.ObjectStoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

    @Test
    void connectionFailuresOfPostgresAreTheDatabaseBeingDown() {
        assertThat(DependencyOutage.of(new ConnectionException(new SQLTransientConnectionException("pool timed out"))))
                .contains(DependencyOutage.DATABASE);
        // a statement cut off as the server stops, and one refused while it starts
        assertThat(DependencyOutage.of(new UnableToExecuteStatementException(new SQLException("I/O error", "08006"), null)))
                .contains(DependencyOutage.DATABASE);
        assertThat(DependencyOutage.of(new SQLException("the database system is starting up", "57P03")))
                .contains(DependencyOutage.DATABASE);
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        assertThat(DependencyOutage.of(new UnableToExecuteStatementException(
                new SQLException("duplicate key value violates unique constraint", "23505"), null))).isEmpty();
        assertThat(DependencyOutage.of(new SQLException("syntax error", "42601"))).isEmpty();
    }

    @Test
    void theIndexStoreAndQueueAreFoundAnywhereInTheCauseChain() {
        assertThat(DependencyOutage.of(new IllegalStateException("search failed",
                new IndexUnavailableException("unreachable", new ConnectException("refused")))))
                .contains(DependencyOutage.SEARCH);
        assertThat(DependencyOutage.of(new ObjectStoreUnavailableException("unreachable", new IOException("refused"))))
                .contains(DependencyOutage.OBJECT_STORE);
        assertThat(DependencyOutage.of(new RuntimeException(new TimeoutException("metadata not available"))))
                .contains(DependencyOutage.QUEUE);
    }

    @Test
    void refusalsAndBugsAreNotOutages() {
        assertThat(DependencyOutage.of(new ObjectStoreException("Access Denied", null))).isEmpty();
        assertThat(DependencyOutage.of(new UncheckedIOException("Elasticsearch POST /x/_search failed: 400",
                new IOException("parsing_exception")))).isEmpty();
        assertThat(DependencyOutage.of(new NullPointerException())).isEmpty();
    }
}
