package dev.docflow.connectors.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What is published on the uploads topic ({@code docflow.uploads}), keyed by document id, when a
 * document's bytes are in the object store and its row in PostgreSQL: enough for the streaming job
 * to fetch and ingest it. The knowledge base travels by name (shown, object keys) and by id (what
 * chunks are scoped by: names are reused when a knowledge base is deleted and created again).
 * The service writes it; the streaming job reads it.
 */
public record UploadEvent(
        String documentId,
        String tenant,
        String knowledgeBase,
        String knowledgeBaseId,
        String objectKey,
        String fileName,
        long sizeBytes) {

    /** The topic upload events are published on, unless configured otherwise. */
    public static final String TOPIC = "docflow.uploads";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public UploadEvent {
        for (String field : new String[] {documentId, tenant, knowledgeBase, knowledgeBaseId, objectKey, fileName}) {
            if (field == null || field.isBlank()) {
                // an event published before knowledgeBaseId existed lands here too: the job skips
                // it, and the service's StuckDocumentReconciler publishes it again, complete
                throw new IllegalArgumentException("an upload event needs documentId, tenant, knowledgeBase,"
                        + " knowledgeBaseId, objectKey and fileName");
            }
        }
        // ids are UUIDs (see DocumentIds); anything else is not ours
        java.util.UUID.fromString(documentId);
        java.util.UUID.fromString(knowledgeBaseId);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an upload event */
    public static UploadEvent fromJson(byte[] json) {
        try {
            return JSON.readValue(json, UploadEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an upload event: "
                    + new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8), e);
        }
    }
}
