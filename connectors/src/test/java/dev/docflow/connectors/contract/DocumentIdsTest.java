package dev.docflow.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {
    private static final UUID KB = UUID.fromString("3f2c9e4a-0000-4000-8000-000000000001");

    @Test
    void theSamePathOfTheSameKnowledgeBaseIsTheSameDocument() {
        assertThat(DocumentIds.of("acme", KB, "notes.md")).isEqualTo(DocumentIds.of("acme", KB, "notes.md"));
    }

    @Test
    void aKnowledgeBaseCreatedAgainUnderTheSameNameGetsOtherDocumentIds() {
        UUID renewed = UUID.fromString("3f2c9e4a-0000-4000-8000-000000000002");

        assertThat(DocumentIds.of("acme", renewed, "notes.md")).isNotEqualTo(DocumentIds.of("acme", KB, "notes.md"));
    }

    @Test
    void idsByKnowledgeBaseIdNeverMeetTheIdsDocumentsHadByName() {
        assertThat(DocumentIds.of("acme", KB, "notes.md"))
                .isNotEqualTo(DocumentIds.beforeKnowledgeBaseIds("acme", KB.toString(), "notes.md"))
                .isNotEqualTo(DocumentIds.beforeKnowledgeBaseIds("acme", "handbook", "notes.md"));
        assertThat(DocumentIds.beforeKnowledgeBaseIds("acme", "handbook", "notes.md"))
                .as("the old derivation, unchanged: rows recorded with it are found again")
                .isEqualTo(UUID.nameUUIDFromBytes("acme\u0000handbook\u0000notes.md".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }
}
