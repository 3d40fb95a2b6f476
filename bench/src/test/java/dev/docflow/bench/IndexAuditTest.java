package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexAuditTest {
    private static final IndexAudit.Row TWO_CHUNKS = new IndexAudit.Row("indexed", 2);

    @Test
    void exactlyTheChunkIdsOfEachRowIsClean() {
        IndexAudit audit = IndexAudit.of(List.of("a", "b"), Map.of("a", TWO_CHUNKS, "b", new IndexAudit.Row("indexed", 1)),
                Map.of("a", List.of("a:1", "a:0"), "b", List.of("b:0")));

        assertThat(audit.documents()).isEqualTo(2);
        assertThat(audit.chunks()).isEqualTo(3);
        assertThat(audit.lost()).isEmpty();
        assertThat(audit.duplicated()).isEmpty();
    }

    @Test
    void aDocumentNotIndexedOrMissingAChunkIsLost() {
        IndexAudit audit = IndexAudit.of(List.of("a", "b", "c"),
                Map.of("a", TWO_CHUNKS, "b", new IndexAudit.Row("processing", null)),
                Map.of("a", List.of("a:0")));

        assertThat(audit.lost()).containsExactly("a:1: not in the index", "b: processing", "c: no row");
        assertThat(audit.duplicated()).isEmpty();
    }

    @Test
    void anIdTwiceAnIdBeyondTheCountOrADocumentNobodyUploadedIsDuplicated() {
        IndexAudit audit = IndexAudit.of(List.of("a"), Map.of("a", TWO_CHUNKS, "x", TWO_CHUNKS),
                Map.of("a", List.of("a:0", "a:1", "a:1", "a:2"), "y", List.of("y:0")));

        assertThat(audit.lost()).isEmpty();
        assertThat(audit.duplicated()).containsExactly("a:1: listed twice", "a:2: beyond chunk_count 2",
                "x: a row the client was never given", "y: chunks of a document the client was never given");
        assertThat(audit.documents()).isEqualTo(1);
    }
}
