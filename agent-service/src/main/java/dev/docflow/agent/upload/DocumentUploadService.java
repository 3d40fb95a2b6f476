package dev.docflow.agent.upload;

import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.connectors.contract.DocumentIds;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.postgres.KnowledgeBaseRepository;
import dev.docflow.connectors.postgres.UploadRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes uploaded files into a knowledge base: each is streamed to the object store (hashed on the
 * way), then recorded in PostgreSQL together with its upload event in one transaction; the
 * {@link OutboxPublisher} takes the event to Kafka. A file is kept under its name, so a new version
 * replaces the old one; the same bytes again are not processed again.
 */
public final class DocumentUploadService {
    /** One file of a request: its name, size and bytes (read once). */
    public record Incoming(String fileName, long size, String contentType, InputStream content) {}

    private final KnowledgeBaseRepository knowledgeBases;
    private final UploadRepository uploads;
    private final ObjectStore store;
    private final OutboxPublisher publisher;
    private final long maxFileBytes;

    public DocumentUploadService(KnowledgeBaseRepository knowledgeBases, UploadRepository uploads, ObjectStore store,
            OutboxPublisher publisher, long maxFileBytes) {
        this.knowledgeBases = knowledgeBases;
        this.uploads = uploads;
        this.store = store;
        this.publisher = publisher;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Stores every file, or none when one is over the size limit (checked before anything is
     * stored).
     */
    public List<UploadedDocument> upload(String tenant, String knowledgeBase, List<Incoming> files) {
        KnowledgeBase kb = knowledgeBases.find(tenant, knowledgeBase)
                .orElseThrow(() -> new KnowledgeBaseNotFoundException(knowledgeBase));
        for (Incoming file : files) {
            if (file.size() > maxFileBytes) {
                throw new UploadTooLargeException(file.fileName(), file.size(), maxFileBytes);
            }
        }
        return files.stream().map(file -> store(kb, file)).toList();
    }

    private UploadedDocument store(KnowledgeBase kb, Incoming file) {
        String name = FileNames.of(file.fileName());
        String id = DocumentIds.of(kb.tenantId(), kb.name(), name);
        String key = ObjectStore.keyOf(kb.tenantId(), kb.name(), name);
        String sha256 = put(key, file);
        Optional<DocumentRecord> same = uploads.findByHash(kb.id(), sha256);
        if (same.isPresent() && same.get().id().toString().equals(id)) {
            return new UploadedDocument(id, name, file.size(), sha256, "unchanged", null);
        }
        if (same.isPresent()) {
            store.remove(key);
            return new UploadedDocument(id, name, file.size(), sha256, "duplicate", same.get().id().toString());
        }
        UploadEvent event = new UploadEvent(id, kb.tenantId(), kb.name(), key, name, file.size());
        uploads.recordUpload(UUID.fromString(id), kb.id(), key, name, file.size(), sha256, event.toJson());
        publisher.wake();
        return new UploadedDocument(id, name, file.size(), sha256, "uploaded", null);
    }

    /** Streams the file to the store and returns the hex SHA-256 of what was stored. */
    private String put(String key, Incoming file) {
        MessageDigest sha256 = sha256();
        try (InputStream content = new DigestInputStream(file.content(), sha256)) {
            store.put(key, content, file.size(),
                    file.contentType() == null ? "application/octet-stream" : file.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload of " + file.fileName() + " failed", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
