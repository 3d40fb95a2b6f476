package dev.docflow.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The advertisement of a running {@link EmbeddedStack}: {@code <workDir>/stack.json}, holding its
 * endpoints and the pid of the process that owns it, present only while it runs. Lets another
 * process (a CLI command, a test run from the IDE) use a stack that is already up instead of
 * starting a second one on the same data.
 */
public final class RunningStack {

    static final String FILE_NAME = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code stack.json} holds. */
    record Advert(long pid, StackEndpoints endpoints) {
    }

    private RunningStack() {
    }

    /**
     * The endpoints of the stack running on {@code workDir}, if there is one: its {@code stack.json}
     * exists, the owning process is alive and, when the stack has Elasticsearch, Elasticsearch
     * answers {@code /_cluster/health}. Never throws for a missing or stale file.
     */
    public static Optional<StackEndpoints> find(Path workDir) {
        return read(workDir)
                .filter(advert -> ProcessHandle.of(advert.pid()).map(ProcessHandle::isAlive).orElse(false))
                .map(Advert::endpoints)
                .filter(endpoints -> endpoints.elasticsearchUrl() == null || ElasticsearchServer.answersHealth(endpoints.elasticsearchUrl()));
    }

    /** The pid recorded in {@code stack.json}, alive or not. */
    static Optional<Long> ownerPid(Path workDir) {
        return read(workDir).map(Advert::pid);
    }

    /** Writes {@code stack.json} for this process; atomically, so that readers never see half a file. */
    static void advertise(Path workDir, StackEndpoints endpoints) {
        Path file = workDir.resolve(FILE_NAME);
        Path partial = workDir.resolve(FILE_NAME + ".partial");
        try {
            // owner-only: it holds the credentials
            ServerProcess.writePrivately(partial, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Advert(ProcessHandle.current().pid(), endpoints)));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes {@code stack.json}; done first when a stack stops, so nobody picks up a stack on its way down. */
    static void withdraw(Path workDir) {
        try {
            Files.deleteIfExists(workDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Advert> read(Path workDir) {
        try {
            return Optional.of(JSON.readValue(workDir.resolve(FILE_NAME).toFile(), Advert.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
