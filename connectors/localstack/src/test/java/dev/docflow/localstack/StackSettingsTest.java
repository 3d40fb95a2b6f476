package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.localstack.StackSettings.Server;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsRunEveryServerOnItsUsualPort() {
        StackSettings settings = StackSettings.defaults(Path.of("work"));

        assertThat(settings.workDir()).isAbsolute().isEqualTo(Path.of("work").toAbsolutePath());
        assertThat(settings.servers()).containsExactly(Server.ELASTICSEARCH, Server.POSTGRES, Server.KAFKA, Server.S3);
        assertThat(settings.elasticsearchHeap()).isEqualTo("512m");
        assertThat(settings.elasticsearchPort()).isEqualTo(9200);
        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.s3Port()).isEqualTo(9000);
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void builderOverridesTheDefaults() {
        StackSettings settings = StackSettings.builder(Path.of("/tmp/w/../stack"))
                .servers(Server.POSTGRES, Server.S3)
                .elasticsearchHeap("1g")
                .anyFreePorts()
                .s3Port(9100)
                .startTimeout(Duration.ofSeconds(30))
                .build();

        assertThat(settings.workDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.runs(Server.POSTGRES)).isTrue();
        assertThat(settings.runs(Server.ELASTICSEARCH)).isFalse();
        assertThat(settings.elasticsearchHeap()).isEqualTo("1g");
        assertThat(settings.elasticsearchPort()).isZero();
        assertThat(settings.kafkaControllerPort()).isZero();
        assertThat(settings.s3Port()).isEqualTo(9100);
        assertThat(settings.startTimeout()).hasSeconds(30);
    }

    @Test
    void rejectsWhatCannotWork() {
        Path work = Path.of("work");
        assertThatThrownBy(() -> StackSettings.builder(work).elasticsearchHeap("512").build())
                .hasMessageContaining("512m or 1g");
        assertThatThrownBy(() -> StackSettings.builder(work).kafkaControllerPort(9092).build())
                .hasMessageContaining("same port");
        assertThatThrownBy(() -> StackSettings.builder(work).s3Port(70000).build())
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> StackSettings.builder(work).startTimeout(Duration.ZERO).build())
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new StackSettings(work, java.util.Set.of(), "512m", 0, 0, 0, 0, 0, Duration.ofMinutes(1)))
                .hasMessageContaining("at least one server");
    }

    @Test
    void serversAreACopyInStartOrder() {
        var servers = new java.util.HashSet<>(java.util.Set.of(Server.S3, Server.ELASTICSEARCH));
        StackSettings settings = new StackSettings(Path.of("w"), servers, "512m", 0, 0, 0, 0, 0, Duration.ofMinutes(1));
        servers.add(Server.KAFKA);

        assertThat(settings.servers()).containsExactly(Server.ELASTICSEARCH, Server.S3);
    }
}
