package dev.docflow.agent.testutils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project of the test sources (a {@code package.json}, its committed
 * {@code package-lock.json} and scripts), copied into {@code target/} and installed there with
 * {@code npm ci}, so the source folder stays clean. Needs {@code node} and {@code npm} on the PATH
 * and the npm registry (or the configured mirror) reachable.
 */
public final class NodeProject {
    /** What a finished command printed. */
    public record Output(int exitCode, String stdout, String stderr) {}

    private final Path dir;
    private final Map<String, String> environment;

    private NodeProject(Path dir, Map<String, String> environment) {
        this.dir = dir;
        this.environment = environment;
    }

    /** The folder the project was installed in, under {@code target/}. */
    public Path dir() {
        return dir;
    }

    /**
     * Copies the files of {@code source} (relative to the module; not its folders, so never a
     * {@code node_modules}) to {@code target/<its name>}, and runs {@code npm ci} there.
     *
     * @throws IllegalStateException when node or npm is missing, or the install fails
     */
    public static NodeProject install(String source, Duration timeout) {
        return install(source, timeout, Map.of());
    }

    /**
     * As {@link #install(String, Duration)}, with {@code environment} added to the environment of
     * {@code npm ci} and of every command run in the project.
     */
    public static NodeProject install(String source, Duration timeout, Map<String, String> environment) {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path from = module.resolve(source);
        Path to = module.resolve("target").resolve(from.getFileName());
        requireTool("node");
        requireTool("npm");
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
        NodeProject project = new NodeProject(to, Map.copyOf(environment));
        Output install = project.run(timeout, "npm", "ci", "--no-audit", "--no-fund");
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + to + " (exit " + install.exitCode()
                    + "); is the npm registry reachable?\n" + install.stderr());
        }
        return project;
    }

    /** Runs {@code command} in the project's folder; kills it and fails when it outlives {@code timeout}. */
    public Output run(Duration timeout, String... command) {
        return run(timeout, Map.of(), command);
    }

    /** As {@link #run(Duration, String...)}, with {@code extra} added to the command's environment. */
    public Output run(Duration timeout, Map<String, String> extra, String... command) {
        try {
            Path stdout = Files.createTempFile(dir.getParent(), "node-", ".out");
            Path stderr = Files.createTempFile(dir.getParent(), "node-", ".err");
            try {
                // to files, not pipes: a chatty process never blocks on a full pipe
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                builder.environment().putAll(environment);
                builder.environment().putAll(extra);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                            + "; it printed:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static void requireTool(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not on the PATH: said below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("This test drives the service with an npm client and needs "
                + tool + " on the PATH (Node.js 20 or newer with npm; Debian: apt-get install nodejs npm)");
    }
}
