package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatusReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsCountsTheNewestFailuresFirstAndTheJobsWithTheirLinks() throws Exception {
        JsonNode summary = JSON.readTree("{\"name\":\"handbook\",\"documents\":8,\"documentsByStatus\":"
                + "{\"uploaded\":1,\"processing\":0,\"indexed\":6,\"failed\":1},\"chunks\":120}");
        StringBuilder failed = new StringBuilder("{\"total\":7,\"documents\":[");
        for (int i = 1; i <= 7; i++) {
            failed.append(i > 1 ? "," : "").append("{\"fileName\":\"f").append(i).append(".pdf\",\"updatedAt\":\"2026-12-0")
                    .append(i).append("T10:00:00Z\",\"failure\":{\"stage\":\"parse\",\"reason\":\"encrypted\",")
                    .append("\"message\":\"the document is encrypted\"}}");
        }
        failed.append("]}");
        JsonNode jobs = JSON.readTree("{\"dashboardUrl\":\"http://f:8081\",\"flinkReachable\":true,\"jobs\":[{\"name\":"
                + "\"Bulk ingest acme/handbook\",\"state\":\"RUNNING\",\"dashboardUrl\":\"http://f:8081/#/job/running/ab/overview\"}]}");

        var lines = StatusReport.lines(summary, JSON.readTree(failed.toString()), jobs);

        assertThat(lines.get(0)).isEqualTo("handbook: 8 documents (1 uploaded, 0 processing, 6 indexed, 1 failed), 120 chunks");
        assertThat(lines.get(1)).isEqualTo("  latest failures:");
        assertThat(lines.get(2)).startsWith("    f7.pdf  parse/encrypted  the document is encrypted");
        assertThat(lines.subList(2, 2 + StatusReport.FAILURES_SHOWN)).noneMatch(line -> line.contains("f2.pdf"));
        assertThat(lines).contains("    … and 2 more (GET /api/knowledge-bases/{kb}/documents?status=failed)");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("  job: Bulk ingest acme/handbook  RUNNING  http://f:8081/#/job/running/ab/overview");
    }

    @Test
    void saysWhenNoJobRunsAndWhenFlinkDoesNotAnswer() throws Exception {
        JsonNode summary = JSON.readTree("{\"name\":\"kb\",\"documents\":0,\"documentsByStatus\":{},\"chunks\":0}");
        JsonNode none = JSON.readTree("{\"total\":0,\"documents\":[]}");
        assertThat(StatusReport.lines(summary, none,
                JSON.readTree("{\"dashboardUrl\":\"http://f\",\"flinkReachable\":true,\"jobs\":[]}")))
                .containsExactly("kb: 0 documents (0 uploaded, 0 processing, 0 indexed, 0 failed), 0 chunks",
                        "  jobs: none ingesting it now (dashboard http://f)");
        assertThat(StatusReport.lines(summary, none,
                JSON.readTree("{\"dashboardUrl\":\"http://f\",\"flinkReachable\":false,\"jobs\":[]}")))
                .endsWith("  jobs: Flink at http://f does not answer");
    }

    @Test
    void anAnswerListsItsCitationsWithFileAndPages() throws Exception {
        JsonNode reply = JSON.readTree("{\"answer\":\"Use read.xport [1].\",\"citations\":["
                + "{\"n\":1,\"fileName\":\"R-data.pdf\",\"page\":19,\"pageEnd\":20,\"snippet\":\"read.xport  reads\\n a file\"},"
                + "{\"n\":2,\"fileName\":\"notes.md\",\"snippet\":\"" + "x".repeat(300) + "\"}]}");
        var lines = CitedAnswerText.lines(reply);
        assertThat(lines.get(0)).isEqualTo("A: Use read.xport [1].");
        assertThat(lines.get(1)).isEqualTo("   [1] R-data.pdf, pages 19–20: \"read.xport reads a file\"");
        assertThat(lines.get(2)).startsWith("   [2] notes.md: \"xxx").endsWith("…\"").hasSize(18 + 160 + 1); // prefix, the cut passage, the closing quote
    }
}
