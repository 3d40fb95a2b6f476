package dev.docflow.agent.upload;

import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.DownloadHeaders;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.DocumentVersions;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.postgres.KnowledgeBaseRepository;
import dev.docflow.connectors.postgres.UploadRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes uploaded files into a knowledge base as new versions of their documents.
 *
 * <p>Each file is streamed (hashed on the way) to an object key of its own, so an upload never
 * overwrites or removes a file another version or document is served from. Before anything is
 * stored, the key is scheduled for removal (an intent): should the service die before the row is
 * written, the sweeper takes the object away. Then all files of the request are recorded in one
 * PostgreSQL transaction, each document's row locked: the new version becomes the one the document
 * waits for (the served version stays searchable and linked until the new one is indexed), and its
 * upload event goes to the outbox, which {@link OutboxPublisher} takes to Kafka. The same bytes
 * again ({@code unchanged}) or another document's bytes ({@code duplicate}) are not processed; their
 * new object is removed. A request that fails keeps nothing.
 */
public final class DocumentUploadService {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentUploadService.class);
    /** Long enough for any upload to be recorded; an object still unrecorded then was abandoned. */
    static final Duration INTENT_TTL = Duration.ofHours(1);

    /** One file of a request: its name, size and bytes (read once). */
    public record Incoming(String fileName, long size, InputStream content) {}

    /** A file stored under its version key, not yet recorded. */
    private record StoredVersion(UUID documentId, String fileName, String objectKey, long size, String sha256) {}

    private final KnowledgeBaseRepository knowledgeBases;
    private final Database database;
    private final ObjectStore store;
    private final OutboxPublisher publisher;
    private final long maxFileBytes;

    public DocumentUploadService(KnowledgeBaseRepository knowledgeBases, Database database, ObjectStore store,
            OutboxPublisher publisher, long maxFileBytes) {
        this.knowledgeBases = knowledgeBases;
        this.database = database;
        this.store = store;
        this.publisher = publisher;
        this.maxFileBytes = maxFileBytes;
    }

    /** Stores and records every file, or none: a file over the size limit is refused before any is stored. */
    public List<UploadedDocument> upload(String tenant, String knowledgeBase, List<Incoming> files) {
        KnowledgeBase kb = knowledgeBases.find(tenant, knowledgeBase)
                .orElseThrow(() -> new KnowledgeBaseNotFoundException(knowledgeBase));
        for (Incoming file : files) {
            FileNames.of(file.fileName());
            if (file.size() > maxFileBytes) {
                throw UploadTooLargeException.file(file.fileName(), file.size(), maxFileBytes);
            }
        }
        List<StoredVersion> stored = new ArrayList<>();
        try {
            for (Incoming file : files) {
                stored.add(store(kb, file));
            }
            List<UploadedDocument> results = database.inTransaction(UploadRepository.class,
                    uploads -> stored.stream().map(version -> record(uploads, kb, version)).toList());
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).status().equals(UploadedDocument.UPLOADED)) {
                    discard(stored.get(i).objectKey());
                }
            }
            publisher.wake();
            return results;
        } catch (RuntimeException e) {
            stored.forEach(version -> discard(version.objectKey()));
            throw e;
        }
    }

    private StoredVersion store(KnowledgeBase kb, Incoming file) {
        String name = FileNames.of(file.fileName());
        UUID id = database.documents().idOf(kb, name);
        String key = ObjectStore.versionKeyOf(kb.tenantId(), kb.name(), id.toString(), UUID.randomUUID().toString(), name);
        database.objectRemovals().schedule(key, INTENT_TTL.toSeconds());
        MessageDigest sha256 = sha256();
        try (InputStream content = new DigestInputStream(file.content(), sha256)) {
            store.put(key, content, file.size(), DownloadHeaders.of(name).contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload of " + name + " failed", e);
        }
        return new StoredVersion(id, name, key, file.size(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** Decides, under the document row's lock, what the stored version becomes. */
    private static UploadedDocument record(UploadRepository uploads, KnowledgeBase kb, StoredVersion version) {
        while (true) {
            Optional<DocumentVersions> row = uploads.lockVersions(version.documentId());
            if (row.isPresent()) {
                return recordNewVersion(uploads, kb, version, row.get());
            }
            Optional<DocumentRecord> other = uploads.findOtherByHash(kb.id(), version.documentId(), version.sha256());
            if (other.isPresent()) {
                return result(version, UploadedDocument.DUPLICATE, other.get().id().toString());
            }
            if (uploads.insertFirstVersion(version.documentId(), kb.id(), version.objectKey(), version.fileName(),
                    version.size(), version.sha256())) {
                announce(uploads, kb, version);
                return result(version, UploadedDocument.UPLOADED, null);
            }
            // a concurrent upload of the same name created the row first: settle against it
        }
    }

    private static UploadedDocument recordNewVersion(UploadRepository uploads, KnowledgeBase kb, StoredVersion version,
            DocumentVersions row) {
        if (row.isDeleting()) {
            throw new DocumentBeingDeletedException(version.fileName());
        }
        if (row.holds(version.sha256())) {
            return result(version, UploadedDocument.UNCHANGED, null);
        }
        Optional<DocumentRecord> other = uploads.findOtherByHash(kb.id(), version.documentId(), version.sha256());
        if (other.isPresent()) {
            return result(version, UploadedDocument.DUPLICATE, other.get().id().toString());
        }
        String replacedPending = row.pendingObjectKey();
        if (replacedPending != null && !replacedPending.equals(row.objectKey())) {
            // a version uploaded before this one and not settled yet: it will never be served
            uploads.removals().schedule(replacedPending, 0);
        }
        uploads.stagePendingVersion(version.documentId(), version.objectKey(), version.size(), version.sha256());
        announce(uploads, kb, version);
        return result(version, UploadedDocument.UPLOADED, null);
    }

    private static void announce(UploadRepository uploads, KnowledgeBase kb, StoredVersion version) {
        uploads.removals().cancel(version.objectKey());
        UploadEvent event = new UploadEvent(version.documentId().toString(), kb.tenantId(), kb.name(), kb.id().toString(),
                version.objectKey(),
                version.fileName(), version.size());
        uploads.insertEvent(version.documentId(), version.documentId().toString(), event.toJson());
    }

    private static UploadedDocument result(StoredVersion version, String status, String duplicateOf) {
        return new UploadedDocument(version.documentId().toString(), version.fileName(), version.size(), version.sha256(),
                status, duplicateOf);
    }

    /** Removes an object of this request that no row names; the sweeper retries if this fails. */
    private void discard(String key) {
        try {
            store.remove(key);
            database.objectRemovals().cancel(key);
        } catch (RuntimeException e) {
            LOG.warn("upload object left for the sweeper key={} cause={}", key, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
