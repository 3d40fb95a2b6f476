package dev.docflow.connectors.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where every Docflow process reads its settings from, once, at start: a properties file, then
 * environment variables, then (for the Flink jobs' {@code main}) {@code --key value} arguments;
 * each later one wins. A key maps to one variable by one rule
 * ({@code retrieval.top-k} → {@code DOCFLOW_RETRIEVAL_TOP_K}) and to one argument
 * ({@code --retrieval.top-k}); blank counts as unset. Each process turns this into its own typed
 * configuration record.
 */
public final class ConfigSource {
    private final Properties file;
    private final Map<String, String> env;
    private final Map<String, String> arguments;

    private ConfigSource(Properties file, Map<String, String> env, Map<String, String> arguments) {
        this.file = file;
        this.env = env;
        this.arguments = arguments;
    }

    /**
     * @param file a properties file; ignored when null or absent
     * @param env the process environment (read once, in a {@code main}; a map in tests)
     */
    public static ConfigSource of(Path file, Map<String, String> env) {
        return of(file, env, Map.of());
    }

    /**
     * @param arguments settings by key (see {@link #arguments(String...)}), which win over the file
     *     and the environment
     */
    public static ConfigSource of(Path file, Map<String, String> env, Map<String, String> arguments) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
            }
        }
        return new ConfigSource(properties, env, Map.copyOf(arguments));
    }

    /**
     * {@code --key value} pairs, in order: {@code --tenant acme --s3.bucket docs} →
     * {@code {tenant=acme, s3.bucket=docs}}.
     *
     * @throws IllegalArgumentException naming the argument that is not a {@code --key} or has no value
     */
    public static Map<String, String> arguments(String... args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || name.length() == 2) {
                throw new IllegalArgumentException("expected --key value, got '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            settings.put(name.substring(2), args[i + 1]);
        }
        return settings;
    }

    /** The same file and environment, with {@code more} arguments over those given (theirs win). */
    public ConfigSource withArguments(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(arguments);
        merged.putAll(more);
        return new ConfigSource(file, env, Map.copyOf(merged));
    }

    /** The keys given as arguments, for a process to refuse the ones it does not know. */
    public Set<String> argumentKeys() {
        return arguments.keySet();
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
        String value = arguments.get(key);
        if (value == null || value.isBlank()) {
            value = env.get(environmentVariable(key));
        }
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public int integer(String key, int fallback) {
        return parsed(key, Integer.toString(fallback), Integer::parseInt, "a whole number");
    }

    public double decimal(String key, double fallback) {
        return parsed(key, Double.toString(fallback), Double::parseDouble, "a number such as 0.3");
    }

    public long longInteger(String key, long fallback) {
        return parsed(key, Long.toString(fallback), Long::parseLong, "a whole number");
    }

    private <T> T parsed(String key, String fallback, java.util.function.Function<String, T> parse, String expected) {
        String value = text(key, fallback);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(key) + " must be " + expected + "; got '" + value + "'");
        }
    }

    /** A size in bytes, written plainly or with a unit: {@code 512m}, {@code 1g}, {@code 64k}. */
    public long bytes(String key, long fallback) {
        String value = text(key, Long.toString(fallback)).toLowerCase(Locale.ROOT);
        int shift = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1).trim();
        try {
            long number = Long.parseLong(digits);
            if (number < 0 || number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(key) + " must be a size such as 512m, 1g or 65536; got '"
                    + value + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        String value = text(key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(describe(key) + " must be true or false; got '" + value + "'");
        };
    }
}
