package dev.docflow.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.contract.KeywordBound;
import dev.docflow.connectors.elasticsearch.ChunkIndexMapping;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedChunk;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkDocumentsTest {
    @Test
    void everyKeywordValueIsCutToTheBound() {
        String huge = "ü".repeat(40_000);
        DocumentRef ref = new DocumentRef("6f1c4a52-0000-4000-8000-000000000001", "acme", "kb", "7a0e4f3c-0000-4000-8000-000000000002",
                "acme/kb/" + huge + ".zip", huge + ".zip", 80_000, 1L);
        Chunk chunk = new Chunk(0, "hello world", 0, 0, 0, 11, "Title", 2, "poison.zip › " + huge, null, 0, Chunk.NOT_OCR);
        EmbeddedChunk embedded = new EmbeddedChunk(ref, "text/plain; " + huge, chunk, new float[384], "model-" + huge);

        Map<String, Object> source;
        try (EnglishTextAnalyzer english = new EnglishTextAnalyzer()) {
            source = ChunkDocuments.toSource(embedded, english);
        }

        for (String keyword : ChunkIndexMapping.KEYWORD_FIELDS) {
            Object value = source.get(keyword);
            assertThat(value).as(keyword).isInstanceOf(String.class);
            assertThat(((String) value).getBytes(StandardCharsets.UTF_8).length).as(keyword)
                    .isLessThanOrEqualTo(KeywordBound.MAX_BYTES);
        }
        assertThat((String) source.get(ChunkFields.PART_PATH)).startsWith("poison.zip › üü").endsWith("…");
        assertThat(source.get(ChunkFields.DOCUMENT_ID)).isEqualTo(ref.documentId());
        assertThat(source.get(ChunkFields.KNOWLEDGE_BASE_ID)).isEqualTo(ref.knowledgeBaseId());
        assertThat(source.get(ChunkFields.TEXT)).as("text fields are not keywords: kept whole").isEqualTo("hello world");
    }

    @Test
    void theTitleIsTheDocumentsOwnElseItsFileNameAsWords() {
        DocumentRef ref = new DocumentRef("d", "acme", "kb", "kb-id", "acme/kb/runtime-config-autovacuum.html",
                "runtime-config-autovacuum.html", 10, 1L);
        Chunk chunk = new Chunk(0, "autovacuum", 0, 0, 0, 10, "", 2, "", null, 0, Chunk.NOT_OCR);

        try (EnglishTextAnalyzer english = new EnglishTextAnalyzer()) {
            assertThat(ChunkDocuments.toSource(new EmbeddedChunk(ref, "text/html", chunk, new float[384], "m"), english)
                    .get(ChunkFields.TITLE)).isEqualTo("runtime config autovacuum");
            assertThat(ChunkDocuments.toSource(new EmbeddedChunk(ref.withTitle("20.10. Automatic Vacuuming"), "text/html", chunk,
                    new float[384], "m"), english).get(ChunkFields.TITLE)).isEqualTo("20.10. Automatic Vacuuming");
        }
    }
}
