package dev.docflow.localstack;

import dev.docflow.localstack.StackSettings.Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stack: Elasticsearch, PostgreSQL, Kafka and an S3 server running as local processes
 * on one work folder, for the demo and the integration tests.
 *
 * <pre>{@code
 * try (EmbeddedStack stack = EmbeddedStack.start(StackSettings.defaults(Path.of(".docflow")))) {
 *     StackEndpoints endpoints = stack.endpoints();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start} starts the servers in parallel and returns when all answer. While it runs the
 * stack holds {@code <workDir>/stack.lock} (a second stack on the same folder fails at once) and
 * advertises itself in {@code <workDir>/stack.json} for {@link RunningStack#find}. {@link #close}
 * stops the servers in reverse order; so does JVM exit (Ctrl-C included). Data stays in the work
 * folder and is found again by the next start.
 *
 * <p>For fault tests, {@link #stop(Server)} stops one server as an outage would and {@link
 * #restart(Server)} starts it again on the same ports and data, so clients built from {@link
 * #endpoints()} reconnect to it unchanged.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final StackSettings settings;
    private final Path workDir;
    private final WorkDirLock lock;
    /** In start order; a restarted server takes its predecessor's place. Guarded by this. */
    private final List<LocalServer> servers;
    private final StackEndpoints endpoints;
    private final Thread shutdownHook = new Thread(this::close, "stop-docflow-stack");
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedStack(StackSettings settings, WorkDirLock lock, List<LocalServer> servers) {
        this.settings = settings;
        this.workDir = settings.workDir();
        this.lock = lock;
        this.servers = new ArrayList<>(servers);
        this.endpoints = endpointsOf(servers);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the servers of {@code settings} and returns once every one of them answers.
     *
     * @throws LocalStackException if the work folder is in use by another stack, or a server fails
     *     to start (the message names it, its log file and the log's last lines); servers already
     *     started are stopped first, so nothing is left running
     */
    public static EmbeddedStack start(StackSettings settings) {
        long startedAt = System.nanoTime();
        WorkDirLock lock = WorkDirLock.acquire(settings.workDir());
        EmbeddedStack stack;
        try {
            stack = new EmbeddedStack(settings, lock, startAll(settings));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            RunningStack.advertise(settings.workDir(), stack.endpoints);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        LOG.info("stack ready in {} s on {}", seconds(startedAt), settings.workDir());
        return stack;
    }

    /** Where the servers answer, and their credentials. */
    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** The running servers, in start order: their ports and log files. */
    public synchronized List<LocalServer> servers() {
        return List.copyOf(servers);
    }

    /**
     * Stops {@code server} (politely, then by force, as {@link #close} does) and keeps its data: an
     * outage, until {@link #restart(Server)}. Stopping a stopped server does nothing.
     *
     * @throws IllegalArgumentException if this stack does not run {@code server}
     */
    public synchronized void stop(Server server) {
        LocalServer running = servers.get(indexOf(server));
        long stoppingAt = System.nanoTime();
        running.close();
        LOG.info("{} stopped in {} s (outage)", running.name(), seconds(stoppingAt));
    }

    /**
     * Starts {@code server} again on the ports and data folder it had, stopping it first if it
     * still runs, and returns once it answers as {@link #start} would.
     *
     * @throws LocalStackException if it fails to start, or its port was taken while it was down
     *     (it is not moved: clients know the old one)
     */
    public synchronized void restart(Server server) {
        int index = indexOf(server);
        LocalServer previous = servers.get(index);
        previous.close();
        long startedAt = System.nanoTime();
        LocalServer again = startOnce(server, samePorts());
        if (again.port() != previous.port()) {
            again.close();
            throw new LocalStackException(previous.name() + " cannot start again on port " + previous.port()
                    + ": it was taken while the server was down");
        }
        servers.set(index, again);
        LOG.info("{} started again on port {} in {} s", again.name(), again.port(), seconds(startedAt));
    }

    private int indexOf(Server server) {
        String name = server.name().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("this stack does not run " + name);
    }

    /** These settings with every server's preferred ports set to the ones it runs on. */
    private StackSettings samePorts() {
        Optional<KafkaServer> kafka = find(servers, KafkaServer.class);
        return new StackSettings(workDir, settings.servers(), settings.elasticsearchHeap(),
                portOf(ElasticsearchServer.class), portOf(PostgresServer.class), portOf(KafkaServer.class),
                kafka.map(KafkaServer::controllerPort).orElse(0), portOf(S3Server.class), settings.startTimeout());
    }

    private int portOf(Class<? extends LocalServer> type) {
        return find(servers, type).map(LocalServer::port).orElse(0);
    }

    public Path workDir() {
        return workDir;
    }

    /** Stops every server (last started first), removes {@code stack.json}, releases the lock. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting, and this is probably the hook itself
        }
        try {
            RunningStack.withdraw(workDir);
        } catch (RuntimeException e) {
            LOG.warn("cannot remove the stack advertisement in {}", workDir, e);
        }
        stopAll(servers());
        lock.close();
    }

    private static List<LocalServer> startAll(StackSettings settings) {
        List<Server> wanted = List.copyOf(settings.servers());
        ExecutorService pool = Executors.newFixedThreadPool(wanted.size(), task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<LocalServer>> futures = wanted.stream()
                .map(server -> pool.submit(() -> startTimed(server, settings)))
                .toList();
        pool.shutdown();
        List<LocalServer> started = new ArrayList<>();
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<LocalServer> future : futures) {
            while (true) {
                try {
                    started.add(future.get());
                    break;
                } catch (InterruptedException e) {
                    // cancel the other starts, but still wait for each so that none is left running
                    interrupted = true;
                    pool.shutdownNow();
                } catch (ExecutionException e) {
                    failure = addTo(failure, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            failure = addTo(failure, new LocalStackException("interrupted while starting the stack"));
        }
        if (failure != null) {
            stopAll(started);
            throw failure;
        }
        return started;
    }

    /** Attempts at starting one server whose port keeps being taken before it binds. */
    static final int PORT_ATTEMPTS = 3;

    private static LocalServer startTimed(Server server, StackSettings settings) {
        Thread.currentThread().setName("start-" + server.name().toLowerCase());
        long startedAt = System.nanoTime();
        LocalServer running = null;
        for (int attempt = 1; running == null; attempt++) {
            try {
                running = startOnce(server, settings);
            } catch (LocalStackException e) {
                if (attempt == PORT_ATTEMPTS || !e.portTaken()) {
                    throw e;
                }
                LOG.info("{}: its port was taken before it could bind; trying another", server.name().toLowerCase());
                settings = settings.withAnyFreePort(server);
            }
        }
        LOG.info("{} started on port {} in {} s (log: {})", running.name(), running.port(), seconds(startedAt),
                running.logFile());
        return running;
    }

    private static LocalServer startOnce(Server server, StackSettings settings) {
        return switch (server) {
            case ELASTICSEARCH -> ElasticsearchServer.start(settings);
            case POSTGRES -> PostgresServer.start(settings);
            case KAFKA -> KafkaServer.start(settings);
            case S3 -> S3Server.start(settings);
        };
    }

    private static RuntimeException addTo(RuntimeException failure, Throwable another) {
        RuntimeException failed = another instanceof RuntimeException runtime
                ? runtime : new LocalStackException(String.valueOf(another), another);
        if (failure == null) {
            return failed;
        }
        failure.addSuppressed(failed);
        return failure;
    }

    private static void stopAll(List<LocalServer> servers) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            LocalServer server = servers.get(i);
            long stoppingAt = System.nanoTime();
            try {
                server.close();
                LOG.info("{} stopped in {} s", server.name(), seconds(stoppingAt));
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly", server.name(), e);
            }
        }
    }

    private static StackEndpoints endpointsOf(List<LocalServer> servers) {
        Optional<ElasticsearchServer> elasticsearch = find(servers, ElasticsearchServer.class);
        Optional<PostgresServer> postgres = find(servers, PostgresServer.class);
        Optional<S3Server> s3 = find(servers, S3Server.class);
        Optional<KafkaServer> kafka = find(servers, KafkaServer.class);
        return new StackEndpoints(
                elasticsearch.map(ElasticsearchServer::url).orElse(null),
                postgres.map(PostgresServer::jdbcUrl).orElse(null),
                postgres.map(PostgresServer::user).orElse(null),
                postgres.map(PostgresServer::password).orElse(null),
                s3.map(S3Server::endpoint).orElse(null),
                s3.map(S3Server::accessKey).orElse(null),
                s3.map(S3Server::secretKey).orElse(null),
                kafka.map(KafkaServer::bootstrapServers).orElse(null));
    }

    private static <T> Optional<T> find(List<LocalServer> servers, Class<T> type) {
        return servers.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }
}
