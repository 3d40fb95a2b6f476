package dev.docflow.agent.operations;

import org.apache.logging.log4j.core.config.Configurator;

/**
 * Switches the service's log to {@code logging.format}: the service's {@code log4j2.xml} picks its
 * console layout by the system property {@value #PROPERTY} (a pattern for {@code plain}, log4j's
 * JSON template layout for {@code json}), and log4j is reconfigured from it. Called once by
 * {@code Main}, after the configuration is read; what was logged before keeps the plain layout.
 * The CLI runs the service in its own process, whose log goes where the CLI's configuration says.
 */
public final class LogOutput {
    public static final String PROPERTY = "docflow.logging.format";

    private LogOutput() {}

    public static void apply(LogFormat format) {
        if (format.label().equals(System.getProperty(PROPERTY, LogFormat.PLAIN.label()))) {
            return;
        }
        System.setProperty(PROPERTY, format.label());
        Configurator.reconfigure();
    }
}
