package dev.docflow.ingest.source;

import java.util.List;

/**
 * Where a listing stands, as a checkpoint keeps it: the last key read from the store, whether the
 * store has no more, and the objects read but not yet handed out (at most a page). Its size does
 * not depend on how many objects the prefix holds.
 *
 * @param lastListedKey null before the first page
 * @param listed objects read so far that are to be ingested (the bulk job's progress)
 */
public record ListingPosition(String lastListedKey, boolean exhausted, List<ObjectSplit> pending, long listed) {

    public ListingPosition {
        pending = List.copyOf(pending);
    }

    static ListingPosition start() {
        return new ListingPosition(null, false, List.of(), 0);
    }
}
