package dev.docflow.localstack.testutils;

import dev.docflow.localstack.EmbeddedStack;
import dev.docflow.localstack.RunningStack;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.StackSettings;
import java.nio.file.Path;

/**
 * The stack shared by the integration tests of one test JVM: started on the first {@link #get()},
 * in the folder named by the system property {@value #WORK_DIR_PROPERTY} (failsafe sets it to
 * {@code target/docflow-it}; {@value #DEFAULT_WORK_DIR} otherwise), and stopped when the JVM exits.
 * If a stack already runs on that folder (say, started by hand to rerun tests quickly from the
 * IDE), it is used as it is and left running.
 *
 * <p>Tests share the servers and their data with each other and with earlier runs: use names of
 * your own (index, table, bucket, topic), unique per run where a leftover would matter.
 */
public final class SharedStack {

    public static final String WORK_DIR_PROPERTY = "docflow.workDir";
    public static final String DEFAULT_WORK_DIR = "target/docflow-it";

    private static StackEndpoints endpoints;
    private static RuntimeException failure;

    private SharedStack() {
    }

    /**
     * The endpoints of the shared stack, starting it if needed. Thread-safe; a stack that failed to
     * start is not retried: the later calls fail at once with the first failure as the cause.
     */
    public static synchronized StackEndpoints get() {
        if (endpoints != null) {
            return endpoints;
        }
        if (failure != null) {
            throw new IllegalStateException("the shared stack failed to start earlier in this JVM", failure);
        }
        Path workDir = workDir();
        try {
            // the stack stops itself when the JVM exits (its shutdown hook), so it is not kept here
            endpoints = RunningStack.find(workDir)
                    .orElseGet(() -> EmbeddedStack.start(
                            // free ports, never the defaults: a developer's running ./docflow up (or
                            // another module's tests) holds those, and a port taken between our
                            // check and the server's bind fails the whole test JVM
                            StackSettings.builder(workDir).anyFreePorts().build()).endpoints());
            return endpoints;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** The work folder of the shared stack. */
    public static Path workDir() {
        return Path.of(System.getProperty(WORK_DIR_PROPERTY, DEFAULT_WORK_DIR)).toAbsolutePath();
    }
}
