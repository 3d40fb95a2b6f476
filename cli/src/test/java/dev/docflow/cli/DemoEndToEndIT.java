package dev.docflow.cli;

import dev.docflow.connectors.contract.DocumentStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user of {@code ./docflow demo} gets, on the real stack: the samples ingested through the
 * demo's own code, then questions over HTTP answered with citations of the right file and page.
 */
class DemoEndToEndIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SAMPLES =
            List.of("R-data.pdf", "NullHeader.docx", "tutorial-transactions.html", "docs__operations__health.md");

    private static LocalFlinkCluster flink;
    private static LocalDeployment deployment;
    private static int agentPort;
    private static KnowledgeBaseIngestion.Result firstRun;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    @BeforeAll
    static void ingestTheSamplesAndStartTheAgent() throws Exception {
        DocflowConfig config = DocflowConfig.load(HOME, Map.of());
        flink = LocalFlinkCluster.start("0", 4);
        deployment = LocalDeployment.over(config, SharedStack.get(), flink);
        agentPort = deployment.startAgent(0);
        firstRun = ingestSamples();
    }

    @AfterAll
    static void stop() throws Exception {
        deployment.close();
        flink.close();
    }

    @Test
    void everySampleIsIndexedWithAsManyChunksAsItsRowSays() {
        assertThat(firstRun.documents()).isEqualTo(SAMPLES.size());
        assertThat(firstRun.failures()).isEmpty();
        Map<String, DocumentRecord> rows = rows();
        try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
            for (String sample : SAMPLES) {
                DocumentRecord row = rows.get(sample);
                assertThat(row).as(sample).isNotNull();
                assertThat(row.status()).as(sample).isEqualTo(DocumentStatus.INDEXED);
                assertThat((long) row.chunkCount()).as(sample)
                        .isPositive()
                        .isEqualTo(index.countChunks("demo", "demo", row.id().toString()));
            }
        }
        assertThat(OUTPUT.toString()).contains("demo [####################] 4/4 documents (4 indexed, 0 failed)");
    }

    @Test
    void aQuestionAnsweredOnAKnownPageCitesThatFileAndPage() throws Exception {
        JsonNode reply = DemoCommand.ask(agentPort, deployment.demoKey(), DemoCommand.EXAMPLE_QUESTION);

        JsonNode citation = citationMarkedInAnswer(reply, "R-data.pdf");
        // pdftotext -f 19 -l 19 R-data.pdf: "Function read.xport reads a file in SAS Transport (XPORT) format"
        assertThat(citation.path("page").asInt()).isEqualTo(19);
        assertThat(citation.path("snippet").asText()).contains("read.xport");
        assertThat(reply.path("answer").asText()).contains("read.xport");
    }

    @Test
    void markdownAnswersCiteTheMarkdownFile() throws Exception {
        JsonNode reply = DemoCommand.ask(agentPort, deployment.demoKey(), "On which port does the operator's health endpoint listen?");

        JsonNode citation = citationMarkedInAnswer(reply, "docs__operations__health.md");
        assertThat(citation.has("page")).isFalse();
        // the port is in a YAML block: cited, though the sentence-based answer does not quote code
        assertThat(citation.path("snippet").asText()).contains("port: 8085");
    }

    @Test
    void ingestingTheSamplesAgainDuplicatesNothing() throws Exception {
        long before;
        try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
            before = index.countChunks("demo", "demo");
            KnowledgeBaseIngestion.Result again = ingestSamples();
            index.refresh();
            assertThat(again.progress().chunks()).isEqualTo(firstRun.progress().chunks());
            assertThat(index.countChunks("demo", "demo")).isEqualTo(before).isEqualTo(firstRun.progress().chunks());
        }
    }

    private static KnowledgeBaseIngestion.Result ingestSamples() throws Exception {
        return new KnowledgeBaseIngestion(deployment, new PrintStream(OUTPUT, true))
                .ingest("demo", "demo", List.of(HOME.resolve("samples")));
    }

    /** The citation of {@code fileName}, after checking that the answer's markers and the citations agree. */
    private static JsonNode citationMarkedInAnswer(JsonNode reply, String fileName) {
        List<Integer> markers = new ArrayList<>();
        Matcher marker = Pattern.compile("\\[(\\d+)]").matcher(reply.path("answer").asText());
        while (marker.find()) {
            markers.add(Integer.parseInt(marker.group(1)));
        }
        List<Integer> numbers = new ArrayList<>();
        reply.path("citations").forEach(c -> numbers.add(c.path("n").asInt()));
        assertThat(markers).as("answer: %s", reply).isNotEmpty();
        assertThat(numbers).containsAll(markers);
        for (JsonNode citation : reply.path("citations")) {
            if (citation.path("fileName").asText().equals(fileName) && markers.contains(citation.path("n").asInt())) {
                return citation;
            }
        }
        throw new AssertionError("no citation of " + fileName + " is marked in the answer: " + reply);
    }

    private static Map<String, DocumentRecord> rows() {
        Database database = deployment.database();
        KnowledgeBase kb = database.knowledgeBases().find("demo", "demo").orElseThrow();
        Map<String, DocumentRecord> rows = new java.util.HashMap<>();
        database.documents().listByKnowledgeBase(kb.id()).forEach(row -> rows.put(row.fileName(), row));
        return rows;
    }
}
