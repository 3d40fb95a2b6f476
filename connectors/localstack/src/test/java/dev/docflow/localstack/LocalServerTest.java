package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalServerTest {

    @Test
    void keepsThePreferredPortWhenItIsFree() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        assertThat(LocalServer.portOrFree(free)).isEqualTo(free);
    }

    @Test
    void choosesAnotherFreePortWhenThePreferredOneIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int chosen = LocalServer.portOrFree(taken.getLocalPort());

            assertThat(chosen).isPositive().isNotEqualTo(taken.getLocalPort());
            try (ServerSocket bound = new ServerSocket(chosen, 1, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(chosen);
            }
        }
    }

    @Test
    void zeroMeansAnyFreePort() {
        assertThat(LocalServer.portOrFree(0)).isBetween(1, 65535);
    }
}
