package dev.docflow.bench;

import dev.docflow.bench.harness.BenchFigures;
import dev.docflow.bench.harness.BenchRecord;
import dev.docflow.bench.harness.MachineLoad;
import dev.docflow.bench.ingest.KnowledgeBaseReset;
import dev.docflow.bench.ingest.ReplicatedCorpus;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.localstack.FlinkSessionCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"The bulk job jar on a Flink session cluster of separate processes (flink-conf/config.yaml, one",
            "slot per TaskManager), three runs over the same files (default ../shared/corpus/manuals/r), each into a",
            "knowledge base of its own (tenant 'bench', deleted first): on 1 TaskManager (parallelism 1), on 2",
            "(parallelism 2), and on 2 with one of them killed by SIGKILL once a checkpoint is complete and a",
            "document indexed, and a new one started. Every run is audited: each document indexed with exactly",
            "the chunk ids its row implies, and as many chunks per file as the first run made. Uses the stack of",
            "a running 'up' when there is one. Ends with 'RESULT taskmanagers=2 documents=… lost=… duplicated=…",
            "recovered=… speedup_2_to_1=… chunks_per_s_1=… chunks_per_s_2=… per_slot_chunks_per_s_2=…'."})
final class BenchClusterCommand implements Callable<Integer> {
    static final String KNOWLEDGE_BASE_PREFIX = "bench-cluster-";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder of files to ingest.")
    Path folder;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "1",
            description = "Ingest N copies of the folder, each file a document of its own (default ${DEFAULT-VALUE}).")
    int replicate;

    BenchClusterCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/manuals/r");
        Path corpus = replicate > 1
                ? ReplicatedCorpus.of(source, replicate, config.workDir().resolve("bench/corpus-cluster-" + replicate))
                : source;
        BenchFigures figures = new BenchFigures("cluster", "Bulk job jar on a session cluster: chunks/s per run",
                Instant.now(), MachineLoad.now());
        figures.note("folder", corpus.toString());
        Map<String, ClusterRun.Outcome> runs = new LinkedHashMap<>();
        Path conf = config.home().resolve("flink-conf");
        System.out.println("Starting a Flink session cluster: 1 JobManager, 1 TaskManager (" + conf + ") …");
        try (FlinkSessionCluster flink = FlinkSessionCluster.start(conf, config.workDir().resolve("bench/cluster"), 0, 1,
                        START_TIMEOUT);
                LocalDeployment stack = LocalDeployment.attachOrStartStack(config, flink.restAddress(), System.out)) {
            ClusterRun run = new ClusterRun(flink, corpus, System.out);
            ClusterRun.Outcome reference = run.ingest(stack, reset(stack, "1"), 1, false, null);
            runs.put("1 TaskManager", reference);
            flink.startTaskManager();
            runs.put("2 TaskManagers", run.ingest(stack, reset(stack, "2"), 2, false, reference));
            runs.put("2, one killed", run.ingest(stack, reset(stack, "kill"), 2, true, reference));
        }
        runs.forEach((what, outcome) -> figures.row(what, outcome.figures()));
        figures.chart("chunks_per_s", "chunks/s");
        ClusterRun.Outcome one = runs.get("1 TaskManager");
        ClusterRun.Outcome two = runs.get("2 TaskManagers");
        ClusterRun.Outcome killed = runs.get("2, one killed");
        int lost = runs.values().stream().mapToInt(outcome -> outcome.audit().lost().size()).sum();
        int duplicated = runs.values().stream().mapToInt(outcome -> outcome.audit().duplicated().size()).sum();
        runs.forEach((what, outcome) -> {
            outcome.audit().lost().stream().limit(10).forEach(line -> System.out.println("  lost (" + what + "): " + line));
            outcome.audit().duplicated().stream().limit(10).forEach(line -> System.out.println("  duplicated (" + what + "): " + line));
        });
        figures.result("taskmanagers", 2).result("documents", one.documents()).result("chunks", one.audit().chunks())
                .result("lost", lost).result("duplicated", duplicated).result("recovered", killed.recovered())
                .result("restarts", killed.restarts())
                .result("speedup_2_to_1", one.seconds() / two.seconds())
                .result("chunks_per_s_1", one.chunksPerSecond()).result("chunks_per_s_2", two.chunksPerSecond())
                .result("per_slot_chunks_per_s_2", two.chunksPerSecond() / 2)
                .result("seconds_killed_run", killed.seconds());
        BenchRecord.publish(figures, config.workDir(), System.out);
        return lost == 0 && duplicated == 0 && killed.recovered() ? 0 : 1;
    }

    /** The run's knowledge base, deleted first. */
    private static String reset(LocalDeployment stack, String run) {
        String knowledgeBase = KNOWLEDGE_BASE_PREFIX + run;
        KnowledgeBaseReset.reset(stack, BenchIngestCommand.TENANT, knowledgeBase);
        return knowledgeBase;
    }
}
