package dev.docflow.agent.upload;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pass of a task on a daemon thread of its own, again after {@code idleMillis} or as soon
 * as it is woken, until closed. A pass that throws is logged and tried again at the next turn: the
 * passes here (publishing, sweeping, reconciling) wait out an outage of the servers they use.
 */
final class BackgroundLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final long idleMillis;
    private final Runnable pass;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running = true;
    private final AtomicLong passesStarted = new AtomicLong();
    /** The pass after which the loop ends ({@link #finish}); none until asked. */
    private volatile long lastPass = Long.MAX_VALUE;
    private Thread thread;

    BackgroundLoop(String name, long idleMillis, Runnable pass) {
        this.name = name;
        this.idleMillis = idleMillis;
        this.pass = pass;
    }

    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Asks for a pass now rather than at the next turn. */
    void wake() {
        wakeUp.release();
    }

    /** False once closing: a long pass checks it between items. */
    boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            long number = passesStarted.incrementAndGet();
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warn("{} pass failed, will retry cause={}", name, e.toString());
            }
            if (number >= lastPass) {
                return;
            }
            try {
                wakeUp.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs one more whole pass, started after this call (so what is pending now gets its turn), then
     * stops; waits up to {@code atMost} for it, then stops as {@link #close()} does.
     *
     * @return true if that pass ran to its end in time
     */
    boolean finish(Duration atMost) {
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current == null || !current.isAlive()) {
            return false;
        }
        lastPass = passesStarted.get() + 1;
        wakeUp.release();
        try {
            current.join(Math.max(1, atMost.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean finished = !current.isAlive();
        close();
        return finished;
    }

    /** Stops after the pass under way, waiting up to 15 s for it. */
    @Override
    public void close() {
        running = false;
        wakeUp.release();
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            try {
                current.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
