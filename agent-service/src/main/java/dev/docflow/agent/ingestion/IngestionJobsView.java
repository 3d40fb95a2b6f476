package dev.docflow.agent.ingestion;

import java.util.List;

/**
 * What {@code GET /api/knowledge-bases/{kb}/jobs} answers: the dashboard's address, whether Flink
 * answered, and the running jobs that ingest the knowledge base.
 */
public record IngestionJobsView(String dashboardUrl, boolean flinkReachable, List<IngestionJob> jobs) {}
