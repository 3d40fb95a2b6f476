package dev.docflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Elasticsearch from the {@code integ-test-zip} distribution, single node, security off, HTTP on
 * 127.0.0.1. The zip is unpacked once into {@code <workDir>/elasticsearch/dist-<version>/}; data in
 * {@code data/}, its own logs in {@code logs/}, console output in {@code elasticsearch.log}.
 *
 * <p>Elasticsearch refuses to run as root. When we are root (CI, these machines) it runs as the
 * system user {@value #RUN_AS_USER}, created when missing, which then owns the whole
 * {@code elasticsearch/} folder: every directory above the work folder, and above the JDK, must
 * therefore be traversable by others.
 */
final class ElasticsearchServer implements LocalServer {

    static final String NAME = "elasticsearch";
    static final String RUN_AS_USER = "docflow";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final ServerProcess process;
    private final int port;

    private ElasticsearchServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static ElasticsearchServer start(StackSettings settings) {
        Path folder = settings.workDir().resolve(NAME);
        Path log = folder.resolve(NAME + ".log");
        Path javaHome = Path.of(System.getProperty("java.home"));
        boolean root = isRoot();
        ServerProcess.stopLeftover(NAME, folder);
        try {
            Files.createDirectories(folder);
            if (root) {
                requireReachableByOthers(settings.workDir());
                requireReachableByOthers(javaHome);
                ensureUserExists(log);
            }
            Path dist = unpackOnce(Path.of(ServerProcess.serverResource("elasticsearch.zip.path")), folder);
            for (String dir : List.of("data", "logs", "tmp")) {
                Files.createDirectories(folder.resolve(dir));
            }
            if (root && ServerProcess.run(List.of("chown", "-R", RUN_AS_USER + ":", folder.toString()), log,
                    COMMAND_TIMEOUT) != 0) {
                throw LocalStackException.serverFailed(NAME, log, "cannot give " + folder + " to " + RUN_AS_USER, null);
            }
            int port = LocalServer.portOrFree(settings.elasticsearchPort());
            List<String> command = command(dist, folder, port, LocalServer.portOrFree(0), root);
            Map<String, String> environment = Map.of(
                    "ES_JAVA_HOME", javaHome.toString(),
                    "ES_JAVA_OPTS", "-Xms" + settings.elasticsearchHeap() + " -Xmx" + settings.elasticsearchHeap(),
                    // instead of a fresh /tmp/elasticsearch-* folder at every start
                    "ES_TMPDIR", folder.resolve("tmp").toString());
            // our own HTTP bind line first (another stack's Elasticsearch on the port would answer the
            // probe for us); then yellow, not just "answers": after a restart the indices must be readable
            String bound = "publish_address {127.0.0.1:" + port + "}";
            ServerProcess process = ServerProcess.start(NAME, command, environment, folder, settings.startTimeout(),
                    server -> server.logContains(bound)
                            && healthStatus(url(port), "?wait_for_status=yellow&timeout=1s") == 200);
            return new ElasticsearchServer(process, port);
        } catch (IOException e) {
            throw LocalStackException.serverFailed(NAME, log, "cannot prepare " + folder, e);
        }
    }

    /** The command line: {@code bin/elasticsearch -E …}, through {@code runuser} when {@code asRoot}. */
    static List<String> command(Path dist, Path folder, int httpPort, int transportPort, boolean asRoot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "false");
        // accepted by the test distribution (checked), and spares a full distribution its ML node
        settings.put("xpack.ml.enabled", "false");
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.host", "127.0.0.1");
        settings.put("transport.port", Integer.toString(transportPort));
        settings.put("path.data", folder.resolve("data").toString());
        settings.put("path.logs", folder.resolve("logs").toString());
        // a nearly full developer disk must not turn the indices read-only
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");

        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", RUN_AS_USER, "--"));
        }
        command.add(dist.resolve("bin").resolve("elasticsearch").toString());
        settings.forEach((key, value) -> command.addAll(List.of("-E", key + "=" + value)));
        return command;
    }

    /** Whether Elasticsearch at {@code baseUrl} answers its health API with 200. */
    static boolean answersHealth(String baseUrl) {
        return healthStatus(baseUrl, "") == 200;
    }

    /**
     * The status of {@code GET <baseUrl>/_cluster/health<query>}, or -1 when nothing answers.
     * ({@code GET /} answers 405 on the test distribution, so it cannot serve as a ping.)
     */
    static int healthStatus(String baseUrl, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/_cluster/health" + query))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Fails unless {@code path} and every directory above it let others through ({@code o+x}): the
     * unprivileged user could not reach the data or the JDK otherwise, and Elasticsearch would fail
     * later with a far less clear message.
     */
    static void requireReachableByOthers(Path path) throws IOException {
        for (Path dir = path.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new LocalStackException("Elasticsearch must run as the unprivileged user " + RUN_AS_USER
                        + ", which cannot reach " + path + ": " + dir + " is not traversable by others (mode "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) + "). Use a work folder"
                        + " (and JDK) under directories others may traverse, or run `chmod o+x " + dir + "`.");
            }
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void ensureUserExists(Path log) {
        List<String> lookup = List.of("id", "-u", RUN_AS_USER);
        if (ServerProcess.run(lookup, log, COMMAND_TIMEOUT) == 0) {
            return;
        }
        int code = ServerProcess.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                RUN_AS_USER), log, COMMAND_TIMEOUT);
        // a concurrent start may have created it in the meantime
        if (code != 0 && ServerProcess.run(lookup, log, COMMAND_TIMEOUT) != 0) {
            throw LocalStackException.serverFailed(NAME, log, "cannot create the user " + RUN_AS_USER
                    + " it must run as (useradd exit code " + code + ")", null);
        }
    }

    /**
     * Unpacks the distribution into {@code <folder>/dist-<version>/} unless already there. It goes to a
     * side folder first and is moved into place at the end, so an interrupted unpack is redone.
     */
    static Path unpackOnce(Path zip, Path folder) throws IOException {
        String version = zip.getFileName().toString().replaceFirst("^elasticsearch-", "").replaceFirst("\\.zip$", "");
        Path dist = folder.resolve("dist-" + version);
        if (Files.isDirectory(dist)) {
            return dist;
        }
        Path partial = folder.resolve("dist-" + version + ".partial");
        deleteTree(partial);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                // drop the top folder, elasticsearch-<version>/
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = partial.resolve(name).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("zip entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        // java.util.zip drops the executable bits
        try (Stream<Path> scripts = Files.list(partial.resolve("bin"))) {
            for (Path script : (Iterable<Path>) scripts::iterator) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.move(partial, dist, StandardCopyOption.ATOMIC_MOVE);
        return dist;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    String url() {
        return url(port);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }
}
