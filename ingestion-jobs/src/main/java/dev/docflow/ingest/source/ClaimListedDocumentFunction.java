package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.StoredObject;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** The bulk job's first step after its source: each listed object becomes a {@code processing} document. */
public final class ClaimListedDocumentFunction extends RichMapFunction<StoredObject, DocumentRef> {
    private final DatabaseSettings database;
    private transient Database db;
    private final String tenant;
    private final String knowledgeBase;
    private final UUID knowledgeBaseId;
    private final ListingPrefix listing;
    private final String ownBucket;
    private transient KnowledgeBaseDocuments documents;

    /** @param listing where the source lists; @param ownBucket Docflow's bucket */
    public ClaimListedDocumentFunction(DatabaseSettings database, KnowledgeBase knowledgeBase, ListingPrefix listing,
            String ownBucket) {
        this.database = database;
        this.tenant = knowledgeBase.tenantId();
        this.knowledgeBase = knowledgeBase.name();
        this.knowledgeBaseId = knowledgeBase.id();
        this.listing = listing;
        this.ownBucket = ownBucket;
    }

    @Override
    public void open(OpenContext openContext) {
        db = Database.forSubtask(database);
        documents = new KnowledgeBaseDocuments(db.documents(), tenant,
                new KnowledgeBase(knowledgeBaseId, tenant, knowledgeBase), listing, ownBucket);
    }

    @Override
    public DocumentRef map(StoredObject object) {
        return documents.claim(object);
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
