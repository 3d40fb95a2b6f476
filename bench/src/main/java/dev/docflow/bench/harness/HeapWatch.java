package dev.docflow.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak of the used heap of this JVM (the launcher's: Flink's local cluster, the jobs and the
 * agent service run in it), sampled every 100 ms on a timer until closed.
 */
public final class HeapWatch implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-heap-watch");
        thread.setDaemon(true);
        return thread;
    });

    public HeapWatch() {
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peak.accumulateAndGet(usedHeapMb(), Math::max);
    }

    public long peakMb() {
        sample();
        return peak.get();
    }

    public static long usedHeapMb() {
        return MEMORY.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
