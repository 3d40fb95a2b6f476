package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What {@code ./docflow status} prints for one knowledge base, from the service's replies: its
 * documents by status, its latest failures with their stage and reason, and the Flink jobs
 * ingesting it with their dashboard links.
 */
final class StatusReport {
    static final int FAILURES_SHOWN = 5;
    private static final List<String> STATUSES = List.of("uploaded", "processing", "indexed", "failed");

    private StatusReport() {}

    /**
     * @param summary {@code GET /api/knowledge-bases/{kb}}
     * @param failed {@code GET /api/knowledge-bases/{kb}/documents?status=failed}
     * @param jobs {@code GET /api/knowledge-bases/{kb}/jobs}
     */
    static List<String> lines(JsonNode summary, JsonNode failed, JsonNode jobs) {
        List<String> lines = new ArrayList<>();
        JsonNode byStatus = summary.path("documentsByStatus");
        List<String> counts = STATUSES.stream().map(status -> byStatus.path(status).asLong() + " " + status).toList();
        lines.add(summary.path("name").asText() + ": " + summary.path("documents").asLong() + " documents ("
                + String.join(", ", counts) + "), " + summary.path("chunks").asLong() + " chunks");
        List<JsonNode> failures = StreamSupport.stream(failed.path("documents").spliterator(), false)
                .sorted(Comparator.comparing((JsonNode doc) -> doc.path("updatedAt").asText()).reversed())
                .limit(FAILURES_SHOWN)
                .toList();
        if (!failures.isEmpty()) {
            lines.add("  latest failures:");
            for (JsonNode doc : failures) {
                JsonNode failure = doc.path("failure");
                lines.add("    " + doc.path("fileName").asText() + "  " + failure.path("stage").asText() + "/"
                        + failure.path("reason").asText() + "  " + failure.path("message").asText()
                        + "  (" + doc.path("updatedAt").asText() + ")");
            }
            long more = failed.path("total").asLong() - failures.size();
            if (more > 0) {
                lines.add("    … and " + more + " more (GET /api/knowledge-bases/{kb}/documents?status=failed)");
            }
        }
        if (!jobs.path("flinkReachable").asBoolean()) {
            lines.add("  jobs: Flink at " + jobs.path("dashboardUrl").asText() + " does not answer");
        } else if (jobs.path("jobs").isEmpty()) {
            lines.add("  jobs: none ingesting it now (dashboard " + jobs.path("dashboardUrl").asText() + ")");
        } else {
            for (JsonNode job : jobs.path("jobs")) {
                lines.add("  job: " + job.path("name").asText() + "  " + job.path("state").asText() + "  "
                        + job.path("dashboardUrl").asText());
            }
        }
        return lines;
    }
}
