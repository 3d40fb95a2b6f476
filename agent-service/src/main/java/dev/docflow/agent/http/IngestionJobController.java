package dev.docflow.agent.http;

import dev.docflow.agent.ingestion.IngestionJobService;
import io.javalin.http.Context;

/** {@code GET /api/knowledge-bases/{kb}/jobs}: the Flink jobs ingesting the caller's knowledge base. */
public final class IngestionJobController {
    private final IngestionJobService jobs;

    public IngestionJobController(IngestionJobService jobs) {
        this.jobs = jobs;
    }

    public void list(Context ctx) {
        ctx.json(jobs.jobsOf(TenantResolver.tenantOf(ctx), ctx.pathParam("kb")));
    }
}
