package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running as a child process of this JVM: its output appended to {@code <folder>/<name>.log},
 * its readiness polled until a deadline, its whole process tree stopped on {@link #close()} and when
 * the JVM exits.
 *
 * <p>The pids of the tree are kept in {@code <folder>/<name>.pid}, so that the next start can stop
 * servers left running by a JVM that was killed before it could clean up (they would hold the
 * ports and the data locks).
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    /** How long a server gets to stop after SIGTERM before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The JVM running us; the servers run on it too, so they need nothing else installed. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration WRAPPER_GRACE = Duration.ofSeconds(2);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 250;

    /** Whether a started server answers yet; an exception counts as "not yet" and is kept as the likely cause. */
    @FunctionalInterface
    interface Readiness {
        boolean isReady(ServerProcess server) throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;
    private final Path pidFile;
    private final Thread shutdownHook;
    private boolean stopped; // guarded by this

    private ServerProcess(String name, Process process, Path logFile, long logStart, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
        this.pidFile = pidFile;
        this.shutdownHook = new Thread(this::close, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in {@code folder} and returns once {@code readiness} says yes. Call
     * {@link #stopLeftover(String, Path)} first, before choosing ports: a leftover may hold them.
     *
     * @throws LocalStackException naming the server, its log and the log's last lines, if the process
     *     exits first or is not ready within {@code timeout}; the process is stopped before it is thrown
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path folder,
            Duration timeout, Readiness readiness) {
        Path logFile = folder.resolve(name + ".log");
        Path pidFile = folder.resolve(name + ".pid");
        long logStart;
        Process process;
        try {
            Files.createDirectories(folder);
            // a marker between runs, since the log is appended to: earlier runs stay readable
            Files.writeString(logFile, "---- docflow localstack: starting " + name + " at " + Instant.now() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logStart = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw LocalStackException.serverFailed(name, logFile, "cannot run " + command.get(0), e);
        }
        ServerProcess server;
        try {
            server = new ServerProcess(name, process, logFile, logStart, pidFile);
        } catch (IllegalStateException e) {
            // the JVM began exiting meanwhile: no hook would stop it
            stopTree(process.toHandle(), STOP_TIMEOUT);
            throw e;
        }
        server.recordPids();
        server.awaitReady(timeout, readiness);
        // again now that it runs: some servers (Elasticsearch) fork their real JVM after a while
        server.recordPids();
        return server;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** Whether the log written since this start contains {@code text}. */
    boolean logContains(String text) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            channel.position(logStart);
            return new String(Channels.newInputStream(channel).readAllBytes(), UTF_8).contains(text);
        }
    }

    /** Stops the process tree as {@link #stopTree} does, within {@link #STOP_TIMEOUT}; idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting (we may be running in the hook itself): nothing to unregister
        }
        stopTree(process.toHandle(), STOP_TIMEOUT);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", pidFile, e);
        }
    }

    private void awaitReady(Duration timeout, Readiness readiness) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProblem = null;
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw failed("it exited with code " + process.exitValue(), lastProblem);
                }
                try {
                    if (readiness.isReady(this)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    lastProblem = e;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failed("not ready after " + timeout.toSeconds() + " s", lastProblem);
                }
                // a pause that ends at once if the process dies
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while waiting for it", e);
        }
    }

    private LocalStackException failed(String reason, Throwable cause) {
        close();
        return LocalStackException.serverFailed(name, logFile, reason, cause);
    }

    private void recordPids() {
        String pids = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> Long.toString(handle.pid()))
                .collect(Collectors.joining(" "));
        try {
            Files.writeString(pidFile, pids + "\n");
        } catch (IOException e) {
            LOG.debug("cannot write {}", pidFile, e);
        }
    }

    /** Stops what an earlier {@link #start} of {@code name} in {@code folder} left running, if anything. */
    static void stopLeftover(String name, Path folder) {
        stopLeftover(folder.resolve(name + ".pid"), folder.toString());
    }

    /**
     * Stops the processes listed on the first line of {@code pidFile} (space-separated pids; this
     * also reads PostgreSQL's postmaster.pid) that are still alive and whose command line mentions
     * {@code marker}, the check that a reused pid does not belong to somebody else. Meant to be
     * called while holding the work-folder lock, when any such process can only be a leftover.
     * Only the listed processes are signalled: PostgreSQL's postmaster, for one, stops its own
     * children, which must not be signalled behind its back.
     */
    static void stopLeftover(Path pidFile, String marker) {
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            return;
        }
        List<ProcessHandle> leftovers = lines.stream().limit(1)
                .flatMap(line -> Stream.of(line.trim().split("\\s+")))
                .filter(pid -> pid.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)).stream())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
        if (!leftovers.isEmpty()) {
            LOG.warn("stopping processes {} left running by an earlier run ({})",
                    leftovers.stream().map(ProcessHandle::pid).toList(), pidFile);
            leftovers.forEach(ProcessHandle::destroy);
            awaitExit(leftovers, System.nanoTime() + STOP_TIMEOUT.toNanos());
            killSurvivors(leftovers, STOP_TIMEOUT);
        }
    }

    /**
     * SIGTERM to {@code root}'s process tree, SIGKILL to what is still alive after {@code timeout}.
     * The descendants are signalled first and the root only if it does not exit soon after them: a
     * wrapper such as runuser exits by itself once its child has, whereas, signalled itself, it would
     * SIGKILL its child two seconds later whatever the child was doing.
     */
    static void stopTree(ProcessHandle root, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> descendants = root.descendants().toList();
        if (descendants.isEmpty()) {
            root.destroy();
        } else {
            descendants.forEach(ProcessHandle::destroy);
            if (!awaitExit(descendants, deadline)
                    || !awaitExit(List.of(root), Math.min(deadline, System.nanoTime() + WRAPPER_GRACE.toNanos()))) {
                root.destroy();
            }
        }
        List<ProcessHandle> tree = Stream.concat(descendants.stream(), Stream.of(root)).toList();
        awaitExit(tree, deadline);
        killSurvivors(tree, timeout);
    }

    /** Whether all of {@code processes} exited before {@code deadline} ({@link System#nanoTime()}). */
    private static boolean awaitExit(List<ProcessHandle> processes, long deadline) {
        try {
            for (ProcessHandle process : processes) {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void killSurvivors(List<ProcessHandle> processes, Duration timeout) {
        List<ProcessHandle> survivors = processes.stream().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle survivor : survivors) {
            LOG.warn("process {} did not stop within {} s, killing it", survivor.pid(), timeout.toSeconds());
            survivor.destroyForcibly();
        }
        // their ports and file locks are only free once they are gone
        if (!awaitExit(survivors, System.nanoTime() + KILL_TIMEOUT.toNanos())) {
            LOG.warn("processes {} are still alive after SIGKILL", survivors.stream().map(ProcessHandle::pid).toList());
        }
    }

    /** Runs a short command to its end, its output appended to {@code logFile}, and returns its exit code. */
    static int run(List<String> command, Path logFile, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stopTree(process.toHandle(), Duration.ZERO);
                throw new LocalStackException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s (output in " + logFile + ")");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new LocalStackException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** The text of a {@code docflow/servers/} resource: where a server distribution is, or its class path. */
    static String serverResource(String name) {
        String resource = "docflow/servers/" + name;
        try (InputStream in = ServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LocalStackException(resource + " is not on the class path: the docflow-server-* jars"
                        + " must be (run `mvn install` on connectors/servers)");
            }
            return new String(in.readAllBytes(), UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a properties file the way {@link Properties#load(InputStream)} reads it back (Latin-1,
     * other characters escaped), readable by its owner only since some hold credentials.
     */
    static void writeProperties(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            properties.store(out, "written by docflow localstack at each start");
            writePrivately(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces {@code file} with {@code content}, readable and writable by its owner only. */
    static void writePrivately(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
    }
}
