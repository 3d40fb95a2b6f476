package dev.docflow.agent.testutils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * What the service logs under one logger, kept for a test to read: a real log4j appender on the
 * running configuration (the service runs in the test's JVM), down to {@code level}. Close it to
 * take it off again.
 */
public final class CapturedLog implements AutoCloseable {
    /** One line as logged. */
    public record Line(Level level, String logger, String message, Throwable thrown) {
        /** The message and the thrown's text, as a reader of the log file sees them. */
        public String text() {
            return thrown == null ? message : message + "\n" + thrown;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context;
    private final String loggerName;
    private final Appender appender;
    private final boolean ownConfig;

    private CapturedLog(String loggerName, Level level) {
        this.context = (LoggerContext) LogManager.getContext(false);
        this.loggerName = loggerName;
        this.appender = new Appender("captured-" + loggerName);
        appender.start();
        Configuration configuration = context.getConfiguration();
        LoggerConfig existing = configuration.getLoggerConfig(loggerName);
        ownConfig = !existing.getName().equals(loggerName);
        LoggerConfig config = ownConfig ? new LoggerConfig(loggerName, level, true) : existing;
        if (ownConfig) {
            configuration.addLogger(loggerName, config);
        } else {
            config.setLevel(level);
        }
        config.addAppender(appender, level, null);
        context.updateLoggers();
    }

    /** Captures {@code type}'s logger from {@code level} up. */
    public static CapturedLog of(Class<?> type, Level level) {
        return new CapturedLog(type.getName(), level);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> at(Level level) {
        return lines.stream().filter(line -> line.level() == level).toList();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        if (ownConfig) {
            configuration.removeLogger(loggerName);
        } else {
            configuration.getLoggerConfig(loggerName).removeAppender(appender.getName());
        }
        context.updateLoggers();
        appender.stop();
    }

    private final class Appender extends AbstractAppender {
        Appender(String name) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage(),
                    event.getThrown()));
        }
    }
}
