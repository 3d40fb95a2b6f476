package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import dev.docflow.connectors.objectstore.StoredObject;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The bulk job's source: every object under a knowledge base's prefix (or an
 * {@code s3://bucket/prefix}, {@link ListingPrefix}), listed lazily by the
 * enumerator ({@link ObjectListingEnumerator}) and handed to readers one at a time, so memory on
 * the client and the JobManager does not grow with the number of files, and a restored job goes on
 * from the listing position of its checkpoint.
 */
public final class KnowledgeBaseSource
        implements Source<StoredObject, ObjectSplit, ListingPosition>, ResultTypeQueryable<StoredObject> {
    /** Keys per listing request: S3's own maximum. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final ObjectStoreSettings store;
    private final String prefix;
    private final int pageSize;

    public KnowledgeBaseSource(ObjectStoreSettings store, String tenant, String knowledgeBase) {
        this(store, ObjectStore.prefixOf(tenant, knowledgeBase), DEFAULT_PAGE_SIZE);
    }

    /** The objects under {@code listing}, on the store of {@code store} with its credentials. */
    public KnowledgeBaseSource(ObjectStoreSettings store, ListingPrefix listing) {
        this(store.withBucket(listing.bucket()), listing.prefix(), DEFAULT_PAGE_SIZE);
    }

    KnowledgeBaseSource(ObjectStoreSettings store, String prefix, int pageSize) {
        this.store = store;
        this.prefix = prefix;
        this.pageSize = pageSize;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<StoredObject, ObjectSplit> createReader(SourceReaderContext context) {
        return new ObjectSplitReader(context);
    }

    @Override
    public SplitEnumerator<ObjectSplit, ListingPosition> createEnumerator(SplitEnumeratorContext<ObjectSplit> context) {
        return restoreEnumerator(context, ListingPosition.start());
    }

    @Override
    public SplitEnumerator<ObjectSplit, ListingPosition> restoreEnumerator(SplitEnumeratorContext<ObjectSplit> context,
            ListingPosition position) {
        ObjectStore objects = new ObjectStore(store);
        return new ObjectListingEnumerator(context, new ObjectListing(objects::listPage, prefix, pageSize, position));
    }

    @Override
    public SimpleVersionedSerializer<ObjectSplit> getSplitSerializer() {
        return ObjectSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<ListingPosition> getEnumeratorCheckpointSerializer() {
        return ListingPositionSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<StoredObject> getProducedType() {
        return TypeInformation.of(StoredObject.class);
    }

    /**
     * How many objects the bulk job will ingest, counted page by page without holding the listing
     * (the launcher's progress bar and the job's progress gauge need the total before the end).
     */
    public static long count(ObjectStore objects, String tenant, String knowledgeBase) {
        ObjectListing listing = new ObjectListing(objects::listPage, ObjectStore.prefixOf(tenant, knowledgeBase),
                DEFAULT_PAGE_SIZE, ListingPosition.start());
        while (listing.next().isPresent()) {
            // counted by the listing as it reads
        }
        return listing.listed();
    }
}
