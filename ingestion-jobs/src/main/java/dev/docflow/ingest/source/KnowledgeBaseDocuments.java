package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.StoredObject;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.model.DocumentRef;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lists a knowledge base's documents in the object store and records each as {@code processing},
 * so that every document the bulk job will see has a row whose status the job then settles. The
 * knowledge base's reserved versions folder (uploads through the API, ingested by the streaming
 * job) is left out.
 */
public final class KnowledgeBaseDocuments {
    private final ObjectStore store;
    private final Database database;

    public KnowledgeBaseDocuments(ObjectStore store, Database database) {
        this.store = store;
        this.database = database;
    }

    public List<DocumentRef> listForIngestion(String tenant, String knowledgeBaseName) {
        KnowledgeBase knowledgeBase = database.knowledgeBases().ensure(tenant, knowledgeBaseName);
        String prefix = ObjectStore.prefixOf(tenant, knowledgeBaseName);
        List<DocumentRef> refs = new ArrayList<>();
        for (StoredObject object : store.list(prefix)) {
            String path = object.key().substring(prefix.length());
            if (ObjectStore.isVersionPath(path)) {
                continue; // versions uploaded through the API: the streaming job ingests those
            }
            String documentId = database.documents().idOf(knowledgeBase, path).toString();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            OffsetDateTime uploadedAt = database.documents().markProcessing(UUID.fromString(documentId),
                    knowledgeBase.id(), object.key(), fileName, object.size(), object.etag());
            refs.add(new DocumentRef(documentId, tenant, knowledgeBaseName,
                    knowledgeBase.id().toString(), object.key(), fileName, object.size(),
                    uploadedAt.toInstant().toEpochMilli()));
        }
        return refs;
    }
}
