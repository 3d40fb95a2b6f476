package dev.docflow.ingest.parse;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;

/** The documents' files in the S3-compatible bucket, where uploads and bulk loads put them. */
public record ObjectStoreFiles(ObjectStoreSettings settings) implements DocumentFiles {
    @Override
    public Reader connect() {
        return new ObjectStore(settings)::openIfExists;
    }
}
