package dev.docflow.agent.ingestion;

import dev.docflow.connectors.contract.IngestionJobNames;
import java.util.List;

/**
 * Picks, from a cluster's jobs, the ones still working for a knowledge base: its own bulk load and
 * the streaming job (which ingests every tenant's uploads). Another tenant's bulk job is never
 * among them, so job names do not leak across tenants.
 */
public final class IngestingJobs {
    private IngestingJobs() {}

    public static List<IngestionJob> of(List<FlinkJobSummary> jobs, String tenant, String knowledgeBase,
            String dashboardUrl) {
        String bulkName = IngestionJobNames.bulk(tenant, knowledgeBase);
        return jobs.stream()
                .filter(job -> !job.ended())
                .filter(job -> job.name().equals(bulkName) || job.name().equals(IngestionJobNames.STREAMING))
                .map(job -> new IngestionJob(job.id(), job.name(),
                        job.name().equals(bulkName) ? IngestionJob.Kind.BULK : IngestionJob.Kind.STREAMING,
                        job.state(), job.startedAt(), jobPage(dashboardUrl, job.id())))
                .toList();
    }

    /** The dashboard's page of a running job (Flink 1.20's web UI routes). */
    static String jobPage(String dashboardUrl, String jobId) {
        String base = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        return base + "/#/job/running/" + jobId + "/overview";
    }
}
