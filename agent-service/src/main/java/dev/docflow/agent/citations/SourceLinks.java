package dev.docflow.agent.citations;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.CitableDocument;
import dev.docflow.connectors.postgres.DocumentRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives each citation a presigned, short-lived link to its file, so a reader can open the source
 * without an API key of their own. Documents deleted (or being deleted) get no link.
 */
public final class SourceLinks {
    private final DocumentRepository documents;
    private final ObjectStore signer;
    private final Duration ttl;

    /**
     * @param signer a store whose endpoint is the one clients reach (a link's signature covers the
     *     host)
     */
    public SourceLinks(DocumentRepository documents, ObjectStore signer, Duration ttl) {
        this.documents = documents;
        this.signer = signer;
        this.ttl = ttl;
    }

    /** Looks up where the cited documents' files are, then links them. */
    public List<Citation> link(List<Citation> citations) {
        if (citations.isEmpty()) {
            return citations;
        }
        UUID[] ids = citations.stream().map(citation -> UUID.fromString(citation.documentId())).distinct().toArray(UUID[]::new);
        return link(citations, documents.citableDocuments(ids).stream()
                .collect(Collectors.toMap(document -> document.id().toString(), CitableDocument::objectKey)));
    }

    /** @param keys object keys by document id; a citation of a document not in it gets no link */
    public List<Citation> link(List<Citation> citations, Map<String, String> keys) {
        return citations.stream().map(citation -> {
            String key = keys.get(citation.documentId());
            return citation.withSourceUrl(key == null ? null : signer.presignedGet(key, ttl));
        }).toList();
    }
}
