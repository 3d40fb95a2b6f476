package dev.docflow.agent.ingestion;

import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Flink jobs are ingesting a tenant's knowledge base, for the console's link to them. A
 * cluster that does not answer is reported as such (the page still works), never as an error.
 */
public final class IngestionJobService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionJobService.class);

    private final KnowledgeBaseService knowledgeBases;
    private final FlinkRestClient flink;
    private final String dashboardUrl;

    public IngestionJobService(KnowledgeBaseService knowledgeBases, FlinkRestClient flink, String dashboardUrl) {
        this.knowledgeBases = knowledgeBases;
        this.flink = flink;
        this.dashboardUrl = dashboardUrl;
    }

    /** @throws dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException if the tenant has no such one */
    public IngestionJobsView jobsOf(String tenant, String knowledgeBase) {
        knowledgeBases.summary(tenant, knowledgeBase); // 404 for another tenant's or an unknown one
        try {
            return new IngestionJobsView(dashboardUrl, true,
                    IngestingJobs.of(flink.jobs(), tenant, knowledgeBase, dashboardUrl));
        } catch (FlinkUnreachableException e) {
            LOG.debug("flink jobs unavailable reason={}", e.getMessage());
            return new IngestionJobsView(dashboardUrl, false, List.of());
        }
    }
}
