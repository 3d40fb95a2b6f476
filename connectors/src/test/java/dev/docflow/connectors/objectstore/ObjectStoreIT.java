package dev.docflow.connectors.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.StackEndpoints;
import dev.docflow.localstack.testutils.SharedStack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Removal of everything under a prefix on the real S3 server, page after page. */
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

    private static void put(ObjectStore store, String key) {
        byte[] bytes = ("# " + key + "\n").getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/markdown");
    }
}
