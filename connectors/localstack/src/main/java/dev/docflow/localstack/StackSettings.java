package dev.docflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How to run an {@link EmbeddedStack}. Build with {@link #defaults(Path)} or {@link #builder(Path)}.
 *
 * <p>Ports are preferences: a server whose port is taken starts on a free one instead (read the
 * real ones from {@link StackEndpoints}); {@code 0} asks for any free port.
 *
 * @param workDir             folder holding every server's data and logs, kept between runs; made absolute
 * @param servers             the servers to start, never empty
 * @param elasticsearchHeap   Elasticsearch's heap, as for {@code -Xmx}: {@code 512m}, {@code 1g}
 * @param elasticsearchPort   preferred HTTP port, default 9200
 * @param postgresPort        preferred port, default 5432
 * @param kafkaPort           preferred broker port, default 9092
 * @param kafkaControllerPort preferred KRaft controller port, default 9093
 * @param s3Port              preferred port, default 9000
 * @param startTimeout        how long each server may take to become ready, default 3 minutes
 */
public record StackSettings(
        Path workDir,
        Set<Server> servers,
        String elasticsearchHeap,
        int elasticsearchPort,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int s3Port,
        Duration startTimeout) {

    /** The servers a stack can run. */
    public enum Server { ELASTICSEARCH, POSTGRES, KAFKA, S3 }

    public StackSettings {
        Objects.requireNonNull(workDir, "workDir");
        workDir = workDir.toAbsolutePath().normalize();
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one server");
        }
        servers = Collections.unmodifiableSet(EnumSet.copyOf(servers));
        if (elasticsearchHeap == null || !elasticsearchHeap.matches("[1-9][0-9]*[kKmMgG]")) {
            throw new IllegalArgumentException("elasticsearchHeap must look like 512m or 1g, not " + elasticsearchHeap);
        }
        int[] ports = {elasticsearchPort, postgresPort, kafkaPort, kafkaControllerPort, s3Port};
        if (IntStream.of(ports).anyMatch(port -> port < 0 || port > 65535)) {
            throw new IllegalArgumentException("ports must be within 0..65535 (0 = any free port)");
        }
        int[] chosen = IntStream.of(ports).filter(port -> port != 0).toArray();
        if (IntStream.of(chosen).distinct().count() != chosen.length) {
            throw new IllegalArgumentException("two servers cannot prefer the same port");
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive");
        }
    }

    /** The same settings with {@code server} (and, for Kafka, its controller) on any free port. */
    public StackSettings withAnyFreePort(Server server) {
        return new StackSettings(workDir, servers, elasticsearchHeap,
                server == Server.ELASTICSEARCH ? 0 : elasticsearchPort,
                server == Server.POSTGRES ? 0 : postgresPort,
                server == Server.KAFKA ? 0 : kafkaPort,
                server == Server.KAFKA ? 0 : kafkaControllerPort,
                server == Server.S3 ? 0 : s3Port,
                startTimeout);
    }

    /** All four servers on their usual ports, work data in {@code workDir}. */
    public static StackSettings defaults(Path workDir) {
        return builder(workDir).build();
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public boolean runs(Server server) {
        return servers.contains(server);
    }

    /** Builds {@link StackSettings}; starts from the defaults. */
    public static final class Builder {
        private final Path workDir;
        private Set<Server> servers = EnumSet.allOf(Server.class);
        private String elasticsearchHeap = "512m";
        private int elasticsearchPort = 9200;
        private int postgresPort = 5432;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int s3Port = 9000;
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder servers(Server first, Server... more) {
            this.servers = EnumSet.of(first, more);
            return this;
        }

        public Builder elasticsearchHeap(String heap) {
            this.elasticsearchHeap = heap;
            return this;
        }

        public Builder elasticsearchPort(int port) {
            this.elasticsearchPort = port;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        /** Every preferred port set to 0: any free port, for runs beside other stacks. */
        public Builder anyFreePorts() {
            elasticsearchPort = postgresPort = kafkaPort = kafkaControllerPort = s3Port = 0;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public StackSettings build() {
            return new StackSettings(workDir, servers, elasticsearchHeap, elasticsearchPort, postgresPort, kafkaPort,
                    kafkaControllerPort, s3Port, startTimeout);
        }
    }
}
