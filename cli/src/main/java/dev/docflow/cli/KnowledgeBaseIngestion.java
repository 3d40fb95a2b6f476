package dev.docflow.cli;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.BulkIngestJob;
import dev.docflow.ingest.IngestionSettings;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import dev.docflow.ingest.source.KnowledgeBaseSource;
import dev.docflow.ingest.upload.FolderUpload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Uploads local files into a knowledge base and runs the bulk job over it, printing a live
 * progress line, then the documents that failed and why.
 */
public final class KnowledgeBaseIngestion {
    private final LocalDeployment deployment;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;

    /** Null: the job runs on the deployment's own Flink; else on this cluster, from the job jar. */
    private final RemoteFlinkCluster remote;

    public KnowledgeBaseIngestion(LocalDeployment deployment, PrintStream out) {
        this(deployment, null, out);
    }

    public KnowledgeBaseIngestion(LocalDeployment deployment, RemoteFlinkCluster remote, PrintStream out) {
        this.deployment = deployment;
        this.remote = remote;
        this.out = out;
    }

    public record Result(int documents, IngestionProgress.Snapshot progress, List<DocumentRecord> failures) {}

    public Result ingest(String tenant, String knowledgeBase, List<Path> paths) throws Exception {
        IngestionSettings settings = deployment.ingestionSettings();
        ObjectStore store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        FolderUpload upload = new FolderUpload(store);
        int uploaded = 0;
        for (Path path : paths) {
            uploaded += upload.upload(tenant, knowledgeBase, path).size();
        }
        out.printf("Uploaded %d file(s) to knowledge base %s/%s%n", uploaded, tenant, knowledgeBase);

        Database database = deployment.database();
        KnowledgeBase kb = database.knowledgeBases().ensure(tenant, knowledgeBase);
        // counted a page at a time, as the job's source lists: a million files are never held here
        int total = (int) KnowledgeBaseSource.count(store, tenant, knowledgeBase);
        IngestionProgress progress = new IngestionProgress(database.documents(), kb.id(), knowledgeBase, total);

        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> {
            try {
                if (remote == null) {
                    return new BulkIngestJob(settings).run(deployment.flinkEnvironment(), tenant, knowledgeBase, total).documents();
                }
                // the job's main lists the knowledge base on the cluster: all of it is what it ingests
                new ClusterSubmission(remote, deployment.config().home())
                        .runBulkJob(deployment.ingestConfig(), tenant, knowledgeBase, out);
                return total;
            } catch (Exception e) {
                throw new IllegalStateException("The ingestion job failed: " + e.getMessage(), e);
            }
        });
        long period = terminal ? 1 : 5;
        while (true) {
            try {
                job.get(period, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                progress.print(out, terminal);
            } catch (ExecutionException e) {
                if (terminal) {
                    out.println();
                }
                throw (Exception) e.getCause();
            }
        }
        IngestionProgress.Snapshot done = progress.snapshot();
        out.print(terminal ? "\r" : "");
        out.println(progress.line(done));
        List<DocumentRecord> failures = database.documents().listByKnowledgeBase(kb.id()).stream()
                .filter(row -> row.status() == DocumentStatus.FAILED)
                .toList();
        if (!failures.isEmpty()) {
            out.printf("%d document(s) failed:%n", failures.size());
        }
        for (DocumentRecord failure : failures) {
            out.printf("  failed: %s (%s at %s): %s%n", failure.fileName(), failure.failureReason(),
                    failure.failureStage(), failure.failureMessage());
        }
        return new Result(job.get(), done, failures);
    }
}
