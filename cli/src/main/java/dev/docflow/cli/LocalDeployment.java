package dev.docflow.cli;

import dev.docflow.agent.AgentApp;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.config.SharedSettings;
import dev.docflow.ingest.IngestConfig;
import dev.docflow.ingest.IngestionSettings;
import dev.docflow.ingest.embed.SharedEmbeddingModel;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.ingest.StreamingIngestJob;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import org.apache.flink.core.execution.JobClient;
import dev.docflow.localstack.EmbeddedStack;
import dev.docflow.localstack.RunningStack;
import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Docflow on this machine: the embedded servers and a local Flink cluster with its dashboard,
 * either started here or, for {@code ingest} and {@code bench}, those of a running
 * {@code up}/{@code demo}. Closing stops what this process started, in reverse order.
 */
public final class LocalDeployment implements AutoCloseable {
    /** Where a running deployment tells other processes its Flink REST address. */
    private static final String FLINK_ADDRESS_FILE = "flink.url";
    private static final int TASK_SLOTS = 4;
    /** Where the local cluster's checkpoints go, under the work folder (Flink removes a job's when it ends). */
    static final String CHECKPOINTS_FOLDER = "flink/checkpoints";
    static final String ADMIN_KEY_FILE = "admin-key";
    static final String DEMO_KEY_FILE = "demo-key";

    private final DocflowConfig config;
    private final StackEndpoints endpoints;
    private final URI flinkRestAddress;
    private final LocalFlinkCluster ownFlink;
    /** The cluster of {@link #startForCluster}: jobs go to it as the job jar over its REST API. */
    private RemoteFlinkCluster jobCluster;
    private final Deque<AutoCloseable> started;
    private Database database;
    private String demoKey;
    private String newAdminKey;

    private LocalDeployment(DocflowConfig config, StackEndpoints endpoints, URI flinkRestAddress,
            LocalFlinkCluster ownFlink, Deque<AutoCloseable> started) {
        this.config = config;
        this.endpoints = endpoints;
        this.flinkRestAddress = flinkRestAddress;
        this.ownFlink = ownFlink;
        this.started = started;
    }

    /** Starts the servers and a Flink cluster on the configured dashboard port. */
    public static LocalDeployment start(DocflowConfig config, PrintStream out) throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedStack stack = startStack(config, out, started);
            LocalFlinkCluster flink = LocalFlinkCluster.start(config.flinkRestPorts(), TASK_SLOTS,
                    config.workDir().resolve(CHECKPOINTS_FOLDER));
            started.push(flink);
            Path addressFile = config.workDir().resolve(FLINK_ADDRESS_FILE);
            Files.writeString(addressFile, flink.restAddress().toString());
            started.push(() -> Files.deleteIfExists(addressFile));
            LocalDeployment deployment = new LocalDeployment(config, stack.endpoints(), flink.restAddress(), flink, started);
            deployment.migrate();
            return deployment;
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Starts the servers here for jobs on a Flink cluster someone else runs ({@code up --flink}):
     * the streaming job goes there as the job jar ({@link #startStreamingJob}), and the console
     * links to that cluster's dashboard.
     */
    static LocalDeployment startForCluster(DocflowConfig config, URI flink, PrintStream out) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedStack stack = startStack(config, out, started);
            return forCluster(config, stack.endpoints(), flink, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * The servers only, for jobs that run on a Flink cluster of their own ({@code --flink}): those of
     * a running {@code up}/{@code demo} when there are, else started here.
     */
    public static LocalDeployment attachOrStartStack(DocflowConfig config, URI flink, PrintStream out) {
        Optional<StackEndpoints> running = RunningStack.find(config.workDir());
        if (running.isPresent()) {
            out.println("Using the running Docflow stack; jobs go to the Flink cluster at " + flink);
            return overCluster(config, running.get(), flink);
        }
        return startForCluster(config, flink, out);
    }

    private static EmbeddedStack startStack(DocflowConfig config, PrintStream out, Deque<AutoCloseable> started) {
        out.println("Starting Elasticsearch, PostgreSQL, Kafka and S3 (data in " + config.workDir() + ") …");
        EmbeddedStack stack = EmbeddedStack.start(stackSettings(config));
        started.push(stack);
        return stack;
    }

    /** Uses a running {@code up}/{@code demo} when there is one, else starts everything here. */
    public static LocalDeployment attachOrStart(DocflowConfig config, PrintStream out) throws Exception {
        Optional<StackEndpoints> running = RunningStack.find(config.workDir());
        Optional<URI> flink = runningFlink(config.workDir());
        if (running.isPresent() && flink.isPresent()) {
            out.println("Using the running Docflow stack (Flink dashboard " + flink.get() + ")");
            return new LocalDeployment(config, running.get(), flink.get(), null, new ArrayDeque<>());
        }
        return start(config, out);
    }

    /** A deployment over servers and a Flink cluster someone else owns (tests share theirs). */
    public static LocalDeployment over(DocflowConfig config, StackEndpoints endpoints, LocalFlinkCluster flink) {
        LocalDeployment deployment = new LocalDeployment(config, endpoints, flink.restAddress(), flink, new ArrayDeque<>());
        deployment.migrate();
        return deployment;
    }

    /** A deployment over servers someone else owns whose jobs go to the Flink cluster at {@code flink} as the job jar. */
    static LocalDeployment overCluster(DocflowConfig config, StackEndpoints endpoints, URI flink) {
        return forCluster(config, endpoints, flink, new ArrayDeque<>());
    }

    /** Jobs on the cluster at {@code flink} as the job jar, over {@code endpoints}; closing stops {@code started}. */
    private static LocalDeployment forCluster(DocflowConfig config, StackEndpoints endpoints, URI flink,
            Deque<AutoCloseable> started) {
        LocalDeployment deployment = new LocalDeployment(config, endpoints, flink, null, started);
        deployment.jobCluster = new RemoteFlinkCluster(flink);
        deployment.migrate();
        return deployment;
    }

    /**
     * The launcher owns its stack's schema, as the agent service owns a deployed one: migrated
     * before any job or the service opens it (jobs only check it).
     */
    private void migrate() {
        Database.migrate(databaseSettings());
    }

    /**
     * The jobs' configuration: what the file and environment say, with this stack's addresses and
     * credentials as arguments over them, read by the jobs' own rule ({@link IngestConfig}); the
     * same arguments reach a job's {@code main} on a remote cluster.
     */
    public IngestConfig ingestConfig() {
        return IngestConfig.from(config.source().withArguments(Map.of(
                "s3.endpoint", endpoints.s3Endpoint(),
                "s3.access-key", endpoints.s3AccessKey(),
                "s3.secret-key", endpoints.s3SecretKey(),
                SharedSettings.ELASTICSEARCH_URL, endpoints.elasticsearchUrl(),
                "database.url", endpoints.jdbcUrl(),
                "database.user", endpoints.databaseUser(),
                "database.password", endpoints.databasePassword(),
                SharedSettings.KAFKA_BOOTSTRAP_SERVERS, endpoints.kafkaBootstrapServers())));
    }

    public IngestionSettings ingestionSettings() {
        return ingestConfig().ingestion();
    }

    /** The chunk index of the configured model (see {@link SharedSettings#chunkIndexAlias}) on this stack. */
    public ElasticsearchSettings elasticsearchSettings() {
        return ingestionSettings().elasticsearch();
    }

    public DatabaseSettings databaseSettings() {
        return new DatabaseSettings(endpoints.jdbcUrl(), endpoints.databaseUser(), endpoints.databasePassword(),
                config.agent().database().connectionTimeout());
    }

    /** The metadata database, opened once for everything this process does. */
    public synchronized Database database() {
        if (database == null) {
            // pooled: the agent service reads it at every request
            database = Database.pooled(databaseSettings(), config.agent().limits().maxDatabaseConnections());
        }
        return database;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /**
     * The same servers and Flink cluster, with {@code settings} over the jobs' own ({@code ocr.enabled},
     * {@code tables.enabled}, …); closing it stops nothing (this deployment owns them).
     */
    public LocalDeployment withIngestSettings(Map<String, String> settings) {
        return new LocalDeployment(config.withIngestSettings(settings), endpoints, flinkRestAddress, ownFlink,
                new ArrayDeque<>());
    }

    /** The admin key when this start made it (the first), to be shown once; null otherwise. */
    public String newAdminKey() {
        return newAdminKey;
    }

    public DocflowConfig config() {
        return config;
    }

    public URI flinkDashboard() {
        return flinkRestAddress;
    }

    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment flinkEnvironment() {
        if (ownFlink != null) {
            return ownFlink.environment(config.parallelism());
        }
        var env = new org.apache.flink.streaming.api.environment.RemoteStreamEnvironment(
                flinkRestAddress.getHost(), flinkRestAddress.getPort());
        env.setParallelism(config.parallelism());
        return env;
    }

    /**
     * Starts the agent service in this process on {@code port}, stopped first when this closes.
     *
     * @return the port it listens on
     */
    public int startAgent(int port) {
        return startAgentApp(port).port();
    }

    /**
     * {@link #startAgent(int)}, returning the running service itself for a caller that also reads
     * what it holds in-process (the retrieval bench reads its {@code passageRanking()}).
     */
    public AgentApp startAgentApp(int port) {
        demoKey();
        Path adminKeyFile = config.workDir().resolve(ADMIN_KEY_FILE);
        boolean firstStart = !Files.isRegularFile(adminKeyFile);
        String adminKey = KeyFiles.readOrCreate(adminKeyFile);
        if (firstStart) {
            newAdminKey = adminKey;
        }
        AgentApp agent = AgentApp.create(
                config.agent().withConnections(elasticsearchSettings(), databaseSettings()).withHttpPort(port)
                        .withAdminKey(adminKey)
                        // the console links to the Flink this deployment runs or was given, at its real port
                        .withFlinkDashboardUrl(flinkRestAddress.toString())
                        .withUploadsTo(ingestionSettings().objectStore(), endpoints.kafkaBootstrapServers()),
                database(), SharedEmbeddingModel.get(config.agent().retrieval().embeddingModel()));
        // stopped gracefully (Ctrl-C included): readiness off, answers in flight finish, the outbox is flushed
        started.push(agent::stop);
        agent.start();
        return agent;
    }

    /**
     * Starts the streaming job, which ingests each upload event from Kafka, on this deployment's
     * Flink; it is cancelled before the cluster stops.
     */
    public void startStreamingJob() throws Exception {
        IngestConfig jobs = ingestConfig();
        if (jobCluster != null) {
            RemoteFlinkCluster cluster = jobCluster;
            String jobId = new ClusterSubmission(cluster, config.home()).startStreamingJob(jobs, System.out);
            started.push(() -> cluster.cancel(jobId));
            return;
        }
        JobClient job = new StreamingIngestJob(jobs.ingestion(), jobs.kafka()).start(flinkEnvironment());
        started.push(() -> job.cancel().get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    /**
     * The {@code demo} tenant's API key, kept in the work folder and made valid in this stack's
     * database (again, should the database have been reset).
     */
    public synchronized String demoKey() {
        if (demoKey == null) {
            String key = KeyFiles.readOrCreate(config.workDir().resolve(DEMO_KEY_FILE));
            new ApiKeys(database().apiKeys()).register(DocflowConfig.DEMO_TENANT, "demo", key);
            demoKey = key;
        }
        return demoKey;
    }

    /** Stops everything when the JVM is asked to exit (Ctrl-C). */
    public LocalDeployment closeOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "docflow-shutdown"));
        return this;
    }

    @Override
    public synchronized void close() {
        closeAll(started);
    }

    private static StackSettings stackSettings(DocflowConfig config) {
        return StackSettings.builder(config.workDir()).elasticsearchHeap(config.elasticsearchHeap()).build();
    }

    private static Optional<URI> runningFlink(Path workDir) {
        Path file = workDir.resolve(FLINK_ADDRESS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            URI address = URI.create(Files.readString(file).trim());
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(address.resolve("/overview")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.of(address) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Stopping Docflow failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
