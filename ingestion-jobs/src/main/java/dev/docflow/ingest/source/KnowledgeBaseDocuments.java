package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.StoredObject;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records a listed object of a knowledge base as a {@code processing} document, so that every
 * document the bulk job sees has a row whose status the job then settles, and makes the reference
 * the pipeline carries. Recording it again (a restored job lists an object twice) only marks it
 * processing again, under the same id.
 */
public final class KnowledgeBaseDocuments {
    private final DocumentRepository documents;
    private final String tenant;
    private final KnowledgeBase knowledgeBase;
    private final ListingPrefix listing;
    private final String ownBucket;

    /**
     * @param listing where the objects were listed
     * @param ownBucket Docflow's bucket: objects listed elsewhere are recorded as {@code s3://bucket/key}
     */
    public KnowledgeBaseDocuments(DocumentRepository documents, String tenant, KnowledgeBase knowledgeBase,
            ListingPrefix listing, String ownBucket) {
        this.documents = documents;
        this.tenant = tenant;
        this.knowledgeBase = knowledgeBase;
        this.listing = listing;
        this.ownBucket = ownBucket;
    }

    public DocumentRef claim(StoredObject object) {
        String path = listing.pathOf(object.key());
        UUID documentId = documents.idOf(knowledgeBase, path);
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String key = listing.storedKey(object.key(), ownBucket);
        OffsetDateTime uploadedAt = documents.markProcessing(documentId, knowledgeBase.id(), key, fileName,
                object.size(), object.etag());
        return new DocumentRef(documentId.toString(), tenant, knowledgeBase.name(), knowledgeBase.id().toString(),
                key, fileName, object.size(), uploadedAt.toInstant().toEpochMilli());
    }
}
