package dev.docflow.agent.upload;

/**
 * What became of one uploaded file.
 *
 * @param status {@code uploaded} (stored as the document's new version; it will be ingested, and
 *     the version served until then stays), {@code unchanged} (the document already holds or awaits
 *     these bytes) or {@code duplicate} (another document of the knowledge base holds these bytes:
 *     {@code duplicateOf}; nothing was stored)
 */
public record UploadedDocument(String id, String fileName, long sizeBytes, String sha256, String status,
        String duplicateOf) {
    public static final String UPLOADED = "uploaded";
    public static final String UNCHANGED = "unchanged";
    public static final String DUPLICATE = "duplicate";
}
