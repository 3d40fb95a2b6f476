package dev.docflow.ingest.runtime;

import java.net.URI;
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

    private LocalFlinkCluster(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
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

    /** As {@link #start(String, int, int)}, with {@code extra} settings (a metric reporter, say) on top. */
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
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster, cluster.getRestAddress().get());
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
        cluster.close();
    }
}
