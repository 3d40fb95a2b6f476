package dev.docflow.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Flink 1.20 session cluster of separate JVMs on this machine: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), on the
 * class path of {@code docflow-server-flink} (Flink's runtime, dashboard and client, log4j; no
 * connector: jobs bring theirs in their jar), configured by a Flink configuration folder
 * ({@code flink-conf/}: {@code config.yaml}, {@code log4j.properties}). Memory flags are what
 * Flink's own scripts compute ({@code BashJavaUtils}); only ports and the folders under
 * {@code <workDir>/flink/} are set on the command line. Processes are stopped on {@link #close()}
 * and when this JVM exits.
 */
public final class FlinkSessionCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    static final String NAME = "flink";
    private static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String FLINK_UTILS_CLASS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration UTILS_TIMEOUT = Duration.ofMinutes(1);

    private final Path configDir;
    private final Path folder;
    private final Map<String, String> dynamic;
    private final Map<String, String> flatConfig;
    private final Duration startTimeout;
    private final ServerProcess jobManager;
    private final URI restAddress;
    private final List<ServerProcess> taskManagers = new ArrayList<>();
    private int taskManagersStarted;

    private FlinkSessionCluster(Path configDir, Path folder, Map<String, String> dynamic, Map<String, String> flatConfig,
            Duration startTimeout, ServerProcess jobManager, URI restAddress) {
        this.configDir = configDir;
        this.folder = folder;
        this.dynamic = dynamic;
        this.flatConfig = flatConfig;
        this.startTimeout = startTimeout;
        this.jobManager = jobManager;
        this.restAddress = restAddress;
    }

    /**
     * Starts the JobManager, then {@code taskManagers} TaskManagers, each ready once the JobManager
     * lists it.
     *
     * @param configDir the Flink configuration folder ({@code flink-conf/})
     * @param workDir its state goes to {@code <workDir>/flink/} (checkpoints, savepoints, uploaded jars, logs)
     * @param restPort the dashboard's port; 0 for a free one
     */
    public static FlinkSessionCluster start(Path configDir, Path workDir, int restPort, int taskManagers,
            Duration startTimeout) {
        Path folder = workDir.resolve(NAME).toAbsolutePath();
        ServerProcess.stopLeftover("jobmanager", folder);
        for (int i = 1; i <= 16; i++) {
            ServerProcess.stopLeftover("taskmanager-" + i, folder);
        }
        int port = LocalServer.portOrFree(restPort);
        int rpcPort = LocalServer.portOrFree(0);
        Map<String, String> dynamic = new LinkedHashMap<>();
        dynamic.put("rest.port", Integer.toString(port));
        dynamic.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        dynamic.put("state.checkpoints.dir", folder.resolve("checkpoints").toUri().toString());
        dynamic.put("state.savepoints.dir", folder.resolve("savepoints").toUri().toString());
        dynamic.put("web.upload.dir", folder.resolve("web-upload").toString());
        dynamic.put("io.tmp.dirs", folder.resolve("tmp").toString());
        try {
            for (String dir : List.of("checkpoints", "savepoints", "web-upload", "tmp")) {
                Files.createDirectories(folder.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
        Map<String, String> flat = flatConfiguration(configDir, folder);
        URI rest = URI.create("http://127.0.0.1:" + port);
        List<String> command = java(flat, "jobmanager", folder, resourceFlags("GET_JM_RESOURCE_PARAMS", configDir, dynamic, folder),
                JOB_MANAGER_CLASS, configDir, dynamic, "jobmanager");
        ServerProcess jobManager = ServerProcess.start("jobmanager", command, Map.of(), folder, startTimeout,
                server -> get(rest.resolve("/overview")) != null);
        FlinkSessionCluster cluster = new FlinkSessionCluster(configDir, folder, dynamic, flat, startTimeout, jobManager, rest);
        try {
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("Flink session cluster started rest={} taskManagers={} folder={}", rest, taskManagers, folder);
        return cluster;
    }

    /** The dashboard and REST API, {@code http://127.0.0.1:<port>}. */
    public URI restAddress() {
        return restAddress;
    }

    /** {@code <workDir>/flink/}: logs, checkpoints, savepoints. */
    public Path folder() {
        return folder;
    }

    /**
     * Starts one more TaskManager ({@code taskmanager-<n>}, its resource id and log name) and returns
     * once the JobManager lists it.
     */
    public synchronized String startTaskManager() {
        String id = "taskmanager-" + (++taskManagersStarted);
        Map<String, String> own = new LinkedHashMap<>(dynamic);
        own.put("taskmanager.resource-id", id);
        List<String> command = java(flatConfig, "taskmanager", folder,
                resourceFlags("GET_TM_RESOURCE_PARAMS", configDir, own, folder), TASK_MANAGER_CLASS, configDir, own, id);
        // Tesseract's OpenMP threads: what containerized.taskmanager.env sets on Kubernetes
        ServerProcess process = ServerProcess.start(id, command, Map.of("OMP_THREAD_LIMIT", "1"), folder, startTimeout,
                server -> registeredTaskManagers().contains(id));
        taskManagers.add(process);
        return id;
    }

    /** The resource ids of the TaskManagers the JobManager has registered now. */
    public List<String> registeredTaskManagers() {
        JsonNode list = get(restAddress.resolve("/taskmanagers"));
        List<String> ids = new ArrayList<>();
        if (list != null) {
            list.path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        }
        return ids;
    }

    /** The process id of the TaskManager {@code id} (as {@link #startTaskManager()} named it). */
    public synchronized long taskManagerPid(String id) {
        return taskManager(id).pid();
    }

    /**
     * {@code kill -9} of TaskManager {@code id}: no chance to deregister or to finish anything,
     * as when its machine dies. Returns once the process is gone.
     */
    public synchronized void killTaskManager(String id) {
        ServerProcess process = taskManager(id);
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        handle.destroyForcibly();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("TaskManager " + id + " (pid " + process.pid() + ") did not die", e);
        }
        process.close();
        taskManagers.remove(process);
    }

    private ServerProcess taskManager(String id) {
        return taskManagers.stream().filter(tm -> tm.logFile().getFileName().toString().equals(id + ".log"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no running TaskManager " + id));
    }

    @Override
    public synchronized void close() {
        for (ServerProcess tm : taskManagers) {
            tm.close();
        }
        taskManagers.clear();
        jobManager.close();
    }

    private static List<String> java(Map<String, String> flat, String role, Path folder, List<String> resourceFlags,
            String mainClass, Path configDir, Map<String, String> dynamic, String logName) {
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.JAVA);
        command.addAll(resourceFlags.subList(0, resourceFlags.indexOf("--")));
        command.addAll(options(flat.get("env.java.opts.all")));
        command.addAll(options(flat.get("env.java.opts." + role)));
        command.add("-Dlog.file=" + folder.resolve(logName + ".log"));
        command.add("-Dlog4j.configurationFile=" + configDir.resolve("log4j.properties").toUri());
        command.add("-Dlog4j2.formatMsgNoLookups=true");
        command.add("-cp");
        command.add(ServerProcess.serverResource("flink.classpath"));
        command.add(mainClass);
        command.add("--configDir");
        command.add(configDir.toString());
        dynamic.forEach((key, value) -> {
            command.add("-D");
            command.add(key + "=" + value);
        });
        // the memory sizes Flink derived, as its scripts pass them
        command.addAll(resourceFlags.subList(resourceFlags.indexOf("--") + 1, resourceFlags.size()));
        return command;
    }

    private static List<String> options(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }

    /** JVM flags, then {@code --}, then the dynamic properties BashJavaUtils derives for a role. */
    private static List<String> resourceFlags(String command, Path configDir, Map<String, String> dynamic, Path folder) {
        List<String> lines = utils(command, configDir, dynamic, folder);
        if (lines.size() < 2) {
            throw new LocalStackException("Flink's " + command + " gave " + lines + " (see " + folder.resolve("flink-utils.log") + ")");
        }
        List<String> flags = new ArrayList<>(options(lines.get(lines.size() - 2)));
        flags.add("--");
        flags.addAll(options(lines.get(lines.size() - 1)));
        return flags;
    }

    /** config.yaml flattened ({@code env.java.opts.all: …}), as Flink reads it. */
    private static Map<String, String> flatConfiguration(Path configDir, Path folder) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (String line : utils("UPDATE_AND_GET_FLINK_CONFIGURATION", configDir, Map.of(), folder, "--flatten")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                flat.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return flat;
    }

    private static List<String> utils(String command, Path configDir, Map<String, String> dynamic, Path folder,
            String... extra) {
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.JAVA, "-Xmx128m", "-cp",
                ServerProcess.serverResource("flink.classpath"), FLINK_UTILS_CLASS, command, "--configDir", configDir.toString()));
        dynamic.forEach((key, value) -> {
            cmd.add("-D");
            cmd.add(key + "=" + value);
        });
        cmd.addAll(List.of(extra));
        Path log = folder.resolve("flink-utils.log");
        Path output = folder.resolve("flink-utils.out");
        try {
            Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(UTILS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalStackException("Flink's " + command + " did not finish (see " + log + ")");
            }
            List<String> results = new ArrayList<>();
            for (String line : Files.readAllLines(output, UTF_8)) {
                if (line.startsWith(RESULT_PREFIX)) {
                    results.add(line.substring(RESULT_PREFIX.length()));
                }
            }
            if (process.exitValue() != 0) {
                throw new LocalStackException("Flink's " + command + " failed with configuration " + configDir
                        + " (exit " + process.exitValue() + "; see " + output + " and " + log + ")");
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Flink's " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while running Flink's " + command, e);
        }
    }

    /** The JSON at {@code uri}, or null if it does not answer 200 (yet). */
    private static JsonNode get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
}
