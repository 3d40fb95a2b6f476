package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import java.nio.file.Path;

/**
 * The parse stage of one document (parse, OCR, tables): in this JVM ({@link DocumentExtractor}) or
 * in a child worker process ({@code worker.IsolatedExtractor}), as {@link ParseIsolation} says.
 */
public interface Extractor extends AutoCloseable {
    /**
     * Extracts the document stored at {@code file}; the caller keeps and deletes the file.
     *
     * @throws DocumentFailedException when this document cannot be read: it fails alone
     */
    ExtractedDocument extract(DocumentRef ref, Path file);

    @Override
    void close();
}
