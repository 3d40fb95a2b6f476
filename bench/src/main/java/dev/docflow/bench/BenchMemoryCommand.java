package dev.docflow.bench;

import dev.docflow.bench.harness.BenchFigures;
import dev.docflow.bench.harness.BenchRecord;
import dev.docflow.bench.harness.HeapWatch;
import dev.docflow.bench.harness.MachineLoad;
import dev.docflow.bench.ingest.KnowledgeBaseReset;
import dev.docflow.bench.ingest.ReplicatedCorpus;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.IngestionProgress;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.postgres.KnowledgeBase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Memory over a bulk run: --documents documents (default 10,000: copies of DIR's files, default",
            "../shared/corpus/docs/flink-kubernetes-operator) ingested in one bulk job into knowledge base",
            "'bench-memory' (tenant 'bench', deleted first); every thousand documents done, the used heap after a",
            "full collection (what is retained, not garbage waiting). Ends with 'RESULT documents=… peak_heap_mb=…",
            "heap_growth_mb=… max_heap_mb=…' (growth: the last thousand's heap after collection minus the first's)."})
final class BenchMemoryCommand implements Callable<Integer> {
    static final String KNOWLEDGE_BASE = "bench-memory";

    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder whose files are copied.")
    Path folder;

    @Option(names = "--documents", paramLabel = "N", defaultValue = "10000", description = "Documents (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--every", paramLabel = "K", defaultValue = "1000",
            description = "Heap measured every K documents done (default ${DEFAULT-VALUE}).")
    int every;

    BenchMemoryCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path source = folder != null ? folder
                : config.home().resolveSibling("shared").resolve("corpus/docs/flink-kubernetes-operator");
        Path corpus = ReplicatedCorpus.ofDocuments(source, documents, config.workDir().resolve("bench/corpus-memory"));
        BenchFigures figures = new BenchFigures("memory", "Heap after collection, every " + every + " documents",
                Instant.now(), MachineLoad.now());
        figures.note("folder", source.toString());
        TreeMap<Long, Long> heapAt = new TreeMap<>();
        long peak;
        IngestionProgress.Snapshot done;
        try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out);
                HeapWatch heap = new HeapWatch()) {
            String tenant = BenchIngestCommand.TENANT;
            KnowledgeBaseReset.reset(deployment, tenant, KNOWLEDGE_BASE);
            KnowledgeBase kb = deployment.database().knowledgeBases().ensure(tenant, KNOWLEDGE_BASE);
            IngestionProgress progress = new IngestionProgress(deployment.database().documents(), kb.id(), KNOWLEDGE_BASE, documents);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleWithFixedDelay(() -> {
                long mark = progress.snapshot().done() / every * every;
                if (mark > 0 && !heapAt.containsKey(mark)) {
                    System.gc(); // what the run holds on to, not what is waiting to be collected
                    heapAt.put(mark, HeapWatch.usedHeapMb());
                }
            }, 1, 1, TimeUnit.SECONDS);
            try {
                done = new KnowledgeBaseIngestion(deployment, System.out).ingest(tenant, KNOWLEDGE_BASE, List.of(corpus)).progress();
            } finally {
                timer.shutdownNow();
                timer.awaitTermination(10, TimeUnit.SECONDS);
            }
            peak = heap.peakMb();
        }
        heapAt.forEach((mark, mb) -> figures.row(mark + " documents", Map.of("heap_after_gc_mb", (double) mb)));
        long first = heapAt.isEmpty() ? 0 : heapAt.values().iterator().next();
        long last = heapAt.isEmpty() ? 0 : heapAt.lastEntry().getValue();
        figures.chart("heap_after_gc_mb", "MB");
        figures.result("documents", done.done()).result("indexed", done.indexed()).result("failed", done.failed())
                .result("chunks", done.chunks()).result("seconds", done.seconds())
                .result("peak_heap_mb", peak).result("heap_growth_mb", last - first)
                .result("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        BenchRecord.publish(figures, config.workDir(), System.out);
        return 0;
    }
}
