package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.testutils.SharedStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The fixture other modules' integration tests use. */
class SharedStackIT {

    @Test
    void oneStackPerJvmEvenWhenAskedConcurrently() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<StackEndpoints>> answers = callers.invokeAll(
                    List.<Callable<StackEndpoints>>of(SharedStack::get, SharedStack::get, SharedStack::get, SharedStack::get));
            StackEndpoints endpoints = SharedStack.get();
            for (Future<StackEndpoints> answer : answers) {
                assertThat(answer.get()).isSameAs(endpoints);
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void advertisesItselfAndAnswers() throws Exception {
        StackEndpoints endpoints = SharedStack.get();

        assertThat(SharedStack.workDir()).hasToString(System.getProperty("docflow.workDir"));
        assertThat(RunningStack.find(SharedStack.workDir())).contains(endpoints);
        assertThat(ElasticsearchServer.answersHealth(endpoints.elasticsearchUrl())).isTrue();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.databaseUser(),
                endpoints.databasePassword());
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("docflow");
        }
    }
}
