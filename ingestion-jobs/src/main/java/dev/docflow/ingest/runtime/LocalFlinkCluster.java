package dev.docflow.ingest.runtime;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.util.FileUtils;
import org.apache.flink.configuration.ClusterOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.RemoteStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink cluster inside this JVM with its web dashboard, that outlives the jobs submitted to it,
 * so operators can look at finished and running jobs. Jobs reach it through its REST endpoint, as
 * they would a standalone cluster; their classes come from this JVM's class path.
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final URI restAddress;
    /** The checkpoint folder this cluster made for itself, removed when it closes; null when given one. */
    private final Path ownCheckpoints;

    private LocalFlinkCluster(MiniCluster cluster, URI restAddress, Path ownCheckpoints) {
        this.cluster = cluster;
        this.restAddress = restAddress;
        this.ownCheckpoints = ownCheckpoints;
    }

    /**
     * @param restPorts the dashboard's port or range, e.g. {@code "8081-8099"} (the first free one is
     *     taken) or {@code "0"} for any
     */
    public static LocalFlinkCluster start(String restPorts, int slots) throws Exception {
        return start(restPorts, 1, slots);
    }

    /** A cluster of several TaskManagers, each with {@code slots} slots, tasks spread over all of them. */
    public static LocalFlinkCluster start(String restPorts, int taskManagers, int slots) throws Exception {
        return start(restPorts, taskManagers, slots, new Configuration());
    }

    /**
     * A cluster whose checkpoints go to {@code checkpoints} (the launcher's work folder), kept
     * there when it closes, so a job can be started again from its last one.
     */
    public static LocalFlinkCluster start(String restPorts, int slots, Path checkpoints) throws Exception {
        Configuration extra = new Configuration();
        extra.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return start(restPorts, 1, slots, extra);
    }

    /**
     * As {@link #start(String, int, int)}, with {@code extra} settings (a metric reporter, say) on
     * top. Checkpoints go to files: to {@code state.checkpoints.dir} when {@code extra} sets it,
     * otherwise to a temporary folder removed on {@link #close}. Flink's default for a cluster
     * without that setting keeps them in the JobManager's memory, which refuses a checkpoint of
     * more than 5 MB: one large document in flight (3,005 embedded chunks are 7 MB) failed every
     * checkpoint, the job restarted and took the same document up again.
     */
    public static LocalFlinkCluster start(String restPorts, int taskManagers, int slots, Configuration extra) throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, restPorts);
        // the blob server (job jars, large RPC payloads) binds jobmanager.bind-host, every address unless set
        config.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        config.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("32m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        // jobs share this JVM's classes (the embedding model is loaded once for all of them)
        config.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        config.set(ClusterOptions.EVENLY_SPREAD_OUT_SLOTS_STRATEGY, true);
        config.addAll(extra);
        Path ownCheckpoints = null;
        if (!config.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            ownCheckpoints = Files.createTempDirectory("docflow-checkpoints");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, ownCheckpoints.toUri().toString());
        }
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster, cluster.getRestAddress().get(), ownCheckpoints);
    }

    /** The dashboard and REST API, e.g. {@code http://127.0.0.1:8081}. */
    public URI restAddress() {
        return restAddress;
    }

    /** An environment whose jobs run on this cluster. */
    public StreamExecutionEnvironment environment(int parallelism) {
        return environment(parallelism, SavepointRestoreSettings.none());
    }

    /** An environment whose jobs start from a savepoint (or checkpoint) of an earlier run. */
    public StreamExecutionEnvironment environment(int parallelism, SavepointRestoreSettings restore) {
        Configuration config = new Configuration();
        config.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        StreamExecutionEnvironment env = new RemoteStreamEnvironment(
                restAddress.getHost(), restAddress.getPort(), config, null, null, restore);
        env.setParallelism(parallelism);
        return env;
    }

    /** The cluster itself: tests stop and start TaskManagers through it. */
    public MiniCluster miniCluster() {
        return cluster;
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            if (ownCheckpoints != null) {
                FileUtils.deleteDirectoryQuietly(ownCheckpoints.toFile());
            }
        }
    }
}
