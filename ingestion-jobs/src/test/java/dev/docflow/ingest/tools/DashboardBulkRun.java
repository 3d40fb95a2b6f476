package dev.docflow.ingest.tools;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.ingest.BulkIngestJob;
import dev.docflow.ingest.IngestionSettings;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.ingest.testutils.StackIngestionSettings;
import dev.docflow.ingest.upload.FolderUpload;
import dev.docflow.localstack.testutils.SharedStack;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A bulk job to look at: uploads the folders given as arguments into a fresh knowledge base and
 * runs the bulk job over them on a local cluster whose dashboard stays up, printing
 * {@code DASHBOARD <url>} first; the cluster stops once the job has ended (or the JVM is stopped). Not a test: the
 * screenshot script {@code docs/screenshots/flink-dashboard.sh} runs it (test scope, for the tests'
 * shared stack).
 */
public final class DashboardBulkRun {
    private DashboardBulkRun() {}

    public static void main(String[] args) throws Exception {
        IngestionSettings settings = StackIngestionSettings.of(SharedStack.get());
        String tenant = "dashboard";
        String knowledgeBase = "shot-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectStore store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        for (String folder : args) {
            new FolderUpload(store).upload(tenant, knowledgeBase, Path.of(folder));
        }
        try (LocalFlinkCluster flink = LocalFlinkCluster.start("0", 2)) {
            System.out.println("DASHBOARD " + flink.restAddress());
            BulkIngestJob.Run run = new BulkIngestJob(settings).run(flink.environment(2), tenant, knowledgeBase);
            System.out.println("DONE documents=" + run.documents());
        }
        System.exit(0); // Flink and the stack leave non-daemon threads; the stack stops itself at exit
    }
}
