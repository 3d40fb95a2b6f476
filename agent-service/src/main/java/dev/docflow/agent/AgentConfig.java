package dev.docflow.agent;

import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.answer.AnswerSettings;
import dev.docflow.agent.llm.LanguageModelSettings;
import dev.docflow.agent.operations.LogFormat;
import dev.docflow.agent.operations.OperationsSettings;
import dev.docflow.agent.retrieval.FusionMethod;
import dev.docflow.agent.retrieval.RetrievalSettings;
import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.connectors.config.SharedSettings;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.agent.upload.ReconcileSettings;
import dev.docflow.agent.upload.UploadSettings;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The agent service's configuration, read once at start by {@link #load}: defaults, then a
 * properties file, then {@code DOCFLOW_*} environment variables. Every setting has a property key
 * and an environment variable derived from it ({@code retrieval.top-k} →
 * {@code DOCFLOW_RETRIEVAL_TOP_K}):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>http.host</td><td>127.0.0.1</td><td>interface the HTTP API binds</td></tr>
 *   <tr><td>http.port</td><td>7070</td><td>HTTP port; 0 takes a free one</td></tr>
 *   <tr><td>elasticsearch.url</td><td>http://127.0.0.1:9200</td><td>the chunk index's cluster</td></tr>
 *   <tr><td>elasticsearch.alias</td><td>docflow-chunks (another embedding model: docflow-chunks-&lt;model&gt;)</td>
 *       <td>alias of the chunk index</td></tr>
 *   <tr><td>database.url / .user / .password</td><td>jdbc:postgresql://127.0.0.1:5432/docflow, docflow, empty</td>
 *       <td>the metadata database</td></tr>
 *   <tr><td>s3.endpoint, s3.access-key, s3.secret-key, s3.bucket</td><td>http://127.0.0.1:9000, none, none,
 *       docflow</td><td>where uploaded files are stored</td></tr>
 *   <tr><td>kafka.bootstrap-servers, kafka.uploads-topic</td><td>127.0.0.1:9092, docflow.uploads</td>
 *       <td>where upload events are published</td></tr>
 *   <tr><td>rate-limit.requests-per-minute</td><td>600</td><td>per tenant; more gets 429; 0 for no limit</td></tr>
 *   <tr><td>upload.max-file-bytes</td><td>512m</td><td>larger files are refused with 413 as they stream in</td></tr>
 *   <tr><td>upload.max-request-bytes, upload.max-files-per-request</td><td>2g, 100</td><td>one upload request's
 *       body (413 past it) and number of files (400)</td></tr>
 *   <tr><td>reconcile.stuck-after-seconds, reconcile.max-attempts</td><td>1800, 3</td><td>an upload waiting
 *       that long for its outcome is published again; after that many times it ends failed ({@code lost})</td></tr>
 *   <tr><td>upload.removal-grace-seconds</td><td>links.ttl-seconds</td><td>how long a replaced version's file
 *       stays, so links already handed out keep working</td></tr>
 *   <tr><td>s3.public-endpoint</td><td>s3.endpoint</td><td>the object store as clients reach it: citations'
 *       links to their files are signed for it</td></tr>
 *   <tr><td>links.ttl-seconds</td><td>900</td><td>how long a citation's link to its file works</td></tr>
 *   <tr><td>auth.admin-key</td><td>none</td><td>the bootstrap key that creates tenants and their API keys</td></tr>
 *   <tr><td>retrieval.top-k, retrieval.candidates, retrieval.rrf-k</td><td>8, 50, 60</td>
 *       <td>see {@link RetrievalSettings}</td></tr>
 *   <tr><td>retrieval.bm25-weight, retrieval.knn-weight, retrieval.heading-boost, retrieval.title-boost,
 *       retrieval.neighbours, retrieval.coverage-weight, retrieval.fusion</td><td>1, 1, 1, 0, 0, 0.01, rrf</td><td>fusion weights, BM25
 *       field boosts, context, re-scoring by the question's terms: see
 *       {@link RetrievalSettings}</td></tr>
 *   <tr><td>embedding.model</td><td>bge-small-en-v15-q</td><td>see {@link EmbeddingModelChoice}; the ingestion
 *       job reads the same key</td></tr>
 *   <tr><td>answer.min-similarity, answer.min-sentence-score, answer.max-sentences, answer.max-quotables</td>
 *       <td>the model's: 0.60, 0.55 for bge-small, 0.30, 0.40 for all-MiniLM-L6-v2; 5; 64</td>
 *       <td>see {@link AnswerSettings}</td></tr>
 *   <tr><td>answer.provider</td><td>extractive</td><td>{@code extractive} (quotes sentences) or
 *       {@code language-model} (an OpenAI-compatible chat model writes the answer and rewrites follow-ups)</td></tr>
 *   <tr><td>llm.base-url, llm.model, llm.api-key</td><td>none</td><td>the model's API root with its version
 *       ({@code https://api.openai.com/v1}), its name, its key (empty for servers that need none);
 *       base URL and model are required with {@code answer.provider=language-model}</td></tr>
 *   <tr><td>llm.timeout-seconds, llm.max-passage-chars, llm.max-history-turns, llm.max-history-chars</td>
 *       <td>60, 24000, 6, 8000</td><td>see {@link LanguageModelSettings}</td></tr>
 *   <tr><td>chat.max-message-chars, chat.max-history-chars</td><td>4000, 40000</td><td>a longer question, or more
 *       earlier messages in one request, is a 400; see {@link ServiceLimits}</td></tr>
 *   <tr><td>chat.max-concurrent-answers-per-tenant, chat.answer-deadline-seconds</td><td>8, 120</td>
 *       <td>answers in progress per tenant (one more: 429), longest answer (504)</td></tr>
 *   <tr><td>auth.failed-attempts-per-minute</td><td>30</td><td>per client address; beyond, 429; 0 for no limit</td></tr>
 *   <tr><td>database.max-connections</td><td>16</td><td>the service's pool of PostgreSQL connections</td></tr>
 *   <tr><td>elasticsearch.timeout-seconds, database.connection-timeout-seconds, s3.timeout-seconds</td>
 *       <td>30, 10, 30</td><td>the longest a request waits for each server before it fails (503 when the
 *       server is down): see {@link ElasticsearchSettings}, {@link DatabaseSettings}, {@link ObjectStoreSettings}</td></tr>
 *   <tr><td>console.flink-dashboard-url</td><td>http://localhost:8081</td><td>the Flink dashboard the web console
 *       links to</td></tr>
 *   <tr><td>console.flink-rest-url</td><td>the dashboard's URL</td><td>where the service itself reads the running
 *       jobs (Flink's REST API), when it reaches Flink by another address than browsers do (containers)</td></tr>
 *   <tr><td>logging.format</td><td>plain</td><td>{@code plain} text lines or {@code json}, one object per line:
 *       see {@link OperationsSettings}</td></tr>
 *   <tr><td>shutdown.grace-seconds</td><td>20</td><td>on stop, how long requests in flight get to finish while
 *       {@code /ready} says 503</td></tr>
 * </table>
 *
 * <p>The constructor checks every value and says what to change, so a config built in code (the
 * CLI) is held to the same rules as one loaded from a file.
 */
public record AgentConfig(
        String httpHost,
        int httpPort,
        ElasticsearchSettings elasticsearch,
        DatabaseSettings database,
        String adminKey,
        RetrievalSettings retrieval,
        AnswerSettings answer,
        UploadSettings uploads,
        int requestsPerMinute,
        AnswerProviderKind answerProvider,
        LanguageModelSettings languageModel,
        ServiceLimits limits,
        FlinkDashboard flinkDashboard,
        OperationsSettings operations) {

    /** With the default {@link OperationsSettings}. */
    public AgentConfig(String httpHost, int httpPort, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            String adminKey, RetrievalSettings retrieval, AnswerSettings answer, UploadSettings uploads, int requestsPerMinute,
            AnswerProviderKind answerProvider, LanguageModelSettings languageModel, ServiceLimits limits,
            String flinkDashboardUrl) {
        this(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, limits, FlinkDashboard.at(flinkDashboardUrl), OperationsSettings.DEFAULTS);
    }

    /** Where the Flink dashboard of {@code ./docflow demo} listens (the first of {@code flink.rest.ports}). */
    public static final String DEFAULT_FLINK_DASHBOARD_URL = "http://localhost:8081";

    /** With the demo's Flink dashboard. */
    public AgentConfig(String httpHost, int httpPort, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            String adminKey, RetrievalSettings retrieval, AnswerSettings answer, UploadSettings uploads, int requestsPerMinute,
            AnswerProviderKind answerProvider, LanguageModelSettings languageModel, ServiceLimits limits) {
        this(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, limits, DEFAULT_FLINK_DASHBOARD_URL);
    }

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

    /** With the default {@link ServiceLimits}. */
    public AgentConfig(String httpHost, int httpPort, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            String adminKey, RetrievalSettings retrieval, AnswerSettings answer, UploadSettings uploads, int requestsPerMinute,
            AnswerProviderKind answerProvider, LanguageModelSettings languageModel) {
        this(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, ServiceLimits.DEFAULTS);
    }

    /** With the default rate limit. */
    public AgentConfig(String httpHost, int httpPort, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            String adminKey, RetrievalSettings retrieval, AnswerSettings answer, UploadSettings uploads) {
        this(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, DEFAULT_REQUESTS_PER_MINUTE);
    }

    /** Answering without a language model. */
    public AgentConfig(String httpHost, int httpPort, ElasticsearchSettings elasticsearch, DatabaseSettings database,
            String adminKey, RetrievalSettings retrieval, AnswerSettings answer, UploadSettings uploads, int requestsPerMinute) {
        this(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                AnswerProviderKind.EXTRACTIVE, LanguageModelSettings.NONE);
    }

    /** Loopback until requests carry API keys: exposing the service is a choice ({@code http.host=0.0.0.0}). */
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 7070;
    public static final String DEFAULT_ELASTICSEARCH_URL = "http://127.0.0.1:9200";
    public static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/docflow";
    public static final String DEFAULT_DATABASE_USER = "docflow";

    public AgentConfig {
        require(httpHost != null && !httpHost.isBlank(), "http.host", "must name an interface, e.g. 0.0.0.0");
        require(httpPort >= 0 && httpPort <= 65_535, "http.port", "must be between 0 (any free port) and 65535");
        require(elasticsearch != null, "elasticsearch.url", "must be set");
        require(isHttpUrl(elasticsearch.url()), "elasticsearch.url",
                "must be an http(s) URL with a host, e.g. http://127.0.0.1:9200; got '" + elasticsearch.url() + "'");
        require(database != null, "database.url", "must be set");
        require(database.jdbcUrl().startsWith("jdbc:postgresql:"), "database.url",
                "must be a PostgreSQL JDBC URL, e.g. " + DEFAULT_DATABASE_URL + "; got '" + database.jdbcUrl() + "'");
        require(!database.user().isBlank(), "database.user", "must name a database user");
        require(adminKey == null || adminKey.isBlank() || adminKey.strip().length() >= 24, "auth.admin-key",
                "must be at least 24 characters (a long random string), or empty for no admin over HTTP");
        require(retrieval != null, "retrieval.top-k", "must be set");
        require(retrieval.candidates() >= 1 && retrieval.candidates() <= RetrievalSettings.MAX_CANDIDATES,
                "retrieval.candidates", "must be between 1 and " + RetrievalSettings.MAX_CANDIDATES);
        require(retrieval.topK() >= 1 && retrieval.topK() <= retrieval.candidates(), "retrieval.top-k",
                "must be between 1 and retrieval.candidates (" + retrieval.candidates() + ")");
        require(retrieval.rrfK() >= 1, "retrieval.rrf-k", "must be at least 1 (60 is the usual choice)");
        require(retrieval.bm25Weight() >= 0 && retrieval.knnWeight() >= 0 && retrieval.bm25Weight() + retrieval.knnWeight() > 0,
                "retrieval.bm25-weight", "and retrieval.knn-weight must be 0 or more, and not both 0");
        require(retrieval.headingBoost() >= 0, "retrieval.heading-boost", "must be 0 (not searched) or more");
        require(retrieval.titleBoost() >= 0, "retrieval.title-boost", "must be 0 (not searched) or more");
        require(retrieval.coverageWeight() >= 0, "retrieval.coverage-weight", "must be 0 (fused order) or more");
        require(retrieval.neighbours() >= 0 && retrieval.neighbours() <= 3, "retrieval.neighbours",
                "must be between 0 and 3 (chunks added on each side of a cited one)");
        require(retrieval.embeddingModel() != null, "embedding.model", "must be set");
        require(requestsPerMinute >= 0, "rate-limit.requests-per-minute", "must be 0 (no limit) or more");
        require(answer != null, "answer.min-similarity", "must be set");
        require(answer.minSimilarity() >= -1 && answer.minSimilarity() <= 1, "answer.min-similarity",
                "is a cosine: between -1 and 1 (the default is the embedding model's own, see AnswerSettings)");
        require(answer.minSentenceScore() >= 0 && answer.minSentenceScore() <= 1, "answer.min-sentence-score",
                "must be between 0 and 1");
        require(answer.maxSentences() >= 1, "answer.max-sentences", "must be at least 1");
        require(answer.maxQuotables() >= answer.maxSentences(), "answer.max-quotables",
                "must be at least answer.max-sentences (" + answer.maxSentences() + ")");
        require(answerProvider != null, "answer.provider", "must be extractive or language-model");
        require(languageModel != null, "llm.base-url", "must be set");
        if (answerProvider == AnswerProviderKind.LANGUAGE_MODEL) {
            require(isHttpUrl(languageModel.baseUrl()), "llm.base-url", "must be the http(s) URL of an OpenAI-compatible API, "
                    + "version included (https://api.openai.com/v1, http://127.0.0.1:11434/v1), when answer.provider="
                    + answerProvider.label() + "; got '" + languageModel.baseUrl() + "'");
            require(!languageModel.model().isEmpty(), "llm.model",
                    "must name the model (e.g. gpt-4o-mini) when answer.provider=" + answerProvider.label());
        }
        require(!languageModel.timeout().isNegative() && languageModel.timeout().toSeconds() >= 1, "llm.timeout-seconds",
                "must be at least 1");
        require(languageModel.maxPassageChars() >= 1_000, "llm.max-passage-chars",
                "must be at least 1000 (a passage or two); " + LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS + " is the default");
        require(languageModel.maxHistoryTurns() >= 0, "llm.max-history-turns", "must be 0 (no history) or more");
        require(languageModel.maxHistoryChars() >= 0, "llm.max-history-chars", "must be 0 (no history) or more");
        require(limits != null, "chat.max-message-chars", "must be set");
        require(limits.maxMessageChars() >= 100, "chat.max-message-chars", "must be at least 100 (a question); "
                + ServiceLimits.DEFAULT_MAX_MESSAGE_CHARS + " is the default");
        require(limits.maxHistoryChars() >= 0, "chat.max-history-chars", "must be 0 (no history) or more");
        require(limits.maxConcurrentAnswersPerTenant() >= 1, "chat.max-concurrent-answers-per-tenant",
                "must be at least 1; keep it well under the service's 250 request threads");
        require(limits.answerDeadline() != null && limits.answerDeadline().toSeconds() >= 1, "chat.answer-deadline-seconds",
                "must be at least 1");
        require(limits.failedAuthenticationsPerMinute() >= 0, "auth.failed-attempts-per-minute",
                "must be 0 (no limit) or more");
        require(flinkDashboard != null && isHttpUrl(flinkDashboard.url()), "console.flink-dashboard-url",
                "must be the http(s) URL of the Flink dashboard, e.g. " + DEFAULT_FLINK_DASHBOARD_URL + "; got '"
                        + (flinkDashboard == null ? null : flinkDashboard.url()) + "'");
        require(isHttpUrl(flinkDashboard.restUrl()), "console.flink-rest-url",
                "must be the http(s) URL at which the service reaches Flink's REST API, e.g. http://jobmanager:8081; got '"
                        + flinkDashboard.restUrl() + "'");
        require(limits.maxDatabaseConnections() >= 2, "database.max-connections",
                "must be at least 2, and under PostgreSQL's max_connections (100 by default)");
        require(operations != null && operations.logFormat() != null, "logging.format", "must be plain or json");
        require(operations.shutdownGrace() != null && !operations.shutdownGrace().isNegative()
                && operations.shutdownGrace().toSeconds() <= 600, "shutdown.grace-seconds",
                "must be between 0 (stop at once) and 600");
    }

    /** The same settings with other ways of running (log format, shutdown grace). */
    public AgentConfig withOperations(OperationsSettings other) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads,
                requestsPerMinute, answerProvider, languageModel, limits, flinkDashboard, other);
    }

    /** Defaults everywhere but where the index and the database are: what the CLI starts with. */
    public static AgentConfig of(ElasticsearchSettings elasticsearch, DatabaseSettings database) {
        return new AgentConfig(DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, elasticsearch, database, "",
                RetrievalSettings.defaults(), AnswerSettings.defaults(), UploadSettings.DEFAULTS);
    }

    /** The same settings against another index and database (the CLI's embedded stack). */
    public AgentConfig withConnections(ElasticsearchSettings elasticsearch, DatabaseSettings database) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, limits, flinkDashboard, operations);
    }

    /** The same settings storing uploads in {@code objectStore} and publishing their events to {@code kafka}. */
    public AgentConfig withUploadsTo(ObjectStoreSettings objectStore, String kafkaBootstrapServers) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer,
                new UploadSettings(objectStore, kafkaBootstrapServers, uploads.uploadsTopic(), uploads.maxFileBytes(),
                        null, uploads.linkTtl(), uploads.maxRequestBytes(), uploads.maxFilesPerRequest(),
                        uploads.removalGrace(), uploads.reconcile()),
                requestsPerMinute, answerProvider, languageModel, limits, flinkDashboard, operations);
    }

    public AgentConfig withAdminKey(String key) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, key, retrieval, answer, uploads,
                requestsPerMinute, answerProvider, languageModel, limits, flinkDashboard, operations);
    }

    /** The same settings answering with {@code provider}. */
    public AgentConfig withAnswerProvider(AnswerProviderKind provider, LanguageModelSettings model) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads,
                requestsPerMinute, provider, model, limits, flinkDashboard, operations);
    }

    /** The same settings with other limits on what one caller may ask. */
    public AgentConfig withLimits(ServiceLimits other) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads,
                requestsPerMinute, answerProvider, languageModel, other, flinkDashboard, operations);
    }

    /** Leaves the admin key (and the model's API key) out, so the configuration can be logged. */
    @Override
    public String toString() {
        return "AgentConfig[http=" + httpHost + ":" + httpPort + ", elasticsearch=" + elasticsearch + ", database="
                + database + ", adminKey=" + (adminKey == null || adminKey.isBlank() ? "none" : "set") + ", retrieval="
                + retrieval + ", answer=" + answer + ", uploads=" + uploads + ", requestsPerMinute=" + requestsPerMinute
                + ", answerProvider=" + answerProvider.label()
                + (answerProvider == AnswerProviderKind.LANGUAGE_MODEL ? ", languageModel=" + languageModel : "")
                + ", limits=" + limits + ", flinkDashboard=" + flinkDashboard + ", operations=" + operations + "]";
    }

    public AgentConfig withHttpPort(int port) {
        return new AgentConfig(httpHost, port, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, limits, flinkDashboard, operations);
    }

    /** The same settings with other upload settings. */
    public AgentConfig withUploads(UploadSettings other) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, other, requestsPerMinute,
                answerProvider, languageModel, limits, flinkDashboard, operations);
    }

    /** The same settings with the console linking to the Flink dashboard at {@code url}. */
    public AgentConfig withFlinkDashboardUrl(String url) {
        return new AgentConfig(httpHost, httpPort, elasticsearch, database, adminKey, retrieval, answer, uploads, requestsPerMinute,
                answerProvider, languageModel, limits, FlinkDashboard.at(url), operations);
    }

    /**
     * Reads the configuration.
     *
     * @param file a properties file; ignored when null or absent
     * @param env the process environment (read once, in {@code Main}); its {@code DOCFLOW_*}
     *     variables override the file
     * @throws IllegalArgumentException naming the setting and what to do when a value is wrong
     */
    public static AgentConfig load(Path file, Map<String, String> env) {
        ConfigSource source = ConfigSource.of(file, env);
        return new AgentConfig(
                source.text("http.host", DEFAULT_HTTP_HOST),
                source.integer("http.port", DEFAULT_HTTP_PORT),
                // the index the ingestion jobs write for this model (one rule for both, SharedSettings)
                SharedSettings.elasticsearch(source, embeddingModel(source)),
                new DatabaseSettings(
                        source.text("database.url", DEFAULT_DATABASE_URL),
                        source.text("database.user", DEFAULT_DATABASE_USER),
                        source.text("database.password", ""),
                        seconds(source, "database.connection-timeout-seconds", DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT)),
                source.text("auth.admin-key", ""),
                new RetrievalSettings(
                        source.integer("retrieval.top-k", RetrievalSettings.DEFAULT_TOP_K),
                        source.integer("retrieval.candidates", RetrievalSettings.DEFAULT_CANDIDATES),
                        source.integer("retrieval.rrf-k", RetrievalSettings.DEFAULT_RRF_K),
                        source.decimal("retrieval.bm25-weight", RetrievalSettings.DEFAULT_BM25_WEIGHT),
                        source.decimal("retrieval.knn-weight", RetrievalSettings.DEFAULT_KNN_WEIGHT),
                        source.decimal("retrieval.heading-boost", RetrievalSettings.DEFAULT_HEADING_BOOST),
                        source.decimal("retrieval.title-boost", RetrievalSettings.DEFAULT_TITLE_BOOST),
                        source.integer("retrieval.neighbours", RetrievalSettings.DEFAULT_NEIGHBOURS),
                        embeddingModel(source),
                        source.decimal("retrieval.coverage-weight", RetrievalSettings.DEFAULT_COVERAGE_WEIGHT),
                        named(source, "retrieval.fusion", RetrievalSettings.DEFAULT_FUSION.label(), FusionMethod::parse)),
                new AnswerSettings(
                        source.decimal("answer.min-similarity", AnswerSettings.defaultMinSimilarity(embeddingModel(source))),
                        source.decimal("answer.min-sentence-score",
                                AnswerSettings.defaultMinSentenceScore(embeddingModel(source))),
                        source.integer("answer.max-sentences", AnswerSettings.DEFAULT_MAX_SENTENCES),
                        source.integer("answer.max-quotables", AnswerSettings.DEFAULT_MAX_QUOTABLES)),
                new UploadSettings(
                        new ObjectStoreSettings(
                                source.text("s3.endpoint", UploadSettings.DEFAULTS.objectStore().endpoint()),
                                source.text("s3.access-key", ""),
                                source.text("s3.secret-key", ""),
                                source.text("s3.bucket", ObjectStoreSettings.DEFAULT_BUCKET),
                                seconds(source, "s3.timeout-seconds", ObjectStoreSettings.DEFAULT_TIMEOUT)),
                        source.text("kafka.bootstrap-servers", UploadSettings.DEFAULTS.kafkaBootstrapServers()),
                        SharedSettings.uploadsTopic(source),
                        source.bytes("upload.max-file-bytes", UploadSettings.DEFAULTS.maxFileBytes()),
                        source.text("s3.public-endpoint", ""),
                        Duration.ofSeconds(source.integer("links.ttl-seconds", (int) UploadSettings.DEFAULT_LINK_TTL.toSeconds())),
                        source.bytes("upload.max-request-bytes", UploadSettings.DEFAULT_MAX_REQUEST_BYTES),
                        source.integer("upload.max-files-per-request", UploadSettings.DEFAULT_MAX_FILES_PER_REQUEST),
                        removalGrace(source),
                        new ReconcileSettings(
                                Duration.ofSeconds(source.integer("reconcile.stuck-after-seconds",
                                        (int) ReconcileSettings.DEFAULTS.stuckAfter().toSeconds())),
                                source.integer("reconcile.max-attempts", ReconcileSettings.DEFAULTS.maxAttempts()))),
                source.integer("rate-limit.requests-per-minute", DEFAULT_REQUESTS_PER_MINUTE),
                answerProvider(source),
                new LanguageModelSettings(
                        source.text("llm.base-url", ""),
                        source.text("llm.model", ""),
                        source.text("llm.api-key", ""),
                        Duration.ofSeconds(source.integer("llm.timeout-seconds",
                                (int) LanguageModelSettings.DEFAULT_TIMEOUT.toSeconds())),
                        source.integer("llm.max-passage-chars", LanguageModelSettings.DEFAULT_MAX_PASSAGE_CHARS),
                        source.integer("llm.max-history-turns", LanguageModelSettings.DEFAULT_MAX_HISTORY_TURNS),
                        source.integer("llm.max-history-chars", LanguageModelSettings.DEFAULT_MAX_HISTORY_CHARS)),
                new ServiceLimits(
                        source.integer("chat.max-message-chars", ServiceLimits.DEFAULT_MAX_MESSAGE_CHARS),
                        source.integer("chat.max-history-chars", ServiceLimits.DEFAULT_MAX_HISTORY_CHARS),
                        source.integer("chat.max-concurrent-answers-per-tenant",
                                ServiceLimits.DEFAULT_MAX_CONCURRENT_ANSWERS_PER_TENANT),
                        Duration.ofSeconds(source.integer("chat.answer-deadline-seconds",
                                (int) ServiceLimits.DEFAULT_ANSWER_DEADLINE.toSeconds())),
                        source.integer("auth.failed-attempts-per-minute",
                                ServiceLimits.DEFAULT_FAILED_AUTHENTICATIONS_PER_MINUTE),
                        source.integer("database.max-connections", ServiceLimits.DEFAULT_MAX_DATABASE_CONNECTIONS)),
                flinkDashboard(source),
                new OperationsSettings(logFormat(source),
                        seconds(source, "shutdown.grace-seconds", OperationsSettings.DEFAULT_SHUTDOWN_GRACE)));
    }

    private static FlinkDashboard flinkDashboard(ConfigSource source) {
        String url = source.text("console.flink-dashboard-url", DEFAULT_FLINK_DASHBOARD_URL);
        return new FlinkDashboard(url, source.text("console.flink-rest-url", url));
    }

    /** The dashboard users open: {@code console.flink-dashboard-url}. */
    public String flinkDashboardUrl() {
        return flinkDashboard.url();
    }

    private static Duration seconds(ConfigSource source, String key, Duration defaultValue) {
        return Duration.ofSeconds(source.integer(key, (int) defaultValue.toSeconds()));
    }

    /** Unset: as long as links live ({@code links.ttl-seconds}), so no link handed out outlives its file. */
    private static Duration removalGrace(ConfigSource source) {
        if (source.text("upload.removal-grace-seconds", "").isBlank()) {
            return null;
        }
        // a negative value reaches UploadSettings, which refuses it naming the key
        return Duration.ofSeconds(source.integer("upload.removal-grace-seconds", 0));
    }

    private static AnswerProviderKind answerProvider(ConfigSource source) {
        return named(source, "answer.provider", AnswerProviderKind.EXTRACTIVE.label(), AnswerProviderKind::parse);
    }

    private static LogFormat logFormat(ConfigSource source) {
        return named(source, "logging.format", LogFormat.PLAIN.label(), LogFormat::parse);
    }

    /** One of a few named values; a wrong one is refused naming the key and its variable. */
    private static <T> T named(ConfigSource source, String key, String defaultValue, Function<String, T> parse) {
        try {
            return parse.apply(source.text(key, defaultValue));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigSource.describe(key) + " " + e.getMessage(), e);
        }
    }

    private static EmbeddingModelChoice embeddingModel(ConfigSource source) {
        return SharedSettings.embeddingModel(source);
    }

    /** {@code retrieval.top-k} → {@code DOCFLOW_RETRIEVAL_TOP_K}. */
    public static String environmentVariable(String key) {
        return ConfigSource.environmentVariable(key);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean condition, String key, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(key + " (" + environmentVariable(key) + ") " + rule);
        }
    }
}
