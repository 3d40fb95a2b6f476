package dev.docflow.ingest.stream;

import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.ingest.model.DocumentRef;

/** Upload events as the pipeline's documents, and back (for publishers on the job's side). */
public final class UploadEvents {
    private UploadEvents() {}

    /** The upload time is not in the event: {@link MarkProcessingFunction} reads it from the document's row. */
    public static DocumentRef toDocumentRef(UploadEvent event) {
        return new DocumentRef(event.documentId(), event.tenant(), event.knowledgeBase(), event.knowledgeBaseId(),
                event.objectKey(),
                event.fileName(), event.sizeBytes(), DocumentRef.UPLOAD_TIME_UNKNOWN);
    }

    public static UploadEvent of(DocumentRef ref) {
        return new UploadEvent(ref.documentId(), ref.tenant(), ref.knowledgeBase(), ref.knowledgeBaseId(), ref.objectKey(), ref.fileName(),
                ref.sizeBytes());
    }
}
