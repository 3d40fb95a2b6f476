package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.StoredObject;
import org.apache.flink.api.connector.source.SourceSplit;

/** One object of a listing, handed to a reader as a split of its own: the unit a bulk job ingests. */
public record ObjectSplit(String key, long size, String etag) implements SourceSplit {

    static ObjectSplit of(StoredObject object) {
        return new ObjectSplit(object.key(), object.size(), object.etag() == null ? "" : object.etag());
    }

    StoredObject object() {
        return new StoredObject(key, size, etag);
    }

    @Override
    public String splitId() {
        return key;
    }
}
