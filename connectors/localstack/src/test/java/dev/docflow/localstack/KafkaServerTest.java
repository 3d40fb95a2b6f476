package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerTest {

    @TempDir
    Path dir;

    @Test
    void rendersASingleNodeKraftConfiguration() {
        Map<String, String> properties = KafkaServer.serverProperties(19092, 19093, Path.of("/w/kafka/data"));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/w/kafka/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void theLogCleanersBufferLeavesTheBrokerMostOfItsHeap() {
        // Kafka's default dedupe buffer (128 MB) took half of the 256 MB heap: a stack's third start
        // ended in OutOfMemoryError in LogCleaner.startup once __consumer_offsets existed
        long heapBytes = (long) KafkaServer.BROKER_HEAP_MB << 20;
        long dedupe = Long.parseLong(KafkaServer.serverProperties(9092, 9093, dir).get("log.cleaner.dedupe.buffer.size"));

        assertThat(dedupe).isGreaterThanOrEqualTo(1L << 20).isLessThanOrEqualTo(heapBytes / 8);
    }

    @Test
    void propertiesFilesReadBackAsWrittenEvenWithOddPaths() throws IOException {
        Path odd = dir.resolve("dossier été: #1 = ok");
        Map<String, String> written = KafkaServer.serverProperties(9092, 9093, odd);
        Path file = dir.resolve("server.properties");

        ServerProcess.writeProperties(file, written);

        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            read.load(in); // as Kafka and S3Proxy read them: Latin-1 with escapes
        }
        assertThat(read).containsExactlyInAnyOrderEntriesOf(written);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void clusterIdsAreSixteenRandomBytesInKafkaFormat() {
        String id = KafkaServer.newClusterId();

        assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        assertThat(KafkaServer.newClusterId()).isNotEqualTo(id);
    }
}
