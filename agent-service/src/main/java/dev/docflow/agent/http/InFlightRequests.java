package dev.docflow.agent.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.MDC;

/**
 * Counts the requests being served, around everything Javalin does for them, so that a stopping
 * service can wait for answers and streams to finish ({@link #awaitNone}). {@code /health},
 * {@code /ready} and {@code /metrics} are not counted: a load balancer asking them while the service
 * drains must not keep it waiting. Every request is served on its own thread to its end (nothing
 * here goes async), so the count falls when {@code handle} returns. Also clears the request id from
 * the logging context then, so a pooled thread carries no id into the next request.
 */
public final class InFlightRequests extends HandlerWrapper {
    private static final Set<String> OPERATIONS = Set.of("/health", "/ready", "/metrics");

    private final Object lock = new Object();
    private int inFlight;

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean counted = !OPERATIONS.contains(target);
        if (counted) {
            change(1);
        }
        try {
            super.handle(target, baseRequest, request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            if (counted) {
                change(-1);
            }
        }
    }

    private void change(int by) {
        synchronized (lock) {
            inFlight += by;
            lock.notifyAll();
        }
    }

    public int count() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Waits until no request is in flight, or {@code atMost} has passed; true if none is. */
    public boolean awaitNone(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
