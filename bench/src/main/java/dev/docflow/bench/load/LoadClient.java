package dev.docflow.bench.load;

import dev.docflow.bench.harness.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} clients, each sending its next request when the last one
 * answered, until {@code duration} has passed or {@code maxRequests} were sent, whichever comes
 * first (bounded both ways, so a slow service cannot make a run last forever and a fast one cannot
 * flood the machine). A request is a function of its sequence number returning the HTTP status
 * (or throwing: counted as an error with status 0). Latencies are those of the answered requests
 * (2xx): a refusal (429 when the service sheds load) is fast and would make the percentiles look
 * better than any answer was.
 */
public final class LoadClient {
    private final int concurrency;
    private final Duration duration;
    private final int maxRequests;

    /** What a level of load did. */
    public record Result(int concurrency, Latencies latencies, int requests, Map<Integer, Integer> errorsByStatus,
            double seconds) {
        public int answered() {
            return latencies.count();
        }

        public double answeredPerSecond() {
            return seconds <= 0 ? 0 : answered() / seconds;
        }

        public int errors() {
            return errorsByStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        public double requestsPerSecond() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }

    public LoadClient(int concurrency, Duration duration, int maxRequests) {
        if (concurrency < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("concurrency and max requests are at least 1");
        }
        this.concurrency = concurrency;
        this.duration = duration;
        this.maxRequests = maxRequests;
    }

    public Result run(IntFunction<Integer> request) throws Exception {
        Latencies latencies = new Latencies();
        Map<Integer, Integer> errors = new TreeMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        int sequence = sent.getAndIncrement();
                        if (sequence >= maxRequests) {
                            return null;
                        }
                        long begun = System.nanoTime();
                        int status;
                        try {
                            status = request.apply(sequence);
                        } catch (RuntimeException e) {
                            status = 0;
                        }
                        double millis = (System.nanoTime() - begun) / 1e6;
                        done.incrementAndGet();
                        if (status >= 200 && status <= 299) {
                            latencies.add(millis);
                        } else {
                            synchronized (errors) {
                                errors.merge(status, 1, Integer::sum);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(concurrency, latencies, done.get(), errors, seconds);
    }
}
