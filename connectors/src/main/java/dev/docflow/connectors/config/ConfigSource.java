package dev.docflow.connectors.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where every Docflow process reads its settings from, once, at start: a properties file, then
 * environment variables, which win. A key maps to one variable by one rule
 * ({@code retrieval.top-k} → {@code DOCFLOW_RETRIEVAL_TOP_K}); blank counts as unset. Each process
 * turns this into its own typed configuration record.
 */
public final class ConfigSource {
    private final Properties file;
    private final Map<String, String> env;

    private ConfigSource(Properties file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    /**
     * @param file a properties file; ignored when null or absent
     * @param env the process environment (read once, in a {@code main}; a map in tests)
     */
    public static ConfigSource of(Path file, Map<String, String> env) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
            }
        }
        return new ConfigSource(properties, env);
    }

    /** {@code retrieval.top-k} → {@code DOCFLOW_RETRIEVAL_TOP_K}. */
    public static String environmentVariable(String key) {
        return "DOCFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How a setting is named in messages: its key and its variable. */
    public static String describe(String key) {
        return key + " (" + environmentVariable(key) + ")";
    }

    public String text(String key, String fallback) {
        String value = env.get(environmentVariable(key));
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String key, int fallback) {
        String value = text(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(key) + " must be a whole number; got '" + value + "'");
        }
    }

    public double decimal(String key, double fallback) {
        String value = text(key, Double.toString(fallback));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(key) + " must be a number such as 0.3; got '" + value + "'");
        }
    }
}
