package dev.docflow.agent.knowledgebase;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.postgres.KnowledgeBaseRepository;
import dev.docflow.connectors.postgres.StatusCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a tenant may know about its knowledge bases and their documents. Every lookup starts from
 * the tenant: a knowledge base or document of another tenant is reported as not found, never as
 * forbidden, so its existence does not leak.
 */
public final class KnowledgeBaseService {

    /** Names are part of object keys and index filters: letters, digits, dot, dash, underscore. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final KnowledgeBaseRepository knowledgeBases;
    private final DocumentRepository documents;
    private final ChunkIndex index;
    private final ObjectStore store;

    public KnowledgeBaseService(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, ChunkIndex index,
            ObjectStore store) {
        this.knowledgeBases = knowledgeBases;
        this.documents = documents;
        this.index = index;
        this.store = store;
    }

    public KnowledgeBaseSummary create(String tenant, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("invalid_name", "a knowledge base's name is 1 to 100 letters, digits,"
                    + " '.', '-' or '_', starting with a letter or digit; got '" + name + "'");
        }
        if (!knowledgeBases.create(tenant, name)) {
            throw new KnowledgeBaseExistsException(name);
        }
        return summary(tenant, name);
    }

    /**
     * Deletes the knowledge base: its documents are marked as being deleted (chat stops citing
     * them at once), then its chunks, its files and its rows go. A deletion cut short is finished by
     * deleting again.
     */
    public void delete(String tenant, String name) {
        KnowledgeBase kb = find(tenant, name);
        documents.markAllDeleting(kb.id());
        index.deleteChunks(tenant, name, null);
        store.removeAll(ObjectStore.prefixOf(tenant, name));
        knowledgeBases.delete(kb.id());
    }

    /**
     * Deletes one document: marked as being deleted (chat stops citing it at once), then its chunks,
     * every stored version of its file and its row.
     */
    public void deleteDocument(String tenant, String name, String documentId) {
        KnowledgeBase kb = find(tenant, name);
        DocumentRecord document = parseId(documentId)
                .flatMap(id -> documents.findIn(kb.id(), id))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        documents.markDeleting(document.id());
        index.deleteChunks(tenant, name, document.id().toString());
        store.remove(document.objectKey()); // a file the bulk job listed lives outside the versions folder
        store.removeAll(ObjectStore.versionsPrefixOf(tenant, name, document.id().toString()));
        documents.delete(document.id());
    }

    public List<KnowledgeBaseSummary> list(String tenant) {
        return knowledgeBases.listByTenant(tenant).stream().map(this::summaryOf).toList();
    }

    /** When each of the tenant's knowledge bases was created, by name in order. */
    public SortedMap<String, Instant> creationTimes(String tenant) {
        return new TreeMap<>(knowledgeBases.creationTimes(tenant));
    }

    public KnowledgeBaseSummary summary(String tenant, String name) {
        return summaryOf(find(tenant, name));
    }

    /** @param status null for all */
    public DocumentPage documents(String tenant, String name, DocumentStatus status, int limit, long offset) {
        KnowledgeBase kb = find(tenant, name);
        List<DocumentView> page = documents.page(kb.id(), status, limit, offset).stream().map(DocumentView::of).toList();
        return new DocumentPage(page, documents.count(kb.id(), status), limit, offset);
    }

    public DocumentView document(String tenant, String name, String documentId) {
        KnowledgeBase kb = find(tenant, name);
        return parseId(documentId)
                .flatMap(id -> documents.findIn(kb.id(), id))
                .map(DocumentView::of)
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    private KnowledgeBase find(String tenant, String name) {
        return knowledgeBases.find(tenant, name).orElseThrow(() -> new KnowledgeBaseNotFoundException(name));
    }

    private KnowledgeBaseSummary summaryOf(KnowledgeBase kb) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        DocumentStatus.SUMMARISED.forEach(status -> byStatus.put(status.code(), 0L));
        long total = 0;
        long chunks = 0;
        for (StatusCount count : documents.countByStatus(kb.id())) {
            byStatus.put(count.status().code(), count.documents());
            total += count.documents();
            chunks += count.status() == DocumentStatus.INDEXED ? count.chunks() : 0;
        }
        return new KnowledgeBaseSummary(kb.name(), total, byStatus, chunks);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
