package dev.docflow.ingest.parse.worker;

import dev.docflow.ingest.parse.worker.Frames.Frame;
import dev.docflow.ingest.parse.worker.Frames.Type;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker process and its pipes. Replies are read on a thread of its own so that the caller
 * waits with a timeout and stays interruptible (a read from a pipe is neither); the thread ends
 * when the process does. Not thread-safe: one document at a time.
 */
final class ParseWorker {
    /** How long a worker asked to stop (its stdin closed) may take before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long a worker that wrote something that is no frame may take to end by itself (and say why with its exit code). */
    private static final Duration PROTOCOL_GRACE = Duration.ofSeconds(1);

    private final Process process;
    private final Path tempDir;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final ExecutorService reader;
    private boolean ready;

    /** The worker ended, or broke the protocol, while it held a document. */
    static final class WorkerGoneException extends Exception {
        private final int exitCode;

        WorkerGoneException(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        /** The process's exit code; 137 when it was killed (SIGKILL), {@code -1} when unknown. */
        int exitCode() {
            return exitCode;
        }
    }

    private ParseWorker(Process process, Path tempDir) {
        this.process = process;
        this.tempDir = tempDir;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "docflow-parse-worker-reader-" + process.pid());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a worker and hands it its settings; it is ready once {@link #awaitReady} returns. */
    static ParseWorker start(WorkerCommand command, byte[] settings) throws IOException {
        Path tempDir = Files.createTempDirectory("docflow-parse-worker-");
        ProcessBuilder builder = new ProcessBuilder(command.command(tempDir))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // Tesseract's OpenMP threads make it 5-7 times slower on a shared machine (see GUIDE)
        builder.environment().putIfAbsent("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteTree(tempDir);
            throw e;
        }
        ParseWorker worker = new ParseWorker(process, tempDir);
        try {
            Frames.write(worker.toWorker, Type.SETTINGS, settings);
        } catch (IOException e) {
            worker.kill();
            throw e;
        }
        return worker;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the worker's {@link Type#READY} (its JVM started and its parsers loaded), once. */
    void awaitReady(Duration timeout) throws WorkerGoneException, TimeoutException, InterruptedException {
        if (ready) {
            return;
        }
        Frame frame = await(64, timeout);
        try {
            if (frame.type() != Type.READY) {
                throw new Frames.ProtocolException("expected READY, got " + frame.type());
            }
            WorkerMessages.checkReady(frame.payload());
        } catch (Frames.ProtocolException e) {
            throw gone(e);
        }
        ready = true;
    }

    /**
     * Sends a frame. An {@link IOException} means the worker was gone before it took the frame
     * (its stdin is closed): the document never reached it.
     */
    void send(Type type, byte[] payload) throws IOException {
        Frames.write(toWorker, type, payload);
    }

    /** The worker's next frame, within {@code timeout}; on a timeout the worker is still running (kill it). */
    Frame await(int maxPayloadBytes, Duration timeout) throws WorkerGoneException, TimeoutException, InterruptedException {
        Future<Frame> next = reader.submit(() -> Frames.read(fromWorker, maxPayloadBytes));
        try {
            Frame frame = next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw gone(new IOException("the worker closed its output"));
            }
            return frame;
        } catch (ExecutionException e) {
            throw gone(e.getCause());
        }
    }

    private WorkerGoneException gone(Throwable cause) {
        // a worker that closed its output is ending; one that broke the protocol gets a moment to end by itself
        int exitCode = exitCodeAfter(cause instanceof Frames.ProtocolException ? PROTOCOL_GRACE : STOP_GRACE);
        return new WorkerGoneException(exitCode, "parse worker " + process.pid()
                + (exitCode == -1 ? " broke the protocol" : " exited with code " + exitCode) + ": " + cause.getMessage(), cause);
    }

    /** Kills the worker and whatever it started, and waits for it to end; returns its exit code. */
    int kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.shutdownNow();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeStreams();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Asks the worker to stop (end of its input), killing it if it has not within a few seconds. */
    void stop() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // already gone
        }
        exitCodeAfter(STOP_GRACE);
        reader.shutdownNow();
        closeStreams();
    }

    /** The exit code once the process has ended within {@code grace}; otherwise it is killed and -1 returned. */
    private int exitCodeAfter(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return -1;
    }

    private void closeStreams() {
        deleteTree(tempDir);
        try {
            fromWorker.close();
        } catch (IOException e) {
            // nothing to keep
        }
        try {
            toWorker.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // gone already, or a file the dead worker held: the next start makes a new folder
        }
    }
}
