package dev.docflow.ingest.index;

/** Told of each bulk request {@link ChunkIndexWriter} sends: the index stage's metrics listen. */
public interface BulkRequestListener {
    BulkRequestListener NONE = new BulkRequestListener() {};

    /** Elasticsearch answered a bulk request after {@code millis} (whatever it made of the items). */
    default void bulkAnswered(long millis) {}

    /** A bulk request is sent again: Elasticsearch was busy (429), broken (5xx) or unreachable. */
    default void bulkRetried() {}

    /** Elasticsearch refused an item of a bulk request for good (or the request itself, 400 or 413). */
    default void bulkRejected() {}
}
