package dev.docflow.ingest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Hands out a knowledge base's objects as readers ask, a few at a time, listing the store a page at
 * a time as it goes: neither the client nor the JobManager ever holds the whole listing. Its
 * checkpoint is the listing's position ({@link ListingPosition}).
 */
final class ObjectListingEnumerator implements SplitEnumerator<ObjectSplit, ListingPosition> {
    /**
     * Objects per answer to a reader's request: one request per object would make the round trip
     * between reader and enumerator the pace of the listing (about 100 objects/s per reader on a
     * loaded machine); the pipeline after the source rebalances, so a reader holding a few does
     * not hold up any parser.
     */
    static final int OBJECTS_PER_REQUEST = 64;

    private final SplitEnumeratorContext<ObjectSplit> context;
    private final ObjectListing listing;

    ObjectListingEnumerator(SplitEnumeratorContext<ObjectSplit> context, ObjectListing listing) {
        this.context = context;
        this.listing = listing;
    }

    @Override
    public void start() {
        // the bulk job's progress as the JobManager sees it (documents done are counted where outcomes are recorded)
        context.metricGroup().gauge("documentsListed", listing::listed);
        context.metricGroup().gauge("listingComplete", () -> listing.finished() ? 1 : 0);
    }

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        List<ObjectSplit> batch = new ArrayList<>(OBJECTS_PER_REQUEST);
        for (Optional<ObjectSplit> next = listing.next(); next.isPresent(); next = listing.next()) {
            batch.add(next.get());
            if (batch.size() == OBJECTS_PER_REQUEST) {
                break;
            }
        }
        if (batch.isEmpty()) {
            context.signalNoMoreSplits(subtask);
        } else {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtask, batch)));
        }
    }

    @Override
    public void addSplitsBack(List<ObjectSplit> splits, int subtask) {
        listing.putBack(splits);
    }

    @Override
    public void addReader(int subtask) {
        // readers ask for their first object themselves
    }

    @Override
    public ListingPosition snapshotState(long checkpointId) {
        return listing.position();
    }

    @Override
    public void close() {}
}
