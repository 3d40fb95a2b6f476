package dev.docflow.ingest;

import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.connectors.config.SharedSettings;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.source.ListingPrefix;
import dev.docflow.ingest.stream.KafkaSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ingestion jobs' configuration, read once by their {@code main} (and by the launcher, which
 * runs the same jobs on its local cluster): a properties file ({@code --config FILE}, or the one
 * {@code DOCFLOW_CONFIG} names), then {@code DOCFLOW_*} environment variables, then
 * {@code --key value} arguments; each later one wins, and every error names its key. Index, topic
 * and model are derived by {@link SharedSettings}, the rule the agent service follows too.
 *
 * @param ingestion where the pipeline reads, writes and records, and how it shapes documents
 * @param kafka where the streaming job reads upload events ({@code kafka.*})
 * @param parallelism {@code ingest.parallelism}
 * @param tenant {@code tenant}: whose knowledge base the bulk job ingests; null when not given
 * @param knowledgeBase {@code knowledge-base}: which one; null when not given
 * @param source {@code source}: the bulk job's files when not the knowledge base's own folder, an
 *     {@code s3://bucket/prefix} on the same store; null when not given
 */
public record IngestConfig(IngestionSettings ingestion, KafkaSettings kafka, int parallelism, String tenant,
        String knowledgeBase, ListingPrefix source) {

    public static final String CONFIG_FILE = "config";
    public static final String TENANT = "tenant";
    public static final String KNOWLEDGE_BASE = "knowledge-base";
    public static final String SOURCE = "source";
    public static final String PARALLELISM = "ingest.parallelism";
    public static final int DEFAULT_PARALLELISM = 2;
    public static final String DEFAULT_S3_ENDPOINT = "http://127.0.0.1:9000";
    public static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/docflow";
    public static final String DEFAULT_DATABASE_USER = "docflow";

    /** The keys this configuration reads besides those under {@link #KEY_PREFIXES}. */
    static final String S3_TIMEOUT = "s3.timeout-seconds";
    static final String DATABASE_CONNECTION_TIMEOUT = "database.connection-timeout-seconds";
    static final Set<String> KEYS = Set.of(CONFIG_FILE, TENANT, KNOWLEDGE_BASE, SOURCE, PARALLELISM,
            "s3.endpoint", "s3.access-key", "s3.secret-key", "s3.bucket", S3_TIMEOUT,
            "database.url", "database.user", "database.password", DATABASE_CONNECTION_TIMEOUT,
            SharedSettings.ELASTICSEARCH_URL, SharedSettings.ELASTICSEARCH_ALIAS, SharedSettings.ELASTICSEARCH_TIMEOUT_SECONDS,
            SharedSettings.EMBEDDING_MODEL,
            SharedSettings.KAFKA_BOOTSTRAP_SERVERS, SharedSettings.KAFKA_UPLOADS_TOPIC, "kafka.consumer-group");
    /** The parse stage's settings ({@link ParseLimits#from}, {@link ExtractionSettings#from}). */
    static final List<String> KEY_PREFIXES = List.of("parse.", "ocr.", "tables.");

    public IngestConfig {
        if (parallelism < 1) {
            throw new IllegalArgumentException(ConfigSource.describe(PARALLELISM) + " must be at least 1; got " + parallelism);
        }
    }

    /**
     * What a job's {@code main} reads.
     *
     * @throws IllegalArgumentException naming the setting, for an unknown {@code --key}, a
     *     malformed argument list or a bad value
     */
    public static IngestConfig load(Map<String, String> env, String... args) {
        Map<String, String> arguments = ConfigSource.arguments(args);
        String file = arguments.getOrDefault(CONFIG_FILE, env.get("DOCFLOW_CONFIG"));
        return from(ConfigSource.of(file == null ? null : Path.of(file), env, arguments));
    }

    /** The configuration {@code source} describes. */
    public static IngestConfig from(ConfigSource source) {
        Set<String> unknown = new TreeSet<>();
        for (String key : source.argumentKeys()) {
            if (!KEYS.contains(key) && KEY_PREFIXES.stream().noneMatch(key::startsWith)) {
                unknown.add("--" + key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting " + String.join(", ", unknown) + "; known: "
                    + new TreeSet<>(KEYS) + " and " + KEY_PREFIXES.stream().map(prefix -> prefix + "*").toList());
        }
        EmbeddingModelChoice model = SharedSettings.embeddingModel(source);
        IngestionSettings ingestion = new IngestionSettings(
                new ObjectStoreSettings(
                        source.text("s3.endpoint", DEFAULT_S3_ENDPOINT),
                        source.text("s3.access-key", ""),
                        source.text("s3.secret-key", ""),
                        source.text("s3.bucket", ObjectStoreSettings.DEFAULT_BUCKET),
                        seconds(source, S3_TIMEOUT, ObjectStoreSettings.DEFAULT_TIMEOUT)),
                SharedSettings.elasticsearch(source, model),
                new DatabaseSettings(
                        source.text("database.url", DEFAULT_DATABASE_URL),
                        source.text("database.user", DEFAULT_DATABASE_USER),
                        source.text("database.password", ""),
                        seconds(source, DATABASE_CONNECTION_TIMEOUT, DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT)),
                ParseLimits.from(source),
                ExtractionSettings.from(source),
                ChunkingSettings.DEFAULTS,
                model);
        KafkaSettings kafka = new KafkaSettings(SharedSettings.kafkaBootstrapServers(source),
                SharedSettings.uploadsTopic(source), source.text("kafka.consumer-group", KafkaSettings.DEFAULT_GROUP));
        return new IngestConfig(ingestion, kafka, source.integer(PARALLELISM, DEFAULT_PARALLELISM),
                blankToNull(source.text(TENANT, "")), blankToNull(source.text(KNOWLEDGE_BASE, "")), listing(source));
    }

    private static ListingPrefix listing(ConfigSource source) {
        String uri = source.text(SOURCE, "");
        if (uri.isBlank()) {
            return null;
        }
        try {
            return ListingPrefix.parse(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigSource.describe(SOURCE) + " " + e.getMessage(), e);
        }
    }

    /** Where the bulk job lists: {@code source}, or the knowledge base's own folder. */
    public ListingPrefix listingFor(String tenant, String knowledgeBase) {
        return source != null ? source : ListingPrefix.ofKnowledgeBase(ingestion.objectStore().bucket(), tenant, knowledgeBase);
    }

    private static java.time.Duration seconds(ConfigSource source, String key, java.time.Duration fallback) {
        return java.time.Duration.ofSeconds(source.integer(key, (int) fallback.toSeconds()));
    }

    /** {@code tenant}, which the bulk job needs. */
    public String requireTenant() {
        return require(tenant, TENANT);
    }

    /** {@code knowledge-base}, which the bulk job needs. */
    public String requireKnowledgeBase() {
        return require(knowledgeBase, KNOWLEDGE_BASE);
    }

    /**
     * The settings that say where things are, as {@code --key value} arguments: what a launcher
     * passes to a job's {@code main} on a cluster that has no configuration file of ours. The
     * parse stage's settings are not among them (the cluster's own {@code DOCFLOW_*} environment
     * or {@code --config} file gives those).
     */
    public List<String> connectionArguments() {
        ObjectStoreSettings s3 = ingestion.objectStore();
        DatabaseSettings database = ingestion.database();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--s3.endpoint", s3.endpoint(), "--s3.access-key", s3.accessKey(), "--s3.secret-key", s3.secretKey(),
                "--s3.bucket", s3.bucket(),
                "--database.url", database.jdbcUrl(), "--database.user", database.user(),
                "--database.password", database.password(),
                "--" + SharedSettings.ELASTICSEARCH_URL, ingestion.elasticsearch().url(),
                "--" + SharedSettings.ELASTICSEARCH_ALIAS, ingestion.elasticsearch().indexAlias(),
                "--" + SharedSettings.EMBEDDING_MODEL, ingestion.embeddingModel().id(),
                "--" + SharedSettings.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                "--" + SharedSettings.KAFKA_UPLOADS_TOPIC, kafka.uploadsTopic(),
                "--kafka.consumer-group", kafka.consumerGroup(),
                "--" + PARALLELISM, Integer.toString(parallelism)));
        // blank values count as unset: leave them out rather than send an argument with no value
        List<String> given = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i + 1).isBlank()) {
                given.add(args.get(i));
                given.add(args.get(i + 1));
            }
        }
        return given;
    }

    private static String require(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(ConfigSource.describe(key) + " must be set (--" + key + " NAME)");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
