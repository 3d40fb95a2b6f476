package dev.docflow.agent.testutils;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A real Flink cluster (a MiniCluster with its REST API on 127.0.0.1) running one job of a given
 * name that does nothing until cancelled: what the service's job links are tested against, without
 * the ingestion jobs' dependencies in the service's tests.
 */
public final class IdleFlinkJob implements AutoCloseable {
    private final MiniCluster cluster;
    private final URI restAddress;
    private JobID jobId;

    private IdleFlinkJob(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    public static IdleFlinkJob startCluster() throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("16m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build());
        cluster.start();
        return new IdleFlinkJob(cluster, cluster.getRestAddress().get());
    }

    /** Submits the idle job under {@code name} and waits until Flink reports it running. */
    public JobID run(String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.addSource(new IdleSource()).addSink(new DiscardingSink<>());
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        jobId = cluster.submitJob(graph.getJobGraph()).get().getJobID();
        await().atMost(Duration.ofMinutes(1)).until(() -> cluster.getJobStatus(jobId).get() == JobStatus.RUNNING);
        return jobId;
    }

    /** The REST API and dashboard address, e.g. {@code http://127.0.0.1:40123}. */
    public URI restAddress() {
        return restAddress;
    }

    @Override
    public void close() throws Exception {
        if (jobId != null) { // cancelled first: a job cut off by the cluster's stop is logged as failed
            cluster.cancelJob(jobId).get();
            await().atMost(Duration.ofMinutes(1)).until(() -> cluster.getJobStatus(jobId).get().isGloballyTerminalState());
        }
        cluster.close();
    }

    /** Emits nothing and holds no thread busy: waits until cancelled. */
    private static final class IdleSource implements SourceFunction<String> {
        // made where the source runs (a latch is not serializable)
        private transient volatile CountDownLatch cancelled;
        private volatile boolean cancelRequested;

        @Override
        public void run(SourceContext<String> ctx) throws InterruptedException {
            cancelled = new CountDownLatch(1);
            if (!cancelRequested) {
                cancelled.await();
            }
        }

        @Override
        public void cancel() {
            cancelRequested = true;
            CountDownLatch latch = cancelled;
            if (latch != null) {
                latch.countDown();
            }
        }
    }
}
