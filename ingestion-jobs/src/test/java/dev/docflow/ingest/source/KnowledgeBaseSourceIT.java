package dev.docflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.objectstore.StoredObject;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bulk source over a real S3 server with many objects: every object reaches the job exactly
 * once (counted at a sink that commits only at completed checkpoints, as the chunk index does),
 * although a subtask fails a third of the way in and the job restarts from its last checkpoint;
 * the listing is read a page at a time, never held. Prints the heap it took.
 */
class KnowledgeBaseSourceIT {
    /**
     * 20,000 in the suite; {@code DOCFLOW_IT_SOURCE_OBJECTS=100000} for the figure. The
     * embedded S3 server (S3Proxy on its file-system store) lists a page by walking the whole bucket,
     * so its listing time grows with the square of the objects; S3's own does not.
     */
    private static final int OBJECTS = Integer.parseInt(System.getenv().getOrDefault("DOCFLOW_IT_SOURCE_OBJECTS", "20000"));
    private static final String TENANT = "it-source";
    private static final String KB = "many-" + UUID.randomUUID().toString().substring(0, 8);

    /** What the sinks committed, and whether the failure was thrown; one JVM, so static. */
    /** Committed entries, {@code checkpoint<TAB>key}: committing one again after a restore changes nothing. */
    static final Set<String> COMMITTED = ConcurrentHashMap.newKeySet();
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    private static LocalFlinkCluster flink;
    private static ObjectStoreSettings settings;

    @BeforeAll
    static void fillTheBucket() throws Exception {
        StackEndpoints endpoints = SharedStack.get();
        settings = new ObjectStoreSettings(endpoints.s3Endpoint(), endpoints.s3AccessKey(), endpoints.s3SecretKey(), null);
        ObjectStore store = new ObjectStore(settings);
        store.ensureBucket();
        long start = System.nanoTime();
        ExecutorService uploaders = Executors.newFixedThreadPool(8);
        List<Future<?>> uploads = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int first = thread;
            uploads.add(uploaders.submit(() -> {
                for (int i = first; i < OBJECTS; i += 8) {
                    byte[] body = ("note " + i).getBytes(StandardCharsets.UTF_8);
                    store.put(key(i), new ByteArrayInputStream(body), body.length, "text/plain");
                }
                return null;
            }));
        }
        for (Future<?> upload : uploads) {
            upload.get();
        }
        uploaders.shutdown();
        System.out.printf("uploaded %d objects in %.1f s%n", OBJECTS, (System.nanoTime() - start) / 1e9);
        flink = LocalFlinkCluster.start("0", 2);
    }

    @AfterAll
    static void stop() throws Exception {
        flink.close();
    }

    @Test
    void everyObjectReachesTheJobExactlyOnceThroughAFailure() throws Exception {
        StreamExecutionEnvironment env = flink.environment(2);
        env.enableCheckpointing(500);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 1000));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        HeapSampler sampler = HeapSampler.start(memory);

        long start = System.nanoTime();
        env.fromSource(new KnowledgeBaseSource(settings, TENANT, KB), WatermarkStrategy.noWatermarks(), "objects")
                .map(new FailOnceAfter(OBJECTS / 3))
                .addSink(new CommitAtCheckpoints());
        env.execute("KnowledgeBaseSourceIT");
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stop();

        assertThat(FAILED_ONCE).as("a subtask failed mid-run and the job restarted").isTrue();
        assertThat(SEEN.get()).as("records replayed after the restart").isGreaterThan(OBJECTS);
        Map<String, Long> counts = COMMITTED.stream().map(entry -> entry.substring(entry.indexOf('\t') + 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> duplicated = new HashMap<>(counts);
        duplicated.values().removeIf(count -> count == 1);
        assertThat(duplicated).as("objects committed more than once").isEmpty();
        assertThat(counts).hasSize(OBJECTS);
        assertThat(counts).containsKeys(key(0), key(OBJECTS / 2), key(OBJECTS - 1));
        assertThat(KnowledgeBaseSource.count(new ObjectStore(settings), TENANT, KB)).isEqualTo(OBJECTS);
        System.out.printf("RESULT objects=%d seconds=%.1f objects_per_s=%.0f heap_before_mb=%d peak_heap_mb=%d%n",
                OBJECTS, seconds, OBJECTS / seconds, heapBefore >> 20, peak >> 20);
    }

    private static String key(int i) {
        return ObjectStore.keyOf(TENANT, KB, String.format("folder-%02d/note-%06d.txt", i % 50, i));
    }

    /** Throws once, in one subtask, after that many records: a TaskManager failure as the job sees it. */
    static final class FailOnceAfter implements MapFunction<StoredObject, String> {
        private final long after;

        FailOnceAfter(long after) {
            this.after = after;
        }

        @Override
        public String map(StoredObject object) {
            if (SEEN.incrementAndGet() >= after && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("the failure KnowledgeBaseSourceIT injects");
            }
            return object.key();
        }
    }

    /**
     * Keeps what it received since the last checkpoint in its state and commits it when that
     * checkpoint completes, each key with the checkpoint it belongs to (committing an entry again
     * after a restore changes nothing): what a restarted job replays was never committed, so a key
     * committed under two checkpoints means the source handed it out twice.
     */
    static final class CommitAtCheckpoints extends RichSinkFunction<String> implements CheckpointedFunction, CheckpointListener {
        private final Set<String> received = new LinkedHashSet<>();
        private final TreeMap<Long, List<String>> staged = new TreeMap<>();
        private transient ListState<String> state;

        @Override
        public void invoke(String key, Context context) {
            // the same key twice between two checkpoints would hide in one entry: fail on it here
            if (!received.add(key)) {
                throw new AssertionError("received twice since the last checkpoint: " + key);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            staged.put(context.getCheckpointId(), new ArrayList<>(received));
            received.clear();
            List<String> entries = new ArrayList<>();
            staged.forEach((checkpoint, keys) -> keys.forEach(key -> entries.add(checkpoint + "\t" + key)));
            state.update(entries);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("staged", Types.STRING));
            if (context.isRestored()) {
                // staged at or before the checkpoint restored from, all of which completed
                for (String entry : state.get()) {
                    int tab = entry.indexOf('\t');
                    staged.computeIfAbsent(Long.parseLong(entry.substring(0, tab)), id -> new ArrayList<>()).add(entry.substring(tab + 1));
                }
                commitUpTo(Long.MAX_VALUE);
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            commitUpTo(checkpointId);
        }

        private void commitUpTo(long checkpointId) {
            var complete = staged.headMap(checkpointId, true);
            complete.forEach((checkpoint, keys) -> keys.forEach(key -> COMMITTED.add(checkpoint + "\t" + key)));
            complete.clear();
        }
    }

    /** The most heap in use, sampled every 50 ms while the job runs. */
    private static final class HeapSampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak = new AtomicLong();

        static HeapSampler start(MemoryMXBean memory) {
            HeapSampler sampler = new HeapSampler();
            sampler.timer.scheduleAtFixedRate(() -> sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
            return sampler;
        }

        long stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            return peak.get();
        }
    }
}
