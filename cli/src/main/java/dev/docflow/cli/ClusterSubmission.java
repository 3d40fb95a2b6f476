package dev.docflow.cli;

import dev.docflow.ingest.BulkIngestJob;
import dev.docflow.ingest.IngestConfig;
import dev.docflow.ingest.StreamingIngestJob;
import dev.docflow.ingest.runtime.JobJar;
import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs on a Flink cluster of their own, from the job jar over the cluster's REST API: the same
 * entry points ({@link BulkIngestJob#main}, {@link StreamingIngestJob#main}) and the same
 * configuration the launcher runs locally, its connections passed as {@code --key value} arguments.
 */
final class ClusterSubmission {
    private static final Duration POLL = Duration.ofSeconds(2);
    private final RemoteFlinkCluster cluster;
    private final Path home;

    ClusterSubmission(RemoteFlinkCluster cluster, Path home) {
        this.cluster = cluster;
        this.home = home;
    }

    /**
     * Uploads the job jar and starts the streaming job ({@link StreamingIngestJob#main}), which
     * runs until cancelled.
     *
     * @return the job's id
     */
    String startStreamingJob(IngestConfig config, PrintStream out) {
        Path jar = JobJar.locate(home.resolve("ingestion-jobs/target"));
        out.println("Uploading " + jar.getFileName() + " to " + cluster.restAddress() + " …");
        String jobId = cluster.run(cluster.uploadJar(jar), StreamingIngestJob.class.getName(), config.connectionArguments());
        out.println("Streaming job " + jobId + " (" + cluster.restAddress() + "/#/job/running/" + jobId + "/overview)");
        return jobId;
    }

    /**
     * Uploads the job jar, runs the bulk job and waits for it to end.
     *
     * @return the job's id
     * @throws IllegalStateException if the job ends other than {@code FINISHED}
     */
    String runBulkJob(IngestConfig config, String tenant, String knowledgeBase, PrintStream out) throws InterruptedException {
        Path jar = JobJar.locate(home.resolve("ingestion-jobs/target"));
        out.println("Uploading " + jar.getFileName() + " to " + cluster.restAddress() + " …");
        String jarId = cluster.uploadJar(jar);
        List<String> args = new ArrayList<>(config.connectionArguments());
        args.addAll(List.of("--" + IngestConfig.TENANT, tenant, "--" + IngestConfig.KNOWLEDGE_BASE, knowledgeBase));
        String jobId = cluster.run(jarId, BulkIngestJob.class.getName(), args);
        out.println("Submitted job " + jobId + " (" + cluster.restAddress() + "/#/job/running/" + jobId + "/overview)");
        String state = cluster.jobState(jobId);
        while (!RemoteFlinkCluster.TERMINAL_STATES.contains(state)) {
            Thread.sleep(POLL.toMillis());
            state = cluster.jobState(jobId);
        }
        if (!state.equals("FINISHED")) {
            throw new IllegalStateException("job " + jobId + " ended " + state + " (see " + cluster.restAddress()
                    + "/#/job/completed/" + jobId + "/exceptions)");
        }
        return jobId;
    }
}
