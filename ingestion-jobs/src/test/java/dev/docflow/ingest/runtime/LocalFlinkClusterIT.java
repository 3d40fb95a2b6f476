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
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher's local Flink cluster listens on the loopback address only: its dashboard, and the
 * servers Flink starts without being asked (the blob server, which binds every address unless told);
 * and it takes checkpoints larger than the JobManager's memory would hold.
 */
class LocalFlinkClusterIT {

    @Test
    @Timeout(180)
    void aCheckpointLargerThanTheJobManagersMemoryLimitCompletes() throws Exception {
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start("0", 1)) {
            StreamExecutionEnvironment env = cluster.environment(1);
            env.enableCheckpointing(200);
            env.addSource(new LargeStateSource()).returns(Types.INT).sinkTo(new DiscardingSink<>());

            // without file storage every checkpoint fails ("exceeds the maximum permitted
            // memory-backed state"), the job fails over and runs again: never finished
            JobExecutionResult result = env.execute("A checkpoint of " + LargeStateSource.STATE_BYTES + " bytes");

            assertThat(result.getJobExecutionResult()).isNotNull();
            assertThat(LargeStateSource.snapshots).as("snapshots taken").isPositive();
        }
    }

    /**
     * Holds 6 MB of operator state (Flink's memory-backed limit is 5 MB) and runs until a checkpoint
     * with it has completed.
     */
    @SuppressWarnings("deprecation")
    static final class LargeStateSource implements SourceFunction<Integer>, CheckpointedFunction, CheckpointListener {
        static final int STATE_BYTES = 6 * 1024 * 1024;
        static volatile int snapshots;
        private transient ListState<byte[]> state;
        private transient Object lock;
        private volatile boolean completed;
        private volatile boolean cancelled;

        @Override
        public void run(SourceContext<Integer> context) throws Exception {
            lock = context.getCheckpointLock();
            synchronized (lock) {
                context.collect(1);
                while (!completed && !cancelled) {
                    lock.wait(100);
                }
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of(new byte[STATE_BYTES]));
            snapshots++;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("ballast", byte[].class));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed = true;
        }
    }

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
