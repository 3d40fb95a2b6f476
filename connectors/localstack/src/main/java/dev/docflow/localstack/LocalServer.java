package dev.docflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
     * Returns {@code preferred} if nothing listens on it on 127.0.0.1, otherwise a free port chosen
     * by the operating system; {@code 0} always means "any free port". The port is only free at the
     * time of the call: the server must bind it soon after.
     */
    static int portOrFree(int preferred) {
        if (preferred > 0 && canBind(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

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
