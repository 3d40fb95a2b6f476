package dev.docflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <workDir>/stack.lock}, so that two stacks (in two processes, or twice
 * in one JVM) never run servers on the same data. The operating system releases it when the
 * process dies, so a killed JVM leaves no stale lock behind.
 */
final class WorkDirLock implements AutoCloseable {

    static final String FILE_NAME = "stack.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once, naming the process that holds it when known. */
    static WorkDirLock acquire(Path workDir) {
        Path file = workDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(workDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this same JVM: the same conflict as another process holding it
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            String owner = RunningStack.ownerPid(workDir).map(pid -> " (process " + pid + ")").orElse("");
            throw new LocalStackException("Another Docflow stack" + owner + " is already using the work folder "
                    + workDir + ": " + file + " is locked. Stop it, reuse it (RunningStack.find), or choose"
                    + " another work folder.");
        }
        return new WorkDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
