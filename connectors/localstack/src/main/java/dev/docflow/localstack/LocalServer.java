package dev.docflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.nio.file.Path;

/**
 * One server of the embedded stack, running as a local process and listening on 127.0.0.1 only.
 *
 * <p>A server keeps its data under {@code <workDir>/<name>/} and logs to {@link #logFile()}; its
 * data outlives it, so the next start on the same work folder finds it again. Closing stops the
 * process (politely first, then by force) and is a no-op the second time.
 */
public interface LocalServer extends AutoCloseable {

    /** Lower-case name, also the name of its folder in the work folder: elasticsearch, postgres, kafka, s3. */
    String name();

    /** The port clients connect to, on 127.0.0.1. */
    int port();

    /** The file the server's output goes to; the first place to look when something is wrong. */
    Path logFile();

    /** Stops the server and waits for it to be gone; never throws. */
    @Override
    void close();

    /**
     * Returns {@code preferred} if nothing listens on it on 127.0.0.1, otherwise a free port;
     * {@code 0} always means "any free port". Free ports are drawn at random below Linux's
     * ephemeral range (32768–60999), where outgoing connections never take them between this call
     * and the server's bind; the port is still only free at the time of the call, hence the retry
     * in {@code EmbeddedStack}.
     */
    static int portOrFree(int preferred) {
        if (preferred > 0 && canBind(preferred)) {
            return preferred;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(FREE_PORTS_FROM, FREE_PORTS_TO);
            if (canBind(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Where free ports are drawn from: above the registered well-known servers, below ephemeral ports. */
    int FREE_PORTS_FROM = 20_000;
    int FREE_PORTS_TO = 32_000;

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // the servers themselves bind with SO_REUSEADDR, so a port in TIME_WAIT counts as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
