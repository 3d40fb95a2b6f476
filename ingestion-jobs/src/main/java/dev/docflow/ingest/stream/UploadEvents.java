package dev.docflow.ingest.stream;

import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.ingest.model.DocumentRef;

/** Upload events as the pipeline's documents, and back (for publishers on the job's side). */
public final class UploadEvents {
    private UploadEvents() {}

    public static DocumentRef toDocumentRef(UploadEvent event) {
        return new DocumentRef(event.documentId(), event.tenant(), event.knowledgeBase(), event.objectKey(),
                event.fileName(), event.sizeBytes());
    }

    public static UploadEvent of(DocumentRef ref) {
        return new UploadEvent(ref.documentId(), ref.tenant(), ref.knowledgeBase(), ref.objectKey(), ref.fileName(),
                ref.sizeBytes());
    }
}
