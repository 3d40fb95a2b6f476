package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.StoredObject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Walks the objects under a knowledge base's prefix a page at a time and hands them out one by
 * one, holding no more than a page: the logic of the bulk source's enumerator, without Flink. The
 * knowledge base's versions folder (uploads through the API, which the streaming job ingests) is
 * skipped.
 */
final class ObjectListing {

    /** Reads one page of the store's listing; {@link ObjectStore#listPage} in production. */
    interface PageReader {
        List<StoredObject> page(String prefix, String startAfter, int limit);
    }

    private final PageReader store;
    private final String prefix;
    private final int pageSize;
    private final Deque<ObjectSplit> pending = new ArrayDeque<>();
    private String lastListedKey;
    private boolean exhausted;
    private long listed;

    ObjectListing(PageReader store, String prefix, int pageSize, ListingPosition from) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1; got " + pageSize);
        }
        this.store = store;
        this.prefix = prefix;
        this.pageSize = pageSize;
        this.lastListedKey = from.lastListedKey();
        this.exhausted = from.exhausted();
        this.pending.addAll(from.pending());
        this.listed = from.listed();
    }

    /** The next object to ingest, reading the next page when the last one is used up; empty at the end. */
    Optional<ObjectSplit> next() {
        while (pending.isEmpty() && !exhausted) {
            List<StoredObject> page = store.page(prefix, lastListedKey, pageSize);
            exhausted = page.size() < pageSize;
            for (StoredObject object : page) {
                lastListedKey = object.key();
                if (!ObjectStore.isVersionPath(object.key().substring(prefix.length()))) {
                    pending.add(ObjectSplit.of(object));
                    listed++;
                }
            }
        }
        return Optional.ofNullable(pending.poll());
    }

    /** Objects a failed reader had not finished: handed out again, before anything new. */
    void putBack(Collection<ObjectSplit> splits) {
        splits.forEach(pending::addFirst);
    }

    /** True once every object has been handed out (those put back aside). */
    boolean finished() {
        return exhausted && pending.isEmpty();
    }

    /** Objects read from the store and to be ingested so far. */
    long listed() {
        return listed;
    }

    int pendingCount() {
        return pending.size();
    }

    ListingPosition position() {
        return new ListingPosition(lastListedKey, exhausted, List.copyOf(pending), listed);
    }
}
