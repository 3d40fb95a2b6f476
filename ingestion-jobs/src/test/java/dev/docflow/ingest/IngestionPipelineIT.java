package dev.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.testutils.CollectingIndex;
import dev.docflow.ingest.testutils.CollectingOutcomes;
import dev.docflow.ingest.testutils.FolderFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a MiniCluster with no server at all: files from a folder, chunks and
 * outcomes into collecting sinks ({@link IngestionConnectors} given, not built in), and Flink's
 * generic (Kryo) serialisation switched off, so every record between operators must have a Flink
 * serializer: unaligned checkpoints persist them.
 */
class IngestionPipelineIT {
    private static final IngestionSettings SETTINGS = new IngestionSettings(
            new ObjectStoreSettings("http://127.0.0.1:1", "unused", "unused", null), ElasticsearchSettings.of("http://127.0.0.1:2"),
            new DatabaseSettings("jdbc:postgresql://127.0.0.1:3/unused", "unused", "unused"),
            ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS.withoutOcr().withIsolation(ParseIsolation.IN_PROCESS),
            ChunkingSettings.DEFAULTS);

    @TempDir
    Path folder;

    @AfterEach
    void clear() {
        CollectingIndex.clear();
        CollectingOutcomes.clear();
    }

    @Test
    void everyDocumentEndsOnceIndexedWithItsChunksOrFailedAtItsStageForItsReason() throws Exception {
        DocumentRef guide = write("guide.md", "# Otters\n\nOtters hold hands while they sleep, so that they do not drift apart."
                + "\n\n## Food\n\nThey eat fish, crabs and sea urchins.\n");
        DocumentRef empty = write("empty.txt", "");
        DocumentRef broken = write("broken.pdf", "%PDF-1.7\nthis is no PDF at all\n");
        DocumentRef gone = ref("gone.md", 10);

        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        assertThat(env.getConfig().hasGenericTypesDisabled()).isTrue();
        IngestionPipeline.attach(env.fromData(List.of(guide, empty, broken, gone), TypeInformation.of(DocumentRef.class)),
                SETTINGS, new IngestionConnectors(new FolderFiles(folder.toString()), new CollectingIndex(), new CollectingOutcomes()));
        env.execute("Ingestion pipeline (MiniCluster, collecting sinks)");

        List<DocumentOutcome> outcomes = CollectingOutcomes.outcomes();
        assertThat(outcomes).extracting(DocumentOutcome::documentId)
                .as("one outcome per document: none lost, none twice")
                .containsExactlyInAnyOrder(guide.documentId(), empty.documentId(), broken.documentId(), gone.documentId());
        Map<String, DocumentOutcome> byId = outcomes.stream().collect(Collectors.toMap(DocumentOutcome::documentId, Function.identity()));

        List<EmbeddedChunk> chunks = CollectingIndex.chunks().get(guide.documentId());
        assertThat(byId.get(guide.documentId()).indexed()).isTrue();
        assertThat(byId.get(guide.documentId()).chunkCount()).isEqualTo(chunks.size()).isPositive();
        assertThat(chunks).extracting(chunk -> chunk.chunk().text()).anyMatch(text -> text.contains("hold hands while they sleep"));
        assertThat(chunks).extracting(chunk -> chunk.chunk().headingPath()).contains("Otters › Food");
        assertThat(chunks).allMatch(chunk -> chunk.vector().length == 384);
        assertFailed(byId.get(empty.documentId()), FailureReason.EMPTY);
        assertFailed(byId.get(broken.documentId()), FailureReason.CORRUPT);
        assertFailed(byId.get(gone.documentId()), FailureReason.FILE_MISSING);
        assertThat(CollectingIndex.chunks()).containsOnlyKeys(guide.documentId());
    }

    private static void assertFailed(DocumentOutcome outcome, FailureReason reason) {
        assertThat(outcome.indexed()).isFalse();
        assertThat(outcome.reason()).as(outcome.message()).isEqualTo(reason);
        assertThat(outcome.stage()).isEqualTo(Stage.PARSE);
        assertThat(outcome.message()).isNotBlank();
    }

    private DocumentRef write(String name, String content) throws Exception {
        Files.writeString(folder.resolve(name), content);
        return ref(name, Files.size(folder.resolve(name)));
    }

    private static DocumentRef ref(String name, long size) {
        return new DocumentRef(UUID.randomUUID().toString(), "tenant", "kb", UUID.randomUUID().toString(), name, name,
                size, DocumentRef.UPLOAD_TIME_UNKNOWN, null);
    }
}
