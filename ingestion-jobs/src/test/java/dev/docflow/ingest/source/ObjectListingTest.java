package dev.docflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.connectors.objectstore.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class ObjectListingTest {
    private static final String PREFIX = "acme/handbook/";

    /** A store's listing in key order, paged as S3 pages it, counting the requests. */
    private static final class FakeStore implements ObjectListing.PageReader {
        final TreeMap<String, StoredObject> objects = new TreeMap<>();
        int requests;

        FakeStore with(int count) {
            for (int i = 0; i < count; i++) {
                String key = PREFIX + String.format("file-%06d.txt", i);
                objects.put(key, new StoredObject(key, i, "etag-" + i));
            }
            return this;
        }

        @Override
        public List<StoredObject> page(String prefix, String startAfter, int limit) {
            requests++;
            var tail = startAfter == null ? objects.tailMap(prefix, true) : objects.tailMap(startAfter, false);
            return tail.values().stream().filter(o -> o.key().startsWith(prefix)).limit(limit).toList();
        }
    }

    @Test
    void handsOutEveryObjectOnceHoldingNoMoreThanAPage() {
        FakeStore store = new FakeStore().with(10_500);
        ObjectListing listing = new ObjectListing(store, PREFIX, 1000, ListingPosition.start());

        List<String> keys = new ArrayList<>();
        int mostPending = 0;
        for (Optional<ObjectSplit> next = listing.next(); next.isPresent(); next = listing.next()) {
            keys.add(next.get().key());
            mostPending = Math.max(mostPending, listing.pendingCount());
        }

        assertThat(keys).hasSize(10_500).doesNotHaveDuplicates().isSorted();
        assertThat(mostPending).isLessThan(1000);
        assertThat(store.requests).isEqualTo(11);
        assertThat(listing.finished()).isTrue();
        assertThat(listing.listed()).isEqualTo(10_500);
    }

    @Test
    void aListingRestoredFromItsPositionGoesOnWhereItStood() throws Exception {
        FakeStore store = new FakeStore().with(2_345);
        ObjectListing first = new ObjectListing(store, PREFIX, 100, ListingPosition.start());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            keys.add(first.next().orElseThrow().key());
        }
        byte[] checkpoint = ListingPositionSerializer.INSTANCE.serialize(first.position());

        ListingPosition restored = ListingPositionSerializer.INSTANCE.deserialize(
                ListingPositionSerializer.INSTANCE.getVersion(), checkpoint);
        ObjectListing second = new ObjectListing(store, PREFIX, 100, restored);
        for (Optional<ObjectSplit> next = second.next(); next.isPresent(); next = second.next()) {
            keys.add(next.get().key());
        }

        assertThat(keys).hasSize(2_345).doesNotHaveDuplicates();
        assertThat(second.listed()).isEqualTo(2_345);
        assertThat(checkpoint.length).as("a position holds at most a page").isLessThan(100 * 64);
    }

    @Test
    void objectsAFailedReaderHadNotFinishedAreHandedOutAgainFirst() {
        ObjectListing listing = new ObjectListing(new FakeStore().with(5), PREFIX, 2, ListingPosition.start());
        ObjectSplit a = listing.next().orElseThrow();
        ObjectSplit b = listing.next().orElseThrow();

        listing.putBack(List.of(a));

        assertThat(listing.next()).contains(a);
        assertThat(listing.next().orElseThrow().key()).isNotIn(a.key(), b.key());
    }

    @Test
    void theVersionsFolderOfUploadsIsLeftToTheStreamingJob() {
        FakeStore store = new FakeStore().with(3);
        String version = PREFIX + ".versions/d1/v1/report.pdf";
        store.objects.put(version, new StoredObject(version, 10, "e"));

        ObjectListing listing = new ObjectListing(store, PREFIX, 2, ListingPosition.start());
        List<String> keys = new ArrayList<>();
        listing.next().ifPresent(s -> keys.add(s.key()));
        for (Optional<ObjectSplit> next = listing.next(); next.isPresent(); next = listing.next()) {
            keys.add(next.get().key());
        }

        assertThat(keys).hasSize(3).doesNotContain(version);
        assertThat(listing.listed()).isEqualTo(3);
    }

    @Test
    void splitsSurviveTheirSerializer() throws Exception {
        ObjectSplit split = new ObjectSplit(PREFIX + "a/b/c.pdf", 1234, "\"9b2cf535f27731c974343645a3985328\"");
        byte[] bytes = ObjectSplitSerializer.INSTANCE.serialize(split);

        assertThat(ObjectSplitSerializer.INSTANCE.deserialize(ObjectSplitSerializer.INSTANCE.getVersion(), bytes)).isEqualTo(split);
    }

    @Test
    void listedObjectsTravelWithFlinksOwnSerializerNotKryo() {
        assertThat(TypeInformation.of(StoredObject.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
