package dev.docflow.bench;

import dev.docflow.bench.harness.BenchFigures;
import dev.docflow.bench.harness.BenchRecord;
import dev.docflow.bench.harness.HeapWatch;
import dev.docflow.bench.harness.MachineLoad;
import dev.docflow.bench.harness.Throughput;
import dev.docflow.bench.ingest.EmbeddingLimit;
import dev.docflow.bench.ingest.IndexedChunkTexts;
import dev.docflow.bench.ingest.KnowledgeBaseReset;
import dev.docflow.bench.ingest.PlainPipeline;
import dev.docflow.bench.ingest.ReplicatedCorpus;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.IngestionProgress;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.embed.SharedEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingestion speed side by side, in one run, on one folder (default ../shared/corpus/manuals/r,",
            "the six R manuals): Docflow from submit to every document indexed (knowledge base 'bench-ingest',",
            "tenant 'bench', deleted first); the embedding limit (the same model alone embedding exactly the",
            "chunk texts Docflow indexed, read back from the index); the plain pipeline (Tika defaults,",
            "DocumentSplitters.recursive(1000, 200), the same model, EmbeddingStoreIngestor into an in-memory",
            "store, one document after another); and Docflow again with OCR and tables off ('bench-ingest-text').",
            "ratio_to_limit is Docflow's chunks/s over the limit's; ratio_to_plain the plain pipeline's time over",
            "Docflow's (same documents). Ends with 'RESULT docs_per_s=… chunks_per_s=… ratio_to_limit=…",
            "ratio_to_plain=… peak_heap_mb=… text_…' (text_: OCR and tables off)."})
final class BenchIngestCommand implements Callable<Integer> {
    static final String TENANT = "bench";
    static final String KNOWLEDGE_BASE = "bench-ingest";
    static final String TEXT_KNOWLEDGE_BASE = "bench-ingest-text";

    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to ingest.")
    Path folder;

    @Option(names = "--replicate", paramLabel = "N", defaultValue = "1",
            description = "Ingest N copies of the folder (each file a document of its own; default ${DEFAULT-VALUE}).")
    int replicate;

    @Option(names = "--skip-text-only", description = "Leave out the second Docflow pass, OCR and tables off.")
    boolean skipTextOnly;

    BenchIngestCommand(DocflowConfig config) {
        this.config = config;
    }

    /** One Docflow pass: documents, what became of them, and its time from submit to the last indexed. */
    record DocflowRun(long documents, long failed, long chunks, double seconds, long peakHeapMb) {
        Throughput chunksDone() {
            return new Throughput(chunks, seconds);
        }

        Throughput documentsDone() {
            return new Throughput(documents, seconds);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/manuals/r");
        Path corpus = ReplicatedCorpus.of(source, replicate, config.workDir().resolve("bench/corpus-ingest"));
        List<Path> files = ReplicatedCorpus.filesIn(corpus);
        BenchFigures figures = new BenchFigures("ingest", "Ingestion: " + files.size() + " documents of " + source.getFileName()
                + (replicate > 1 ? " × " + replicate : ""), Instant.now(), MachineLoad.now());
        figures.note("folder", source.toString()).note("replicate", String.valueOf(replicate))
                .note("parallelism", String.valueOf(config.parallelism()));
        try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out)) {
            // the instance the jobs in this JVM embed with: the limit and the plain pipeline use it too
            EmbeddingModel model = SharedEmbeddingModel.get();
            model.embed("warm-up");

            System.out.println("== Docflow, tables and OCR on");
            DocflowRun full = docflow(deployment, KNOWLEDGE_BASE, corpus);
            List<String> texts;
            KnowledgeBase kb = deployment.database().knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE);
            try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
                texts = IndexedChunkTexts.read(index, TENANT, KNOWLEDGE_BASE,
                        deployment.database().documents().listByKnowledgeBase(kb.id()));
            }
            System.out.printf(Locale.ROOT, "== The embedding limit: %d chunk texts read back from the index%n", texts.size());
            Throughput limit = EmbeddingLimit.measure(model, texts);
            System.out.printf(Locale.ROOT, "   %.1f s, %.1f chunks/s%n", limit.seconds(), limit.perSecond());

            System.out.println("== The plain pipeline (Tika, recursive(1000, 200), EmbeddingStoreIngestor, in memory)");
            PlainPipeline.Run plain;
            try (HeapWatch heap = new HeapWatch()) {
                plain = new PlainPipeline(model).run(files);
                figures.note("plain_peak_heap_mb", String.valueOf(heap.peakMb()));
            }
            System.out.printf(Locale.ROOT, "   %.1f s (parse %.1f s, split+embed+store %.1f s), %d segments%n",
                    plain.seconds(), plain.parseSeconds(), plain.embedSeconds(), plain.segments());
            Throughput plainDocuments = new Throughput(plain.documents(), plain.seconds());

            Map<String, Double> limitRow = new LinkedHashMap<>();
            limitRow.put("seconds", limit.seconds());
            limitRow.put("chunks", (double) texts.size());
            limitRow.put("chunks_per_s", limit.perSecond());
            figures.row("embedding limit", limitRow);
            Map<String, Double> plainRow = new LinkedHashMap<>();
            plainRow.put("seconds", plain.seconds());
            plainRow.put("chunks", (double) plain.segments());
            plainRow.put("chunks_per_s", new Throughput(plain.segments(), plain.seconds()).perSecond());
            plainRow.put("docs_per_s", plainDocuments.perSecond());
            plainRow.put("parse_s", plain.parseSeconds());
            plainRow.put("embed_s", plain.embedSeconds());
            figures.row("plain pipeline", plainRow);
            figures.row("Docflow, tables+OCR", docflowRow(full, limit, plainDocuments));
            figures.chart("chunks_per_s", "chunks/s");
            figures.result("documents", files.size())
                    .result("chunks", full.chunks())
                    .result("docs_per_s", full.documentsDone().perSecond())
                    .result("chunks_per_s", full.chunksDone().perSecond())
                    .result("ratio_to_limit", full.chunksDone().ratioTo(limit))
                    .result("ratio_to_plain", full.documentsDone().ratioTo(plainDocuments))
                    .result("peak_heap_mb", full.peakHeapMb());
            if (full.failed() > 0) {
                figures.result("failed", full.failed());
            }

            if (!skipTextOnly) {
                System.out.println("== Docflow, tables and OCR off");
                DocflowRun text = docflow(deployment.withIngestSettings(Map.of("ocr.enabled", "false", "tables.enabled", "false")),
                        TEXT_KNOWLEDGE_BASE, corpus);
                figures.row("Docflow, text only", docflowRow(text, limit, plainDocuments));
                figures.result("text_docs_per_s", text.documentsDone().perSecond())
                        .result("text_chunks_per_s", text.chunksDone().perSecond())
                        .result("text_ratio_to_limit", text.chunksDone().ratioTo(limit))
                        .result("text_ratio_to_plain", text.documentsDone().ratioTo(plainDocuments))
                        .result("text_peak_heap_mb", text.peakHeapMb());
            }
        }
        BenchRecord.publish(figures, config.workDir(), System.out);
        return 0;
    }

    private static Map<String, Double> docflowRow(DocflowRun run, Throughput limit, Throughput plainDocuments) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("seconds", run.seconds());
        row.put("chunks", (double) run.chunks());
        row.put("chunks_per_s", run.chunksDone().perSecond());
        row.put("docs_per_s", run.documentsDone().perSecond());
        row.put("ratio_to_limit", run.chunksDone().ratioTo(limit));
        row.put("ratio_to_plain", run.documentsDone().ratioTo(plainDocuments));
        row.put("peak_heap_mb", (double) run.peakHeapMb());
        return row;
    }

    private static DocflowRun docflow(LocalDeployment deployment, String knowledgeBase, Path corpus) throws Exception {
        KnowledgeBaseReset.reset(deployment, TENANT, knowledgeBase);
        try (HeapWatch heap = new HeapWatch()) {
            KnowledgeBaseIngestion.Result result = new KnowledgeBaseIngestion(deployment, System.out)
                    .ingest(TENANT, knowledgeBase, List.of(corpus));
            IngestionProgress.Snapshot p = result.progress();
            return new DocflowRun(result.documents(), p.failed(), p.chunks(), p.seconds(), heap.peakMb());
        }
    }
}
