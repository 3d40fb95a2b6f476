package dev.docflow.connectors.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On the real S3 server: removal of everything under a prefix, page after page; objects of another
 * bucket named {@code s3://bucket/key} read and linked where they are, never removed.
 */
class ObjectStoreIT {
    @Test
    void removesEveryObjectUnderThePrefixOverSeveralPagesAndNothingBeside() {
        StackEndpoints stack = SharedStack.get();
        ObjectStore store = new ObjectStore(new ObjectStoreSettings(stack.s3Endpoint(), stack.s3AccessKey(), stack.s3SecretKey(),
                "remove-it-" + UUID.randomUUID().toString().substring(0, 8)));
        store.ensureBucket();
        for (int i = 0; i < 7; i++) {
            put(store, "t/kb/docs/file-" + i + ".md");
        }
        put(store, "t/kb-other/keep.md");
        put(store, "t/kb2/keep.md");

        long removed = store.removeAll("t/kb/", 3);

        assertThat(removed).isEqualTo(7);
        assertThat(store.list("t/kb/")).isEmpty();
        assertThat(store.list("t/")).extracting(StoredObject::key).containsExactlyInAnyOrder("t/kb-other/keep.md", "t/kb2/keep.md");
        assertThat(store.removeAll("t/kb/", 3)).as("nothing left").isZero();
    }

    @Test
    void anObjectOfAnotherBucketIsReadAndLinkedWhereItIsAndNeverRemoved() throws Exception {
        StackEndpoints stack = SharedStack.get();
        ObjectStoreSettings own = new ObjectStoreSettings(stack.s3Endpoint(), stack.s3AccessKey(), stack.s3SecretKey(),
                "own-it-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectStore store = new ObjectStore(own);
        store.ensureBucket();
        String elsewhere = "exports-it-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectStore exports = new ObjectStore(own.withBucket(elsewhere));
        exports.ensureBucket();
        put(exports, "q3/herons.md");
        String stored = "s3://" + elsewhere + "/q3/herons.md";

        try (var in = store.open(stored)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("# q3/herons.md\n");
        }
        assertThat(store.exists(stored)).isTrue();
        assertThat(store.openIfExists("s3://" + elsewhere + "/q3/absent.md")).isEmpty();
        java.net.URI link = java.net.URI.create(store.presignedGet(stored, java.time.Duration.ofMinutes(5)));
        assertThat(link.getPath()).isEqualTo("/" + elsewhere + "/q3/herons.md");
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(link).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("# q3/herons.md\n");

        store.remove(stored);

        assertThat(exports.exists("q3/herons.md")).as("Docflow does not delete what it did not write").isTrue();
    }

    private static void put(ObjectStore store, String key) {
        byte[] bytes = ("# " + key + "\n").getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/markdown");
    }
}
