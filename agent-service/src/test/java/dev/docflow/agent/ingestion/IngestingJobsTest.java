package dev.docflow.agent.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.connectors.contract.IngestionJobNames;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestingJobsTest {
    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void picksTheKnowledgeBasesBulkJobAndTheStreamingJobWhileTheyRun() {
        List<FlinkJobSummary> jobs = List.of(
                job("a", IngestionJobNames.bulk("acme", "handbook"), "RUNNING"),
                job("b", IngestionJobNames.bulk("acme", "handbook-2"), "RUNNING"),
                job("c", IngestionJobNames.bulk("other", "handbook"), "RUNNING"),
                job("d", IngestionJobNames.STREAMING, "RESTARTING"),
                job("e", IngestionJobNames.bulk("acme", "handbook"), "FINISHED"),
                job("f", "Some other team's job", "RUNNING"));

        List<IngestionJob> picked = IngestingJobs.of(jobs, "acme", "handbook", "http://flink.example:8081/");

        assertThat(picked).extracting(IngestionJob::id).containsExactly("a", "d");
        assertThat(picked).extracting(IngestionJob::kind).containsExactly(IngestionJob.Kind.BULK, IngestionJob.Kind.STREAMING);
        assertThat(picked.get(0).dashboardUrl()).isEqualTo("http://flink.example:8081/#/job/running/a/overview");
        assertThat(picked.get(1).state()).isEqualTo("RESTARTING");
    }

    @Test
    void endedJobsAreNotIngesting() {
        for (String state : List.of("FINISHED", "FAILED", "CANCELED")) {
            assertThat(IngestingJobs.of(List.of(job("a", IngestionJobNames.STREAMING, state)), "acme", "kb", "http://f"))
                    .as(state).isEmpty();
        }
    }

    @Test
    void readsFlinksJobOverview() throws Exception {
        String body = "{\"jobs\":[{\"jid\":\"5c2d\",\"name\":\"Bulk ingest acme/kb\",\"state\":\"RUNNING\","
                + "\"start-time\":1764583200000,\"end-time\":-1,\"duration\":5}]}";
        assertThat(FlinkRestClient.parse(new ObjectMapper().readTree(body)))
                .containsExactly(new FlinkJobSummary("5c2d", "Bulk ingest acme/kb", "RUNNING",
                        Instant.ofEpochMilli(1764583200000L)));
        assertThatThrownBy(() -> FlinkRestClient.parse(new ObjectMapper().readTree("{\"errors\":[\"nope\"]}")))
                .isInstanceOf(FlinkUnreachableException.class).hasMessageContaining("\"jobs\"");
    }

    private static FlinkJobSummary job(String id, String name, String state) {
        return new FlinkJobSummary(id, name, state, STARTED);
    }
}
