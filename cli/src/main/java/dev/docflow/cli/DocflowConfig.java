package dev.docflow.cli;

import dev.docflow.agent.AgentConfig;
import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.ingest.IngestConfig;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's configuration, read once at start (see {@link ConfigSource}): defaults, then
 * {@code docflow.properties} in the Docflow home (or the file named by {@code DOCFLOW_CONFIG}),
 * then {@code DOCFLOW_*} environment variables. The agent service it runs reads its own settings
 * ({@code retrieval.*}, {@code answer.*}) from the same file.
 *
 * @param home the checkout (where {@code samples/} and the default work folder are)
 * @param workDir {@code work.dir}: where every server keeps its data and logs
 * @param flinkRestPorts {@code flink.rest.ports}: the Flink dashboard's port, or a range to take the
 *     first free port of
 * @param elasticsearchHeap {@code elasticsearch.heap}: heap of the embedded Elasticsearch
 * @param source the file and environment read: the jobs' {@link IngestConfig} is read from them
 *     again with the stack's addresses as arguments ({@link LocalDeployment#ingestConfig()})
 * @param ingest the jobs' settings as the file and environment give them ({@code ingest.parallelism},
 *     {@code parse.*}, {@code ocr.*}, {@code tables.*}, {@code kafka.uploads-topic}, …), checked at start
 * @param agent the agent service's settings ({@code http.port}, {@code retrieval.*}, …) from the same
 *     sources; the CLI points it at the stack
 * @param service {@code service.url}, {@code service.api-key}: the running service that {@code status},
 *     {@code kb} and {@code chat} talk to
 */
public record DocflowConfig(
        Path home,
        Path configFile,
        Path workDir,
        String flinkRestPorts,
        String elasticsearchHeap,
        ConfigSource source,
        IngestConfig ingest,
        AgentConfig agent,
        ServiceAccess service) {

    public static final String DEMO_TENANT = "demo";
    public static final String DEMO_KNOWLEDGE_BASE = "demo";

    /** {@code ingest.parallelism}: parallelism of ingestion jobs. */
    public int parallelism() {
        return ingest.parallelism();
    }

    /** {@code parse.*}: per-document limits of the parse stage (see {@link ParseLimits#from}). */
    public ParseLimits parseLimits() {
        return ingest.ingestion().parseLimits();
    }

    /** {@code ocr.*}, {@code tables.*}: what the parse stage does beyond reading text. */
    public ExtractionSettings extraction() {
        return ingest.ingestion().extraction();
    }

    public Path samplesDir() {
        return home.resolve("samples");
    }

    /** The same settings over another work folder (a bench's own stack beside the one of {@code up}). */
    public DocflowConfig withWorkDir(Path folder) {
        return new DocflowConfig(home, configFile, folder.toAbsolutePath().normalize(), flinkRestPorts,
                elasticsearchHeap, source, ingest, agent, service);
    }

    /** The same, with {@code settings} over the file's and the environment's for the jobs (a bench's variants). */
    public DocflowConfig withIngestSettings(Map<String, String> settings) {
        ConfigSource over = source.withArguments(settings);
        return new DocflowConfig(home, configFile, workDir, flinkRestPorts, elasticsearchHeap, over,
                IngestConfig.from(over), agent, service);
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public static DocflowConfig load(Path home, Map<String, String> env) {
        Path configFile = env.containsKey("DOCFLOW_CONFIG")
                ? Path.of(env.get("DOCFLOW_CONFIG"))
                : home.resolve("docflow.properties");
        if (env.containsKey("DOCFLOW_CONFIG") && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("DOCFLOW_CONFIG names " + configFile + ", which does not exist");
        }
        ConfigSource source = ConfigSource.of(configFile, env);
        AgentConfig agent = AgentConfig.load(configFile, env);
        return new DocflowConfig(
                home,
                configFile,
                home.resolve(source.text("work.dir", ".docflow")).toAbsolutePath().normalize(),
                source.text("flink.rest.ports", "8081-8099"),
                source.text("elasticsearch.heap", "512m"),
                source,
                IngestConfig.from(source),
                agent,
                ServiceAccess.from(source, agent.httpPort()));
    }
}
