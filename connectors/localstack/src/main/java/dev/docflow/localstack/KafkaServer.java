package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A single-node KRaft Kafka (broker and controller in one JVM) from the {@code docflow-server-kafka}
 * class path, in a JVM of its own: its clients 4.x and Scala must stay off our class path, where
 * the Flink connector brings clients 3.x. Its log directory, {@code <workDir>/kafka/data/}, is
 * formatted on the first start only, so topics and offsets survive restarts.
 */
final class KafkaServer implements LocalServer {

    static final String NAME = "kafka";
    /** What the broker logs once it serves clients (as {@code [KafkaRaftServer nodeId=1] Kafka Server started}). */
    static final String STARTED_LINE = "Kafka Server started";
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    /** Warnings only, except the start and stop lines of the server, which we wait for. */
    private static final String LOG4J2_CONFIG = """
            status = warn
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = info
            """;

    private final ServerProcess process;
    private final int port;
    private final int controllerPort;

    private KafkaServer(ServerProcess process, int port, int controllerPort) {
        this.process = process;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    static KafkaServer start(StackSettings settings) {
        Path folder = settings.workDir().resolve(NAME);
        Path data = folder.resolve("data");
        Path log = folder.resolve(NAME + ".log");
        Path properties = folder.resolve("server.properties");
        Path log4j2 = folder.resolve("log4j2.properties");
        ServerProcess.stopLeftover(NAME, folder);
        int port = LocalServer.portOrFree(settings.kafkaPort());
        int controllerPort = LocalServer.portOrFree(settings.kafkaControllerPort());
        try {
            Files.createDirectories(data);
            ServerProcess.writePrivately(log4j2, LOG4J2_CONFIG.getBytes(UTF_8));
        } catch (IOException e) {
            throw LocalStackException.serverFailed(NAME, log, "cannot prepare " + folder, e);
        }
        // rewritten at each start: the ports may differ from the last run
        ServerProcess.writeProperties(properties, serverProperties(port, controllerPort, data));

        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = java(log4j2, "128m", "kafka.tools.StorageTool",
                    "format", "--cluster-id", newClusterId(), "--config", properties.toString());
            int code = ServerProcess.run(format, log, FORMAT_TIMEOUT);
            if (code != 0) {
                throw LocalStackException.serverFailed(NAME, log, "formatting " + data + " failed (exit code " + code + ")", null);
            }
        }
        ServerProcess process = ServerProcess.start(NAME, java(log4j2, BROKER_HEAP_MB + "m", "kafka.Kafka", properties.toString()),
                Map.of(), folder, settings.startTimeout(),
                server -> server.logContains(STARTED_LINE) && accepts(port));
        return new KafkaServer(process, port, controllerPort);
    }

    /** The broker's {@code -Xmx}, in MB. */
    static final int BROKER_HEAP_MB = 256;
    static final long CLEANER_DEDUPE_BUFFER_BYTES = 16L << 20;

    /** The broker's configuration: one node that is both broker and controller, internal topics unreplicated. */
    static Map<String, String> serverProperties(int port, int controllerPort, Path logDir) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("node.id", "1");
        properties.put("process.roles", "broker,controller");
        // a static voter set: no --standalone formatting, and it keeps working when the port changes
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDir.toString());
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // consumers of a fresh group start at once instead of after 3 s
        properties.put("group.initial.rebalance.delay.ms", "0");
        // a topic's retention is applied within a second rather than five minutes: tests of events
        // expiring unread wait on it, and a local broker's check costs nothing
        properties.put("log.retention.check.interval.ms", "1000");
        // the log cleaner allocates this at start (Kafka's default: 128 MB, half the broker's heap):
        // once a compacted topic such as __consumer_offsets exists, a start could end in
        // "OutOfMemoryError: Java heap space" in LogCleaner.startup. 16 MB still holds about
        // 700,000 keys per cleaning pass, far more than a local broker's offsets topic has
        properties.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
        return properties;
    }

    /**
     * A new cluster id in Kafka's format: 16 random bytes, URL-safe base64 without padding, not
     * starting with '-' (which Kafka's command-line parsing would take for an option).
     */
    static String newClusterId() {
        String id;
        do {
            id = Credentials.randomToken(16);
        } while (id.startsWith("-"));
        return id;
    }

    private static List<String> java(Path log4j2, String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ServerProcess.JAVA, "-Xmx" + heap,
                "-Dlog4j2.configurationFile=" + log4j2,
                "-cp", ServerProcess.serverResource("kafka.classpath"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The KRaft controller's port; a restart keeps it, as it keeps the broker's. */
    int controllerPort() {
        return controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
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
