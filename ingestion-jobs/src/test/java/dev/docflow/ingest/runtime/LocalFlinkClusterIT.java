package dev.docflow.ingest.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's local Flink cluster listens on the loopback address only: its dashboard, and the
 * servers Flink starts without being asked (the blob server, which binds every address unless told).
 */
class LocalFlinkClusterIT {

    @Test
    void everySocketTheClusterListensOnIsOnLoopback() throws Exception {
        Set<String> before = new HashSet<>(listeningAddresses());
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start("0", 1)) {
            List<String> opened = new ArrayList<>(listeningAddresses());
            opened.removeAll(before);

            assertThat(opened).as("sockets the cluster opened").isNotEmpty(); // the dashboard at least
            assertThat(opened).as("listening addresses (hex, as /proc/net/tcp writes them)")
                    .allMatch(LocalFlinkClusterIT::isLoopback);
        }
    }

    /** The local addresses ("0100007F:1F90") of this JVM's listening TCP sockets, from /proc. */
    private static List<String> listeningAddresses() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // a descriptor closed while listing
                }
            }
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean listening = fields[3].equals("0A");
                if (listening && inodes.contains(fields[9])) {
                    addresses.add(fields[1]);
                }
            }
        }
        return addresses;
    }

    private static boolean isLoopback(String address) {
        String host = address.substring(0, address.indexOf(':'));
        return host.equals("0100007F") // 127.0.0.1
                || host.equals("00000000000000000000000001000000") // ::1
                || host.equals("0000000000000000FFFF00000100007F"); // ::ffff:127.0.0.1
    }
}
