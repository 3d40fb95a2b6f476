package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.localstack.StackSettings.Server;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One server of a running stack stopped and started again, as the fault tests do it: while it is
 * down nothing listens on its port, the others keep serving, and it comes back on the same port
 * with its data.
 */
class ServerOutageIT {

    @Test
    void aStoppedServerComesBackOnItsPortWithItsData() throws Exception {
        Path workDir = SharedStack.workDir().resolve("outage-it");
        StackSettings settings = StackSettings.builder(workDir).servers(Server.POSTGRES, Server.S3).anyFreePorts().build();
        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            StackEndpoints endpoints = stack.endpoints();
            int postgresPort = portOf(stack, "postgres");
            int s3Port = portOf(stack, "s3");
            try (Connection db = connect(endpoints); Statement sql = db.createStatement()) {
                sql.execute("create table if not exists outage_rows (name text)");
                sql.execute("insert into outage_rows values ('before the outage')");
            }

            stack.stop(Server.POSTGRES);
            assertThat(accepts(postgresPort)).as("postgres is down").isFalse();
            assertThat(accepts(s3Port)).as("s3 still serves").isTrue();
            assertThatThrownBy(() -> connect(endpoints).close()).isInstanceOf(SQLException.class);
            stack.stop(Server.POSTGRES); // a second stop does nothing

            stack.restart(Server.POSTGRES);
            assertThat(portOf(stack, "postgres")).isEqualTo(postgresPort);
            assertThat(stack.endpoints()).isEqualTo(endpoints);
            try (Connection db = connect(endpoints); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select count(*) from outage_rows where name = 'before the outage'")) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
            }

            stack.stop(Server.S3);
            assertThat(accepts(s3Port)).isFalse();
            stack.restart(Server.S3);
            assertThat(accepts(s3Port)).isTrue();
            assertThat(stack.servers()).extracting(LocalServer::name).containsExactly("postgres", "s3");
            assertThatThrownBy(() -> stack.restart(Server.KAFKA)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(List.of(workDir.resolve("s3/s3.pid"), workDir.resolve("postgres/data/postmaster.pid")))
                .allSatisfy(pid -> assertThat(pid).doesNotExist());
    }

    private static int portOf(EmbeddedStack stack, String name) {
        return stack.servers().stream().filter(server -> server.name().equals(name)).findFirst().orElseThrow().port();
    }

    private static Connection connect(StackEndpoints endpoints) throws SQLException {
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.databaseUser(), endpoints.databasePassword());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
