package dev.docflow.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * Where the parse stage fetches a document's bytes by its object key: the object store
 * ({@link ObjectStoreFiles}), or a folder in tests. It travels with the job graph, so it holds
 * settings only; {@link #connect} runs once in each subtask.
 */
@FunctionalInterface
public interface DocumentFiles extends Serializable {
    Reader connect();

    /** A connected store. */
    @FunctionalInterface
    interface Reader {
        /** The file's bytes, or empty when there is none (removed since it was announced); the caller closes them. */
        Optional<InputStream> openIfExists(String key) throws IOException;
    }
}
