package dev.docflow.agent.upload;

/**
 * What became of one uploaded file.
 *
 * @param status {@code uploaded} (stored; it will be ingested), {@code unchanged} (this file already
 *     holds these bytes) or {@code duplicate} (another document of the knowledge base holds these
 *     bytes: {@code duplicateOf}; nothing was stored)
 */
public record UploadedDocument(String id, String fileName, long sizeBytes, String sha256, String status,
        String duplicateOf) {}
