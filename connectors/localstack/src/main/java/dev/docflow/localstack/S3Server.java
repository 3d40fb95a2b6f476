package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An S3 API server: S3Proxy with its filesystem back end, in a JVM of its own, buckets as folders
 * under {@code <workDir>/s3/data/}. Requests must be signed (V2 or V4) with the access key and
 * secret generated on the first start and kept in {@code <workDir>/s3/credentials}.
 */
final class S3Server implements LocalServer {

    static final String NAME = "s3";
    /** The access key: an identifier, not a secret, so a fixed one is fine. */
    static final String ACCESS_KEY = "docflow-local";
    /** S3Proxy's own messages at INFO; its Jetty (shaded under org.gaul) would log at DEBUG without a config. */
    private static final String LOGBACK_CONFIG = """
            <configuration>
              <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.gaul" level="INFO"/>
              <root level="WARN"><appender-ref ref="console"/></root>
            </configuration>
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final ServerProcess process;
    private final int port;
    private final Credentials credentials;

    private S3Server(ServerProcess process, int port, Credentials credentials) {
        this.process = process;
        this.port = port;
        this.credentials = credentials;
    }

    static S3Server start(StackSettings settings) {
        Path folder = settings.workDir().resolve(NAME);
        Path data = folder.resolve("data");
        Path log = folder.resolve(NAME + ".log");
        Path properties = folder.resolve("s3proxy.properties");
        Path logback = folder.resolve("logback.xml");
        ServerProcess.stopLeftover(NAME, folder);
        try {
            Files.createDirectories(data);
            ServerProcess.writePrivately(logback, LOGBACK_CONFIG.getBytes(UTF_8));
        } catch (IOException e) {
            throw LocalStackException.serverFailed(NAME, log, "cannot prepare " + folder, e);
        }
        Credentials credentials = Credentials.loadOrCreate(folder.resolve("credentials"), ACCESS_KEY);
        int port = LocalServer.portOrFree(settings.s3Port());
        ServerProcess.writeProperties(properties, s3ProxyProperties(port, credentials, data));
        List<String> command = List.of(ServerProcess.JAVA, "-Xmx128m",
                "-Dlogback.configurationFile=" + logback,
                "-cp", ServerProcess.serverResource("s3proxy.classpath"),
                "org.gaul.s3proxy.Main", "--properties", properties.toString());
        // Jetty's own "Started ServerConnector…{127.0.0.1:PORT}" first: another stack's S3 server that
        // took the port between our check and our bind would otherwise answer the probe for us.
        // Then any HTTP answer will do (an unsigned GET / gets 403): S3Proxy serves requests.
        String bound = "}{127.0.0.1:" + port + "}";
        ServerProcess process = ServerProcess.start(NAME, command, Map.of(), folder, settings.startTimeout(),
                server -> server.logContains(bound)
                        && HTTP.send(HttpRequest.newBuilder(URI.create(endpoint(port))).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() > 0);
        return new S3Server(process, port, credentials);
    }

    static Map<String, String> s3ProxyProperties(int port, Credentials credentials, Path data) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("s3proxy.endpoint", endpoint(port));
        properties.put("s3proxy.authorization", "aws-v2-or-v4");
        properties.put("s3proxy.identity", credentials.user());
        properties.put("s3proxy.credential", credentials.secret());
        properties.put("jclouds.provider", "filesystem");
        properties.put("jclouds.filesystem.basedir", data.toString());
        return properties;
    }

    static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    String endpoint() {
        return endpoint(port);
    }

    String accessKey() {
        return credentials.user();
    }

    String secretKey() {
        return credentials.secret();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }
}
