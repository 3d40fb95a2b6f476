package dev.docflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.IngestConfig;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import dev.docflow.localstack.FlinkSessionCluster;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One bulk run of the job jar on a session cluster, timed and audited, with a TaskManager killed
 * by SIGKILL mid-run when asked: once the job has completed a checkpoint and indexed a document.
 */
final class ClusterRun {
    private static final Duration POLL = Duration.ofMillis(250);

    private final FlinkSessionCluster flink;
    private final RemoteFlinkCluster cluster;
    private final Path corpus;
    private final PrintStream out;

    ClusterRun(FlinkSessionCluster flink, Path corpus, PrintStream out) {
        this.flink = flink;
        this.cluster = new RemoteFlinkCluster(flink.restAddress());
        this.corpus = corpus;
        this.out = out;
    }

    /**
     * @param recovered for a run with a kill: the job ended FINISHED after restarting; otherwise
     *     whether it ended FINISHED
     * @param killedAfterDocuments documents indexed when the TaskManager was killed; -1 without a kill
     * @param chunksByFile each file's chunk count, as its row records it
     * @param seconds the job's own duration as Flink reports it, submission to {@code FINISHED}
     *     (the upload of files and jar before it left out)
     */
    record Outcome(int documents, double seconds, IndexAudit audit, boolean recovered, int restarts,
            long killedAfterDocuments, Map<String, Integer> chunksByFile) {
        double chunksPerSecond() {
            return audit.chunks() / seconds;
        }

        Map<String, Double> figures() {
            Map<String, Double> figures = new java.util.LinkedHashMap<>();
            figures.put("documents", (double) documents);
            figures.put("chunks", (double) audit.chunks());
            figures.put("seconds", seconds);
            figures.put("chunks_per_s", chunksPerSecond());
            figures.put("restarts", (double) restarts);
            figures.put("lost", (double) audit.lost().size());
            figures.put("duplicated", (double) audit.duplicated().size());
            return figures;
        }
    }

    /**
     * Uploads the corpus into {@code knowledgeBase} and runs the bulk job jar over it at
     * {@code parallelism}; audits the result against the rows and, when given, against the chunks
     * per file of {@code reference}.
     */
    Outcome ingest(LocalDeployment stack, String knowledgeBase, int parallelism, boolean kill, Outcome reference)
            throws Exception {
        LocalDeployment deployment = stack.withIngestSettings(Map.of(IngestConfig.PARALLELISM, Integer.toString(parallelism)));
        String tenant = BenchIngestCommand.TENANT;
        out.printf("%n== %s: parallelism %d on %d TaskManager(s)%s%n", knowledgeBase, parallelism,
                flink.registeredTaskManagers().size(), kill ? ", one killed mid-run" : "");
        CompletableFuture<KnowledgeBaseIngestion.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new KnowledgeBaseIngestion(deployment, cluster, out).ingest(tenant, knowledgeBase, List.of(corpus));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        long killedAfter = kill ? killMidRun(deployment, tenant, knowledgeBase, run) : -1;
        KnowledgeBaseIngestion.Result result;
        try {
            result = run.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        String jobId = jobId(tenant, knowledgeBase).orElseThrow();
        boolean finished = cluster.jobState(jobId).equals("FINISHED");
        int restarts = cluster.restarts(jobId);
        double seconds = cluster.job(jobId).path("duration").asLong() / 1000.0;
        KnowledgeBase kb = deployment.database().knowledgeBases().find(tenant, knowledgeBase).orElseThrow();
        IndexAudit audit;
        try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
            index.refresh();
            Map<String, IndexAudit.Row> rows = KnowledgeBaseContents.rows(deployment.database(), kb);
            audit = IndexAudit.of(rows.keySet(), rows, KnowledgeBaseContents.chunkIds(index, tenant, knowledgeBase));
        }
        Map<String, Integer> chunks = chunksByFile(deployment, kb);
        if (reference != null) {
            audit = againstReference(audit, chunks, reference.chunksByFile());
        }
        boolean recovered = finished && (!kill || (killedAfter >= 0 && restarts > 0));
        return new Outcome(result.documents(), seconds, audit, recovered, restarts, killedAfter, chunks);
    }

    /**
     * Waits for a completed checkpoint and a document indexed, kills a TaskManager, starts another.
     *
     * @return documents indexed at the kill; -1 if the job ended first (too few files for a kill mid-run)
     */
    private long killMidRun(LocalDeployment deployment, String tenant, String knowledgeBase,
            CompletableFuture<?> run) throws InterruptedException {
        while (!run.isDone()) {
            Optional<String> job = jobId(tenant, knowledgeBase);
            long indexed = indexed(deployment, tenant, knowledgeBase);
            if (job.isPresent() && cluster.jobState(job.get()).equals("RUNNING")
                    && cluster.completedCheckpoints(job.get()) >= 1 && indexed >= 1) {
                String victim = flink.registeredTaskManagers().get(0);
                out.printf("Killing %s (SIGKILL) with %d document(s) indexed …%n", victim, indexed);
                flink.killTaskManager(victim);
                out.println("Started " + flink.startTaskManager());
                return indexed;
            }
            Thread.sleep(POLL.toMillis());
        }
        out.println("The job ended before a TaskManager could be killed: use more files (--replicate N)");
        return -1;
    }

    private static long indexed(LocalDeployment deployment, String tenant, String knowledgeBase) {
        return deployment.database().knowledgeBases().find(tenant, knowledgeBase)
                .map(kb -> deployment.database().documents().listByKnowledgeBase(kb.id()).stream()
                        .filter(row -> row.status() == DocumentStatus.INDEXED).count())
                .orElse(0L);
    }

    /** The newest job of the knowledge base's bulk run on the cluster. */
    private Optional<String> jobId(String tenant, String knowledgeBase) {
        String name = IngestionJobNames.bulk(tenant, knowledgeBase);
        String newest = null;
        long newestStart = Long.MIN_VALUE;
        for (JsonNode job : cluster.get("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(name) && job.path("start-time").asLong() > newestStart) {
                newest = job.path("jid").asText();
                newestStart = job.path("start-time").asLong();
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Map<String, Integer> chunksByFile(LocalDeployment deployment, KnowledgeBase kb) {
        Map<String, Integer> chunks = new TreeMap<>();
        for (DocumentRecord row : deployment.database().documents().listByKnowledgeBase(kb.id())) {
            chunks.put(row.fileName(), row.chunkCount() == null ? 0 : row.chunkCount());
        }
        return chunks;
    }

    /** Adds to the audit each file whose chunk count differs from the reference run's, or that either run lacks. */
    private static IndexAudit againstReference(IndexAudit audit, Map<String, Integer> chunks, Map<String, Integer> reference) {
        List<String> lost = new ArrayList<>(audit.lost());
        List<String> duplicated = new ArrayList<>(audit.duplicated());
        Map<String, Integer> all = new HashMap<>(reference);
        chunks.forEach(all::putIfAbsent);
        for (String file : new TreeMap<>(all).keySet()) {
            int expected = reference.getOrDefault(file, 0);
            int got = chunks.getOrDefault(file, 0);
            if (got < expected) {
                lost.add(file + ": " + got + " chunks, the reference run " + expected);
            } else if (got > expected) {
                duplicated.add(file + ": " + got + " chunks, the reference run " + expected);
            }
        }
        return new IndexAudit(audit.documents(), audit.chunks(), List.copyOf(lost), List.copyOf(duplicated));
    }
}
