package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.localstack.testutils.SharedStack;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The real servers, end to end: a round trip with each, then a restart on the same work folder
 * that must find the data again.
 */
class EmbeddedStackIT {

    /** Names unique to this run: the work folder outlives it (target/ is not always cleaned). */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String INDEX = "it-docs-" + RUN;
    private static final String TABLE = "it_rows_" + RUN;
    private static final String BUCKET = "it-bucket-" + RUN;
    private static final String OBJECT = "docs/hello.txt";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void serversAnswerRealRequestsAndKeepTheirDataAcrossARestart() throws Exception {
        // beside the shared stack of this JVM, which may hold the usual ports: this one then gets others
        Path workDir = SharedStack.workDir().resolve("restart-it");
        StackSettings settings = StackSettings.defaults(workDir);
        String clusterId;
        List<LocalServer> stopped;

        try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
            StackEndpoints endpoints = stack.endpoints();
            assertThat(RunningStack.find(workDir)).contains(endpoints);

            String es = endpoints.elasticsearchUrl();
            assertThat(send("PUT", es + "/" + INDEX, "{\"mappings\":{\"properties\":{\"title\":{\"type\":\"text\"}}}}"))
                    .startsWith("200 ");
            assertThat(send("PUT", es + "/" + INDEX + "/_doc/1?refresh=true", "{\"title\":\"hello stack\"}"))
                    .startsWith("201 ");
            assertThat(send("GET", es + "/" + INDEX + "/_doc/1", null)).startsWith("200 ").contains("hello stack");
            assertThat(send("POST", es + "/" + INDEX + "/_search", "{\"query\":{\"match\":{\"title\":\"stack\"}}}"))
                    .contains("\"total\":{\"value\":1");

            try (Connection db = connect(endpoints); Statement sql = db.createStatement()) {
                sql.execute("create table " + TABLE + " (id int primary key, name text)");
                sql.execute("insert into " + TABLE + " values (1, 'kept')");
                assertThat(names(sql)).containsExactly("kept");
                assertThat(db.getCatalog()).isEqualTo("docflow");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.databaseUser(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");

            MinioClient s3 = s3(endpoints);
            s3.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            byte[] content = ("hello from " + RUN).getBytes(UTF_8);
            s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(OBJECT)
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType("text/plain").build());
            assertThat(read(s3)).isEqualTo(content);
            List<String> listed = new ArrayList<>();
            for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(BUCKET).recursive(true).build())) {
                listed.add(item.get().objectName());
            }
            assertThat(listed).containsExactly(OBJECT);

            assertThat(acceptsConnections(endpoints.kafkaBootstrapServers())).isTrue();
            assertThat(logOf(stack, "kafka")).content().contains("Kafka Server started");
            clusterId = kafkaClusterId(workDir);

            // one stack per work folder
            assertThatThrownBy(() -> EmbeddedStack.start(settings))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("stack.lock");
            stopped = stack.servers();
        }

        assertThat(workDir.resolve("stack.json")).doesNotExist();
        assertThat(RunningStack.find(workDir)).isEmpty();
        assertThat(stopped).hasSize(4).allSatisfy(server ->
                assertThat(acceptsConnections("127.0.0.1:" + server.port())).as(server.name() + " still listens").isFalse());

        try (EmbeddedStack again = EmbeddedStack.start(settings)) {
            StackEndpoints endpoints = again.endpoints();
            assertThat(send("GET", endpoints.elasticsearchUrl() + "/" + INDEX + "/_doc/1", null))
                    .startsWith("200 ").contains("hello stack");
            try (Connection db = connect(endpoints); Statement sql = db.createStatement()) {
                assertThat(names(sql)).containsExactly("kept");
            }
            assertThat(new String(read(s3(endpoints)), UTF_8)).isEqualTo("hello from " + RUN);
            assertThat(acceptsConnections(endpoints.kafkaBootstrapServers())).isTrue();
            assertThat(kafkaClusterId(workDir)).as("Kafka storage is formatted once").isEqualTo(clusterId);
        }
    }

    @Test
    void aServerThatCannotStartTakesTheOthersDownWithIt() {
        Path workDir = SharedStack.workDir().resolve("failure-it");
        // a heap no JVM starts with: Elasticsearch fails while the others come up
        StackSettings settings = StackSettings.builder(workDir).elasticsearchHeap("1k").build();

        assertThatThrownBy(() -> EmbeddedStack.start(settings))
                .isInstanceOf(LocalStackException.class)
                .hasMessageStartingWith("elasticsearch did not start")
                .hasMessageContaining(workDir.resolve("elasticsearch/elasticsearch.log").toString())
                .hasMessageContaining("heap");

        assertThat(workDir.resolve("stack.json")).doesNotExist();
        assertThat(workDir.resolve("kafka/kafka.pid")).as("kafka stopped").doesNotExist();
        assertThat(workDir.resolve("s3/s3.pid")).as("s3 stopped").doesNotExist();
        assertThat(workDir.resolve("postgres/data/postmaster.pid")).as("postgres stopped").doesNotExist();
        WorkDirLock.acquire(workDir).close();
    }

    /** {@code "<status> <body>"}. */
    private String send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static Connection connect(StackEndpoints endpoints) throws SQLException {
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.databaseUser(), endpoints.databasePassword());
    }

    private static List<String> names(Statement sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select name from " + TABLE + " order by id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static MinioClient s3(StackEndpoints endpoints) {
        return MinioClient.builder().endpoint(endpoints.s3Endpoint())
                .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
    }

    private static byte[] read(MinioClient s3) throws Exception {
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(BUCKET).object(OBJECT).build())) {
            return in.readAllBytes();
        }
    }

    private static boolean acceptsConnections(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path logOf(EmbeddedStack stack, String name) {
        return stack.servers().stream().filter(server -> server.name().equals(name)).findFirst().orElseThrow().logFile();
    }

    private static String kafkaClusterId(Path workDir) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(workDir.resolve("kafka/data/meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }
}
