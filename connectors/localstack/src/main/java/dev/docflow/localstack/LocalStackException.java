package dev.docflow.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The embedded stack could not do what was asked: a server did not start, or the work folder is unusable. */
public class LocalStackException extends RuntimeException {
    private boolean portTaken;


    static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 16 * 1024;

    LocalStackException(String message) {
        super(message);
    }

    LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A server failed to start. The message names the server, why, its log file and the log's last
     * lines, so that a failed build shows the cause without anyone digging for the file.
     */
    static LocalStackException serverFailed(String server, Path logFile, String reason, Throwable cause) {
        LocalStackException failure = new LocalStackException(server + " did not start: " + reason
                + "\nLog file: " + logFile
                + "\nLast lines of the log:\n" + String.join("\n", lastLines(logFile, TAIL_LINES)), cause);
        failure.portTaken = portWasTaken(logFile);
        return failure;
    }

    /**
     * Whether a server failed because its port was taken before it could bind, so that a start on
     * another port would succeed.
     */
    boolean portTaken() {
        return portTaken;
    }

    private static final String START_MARKER = "---- docflow localstack: starting ";
    private static final List<String> PORT_TAKEN = List.of(
            "Address already in use", "BindException", "Failed to bind", "could not bind");

    /**
     * Whether the log of the server's latest start (after its start marker) says its port was taken:
     * someone bound it between our check and the server's own bind, and a start on another port
     * would succeed.
     */
    static boolean portWasTaken(Path logFile) {
        String tail = String.join("\n", lastLines(logFile, 400));
        int marker = tail.lastIndexOf(START_MARKER);
        String latestStart = marker < 0 ? tail : tail.substring(marker);
        return PORT_TAKEN.stream().anyMatch(latestStart::contains);
    }

    /** The last {@code count} lines of a file (at most its last 16 KB); empty if the file cannot be read. */
    static List<String> lastLines(Path file, int count) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the buffer is full
            }
            List<String> lines = Arrays.asList(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .split("\r?\n"));
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }
}
