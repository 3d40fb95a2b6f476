package dev.docflow.agent.upload;

import java.time.Duration;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;

/**
 * Where uploads go: their bytes to the object store, their events to Kafka; and how citations link
 * back to them.
 *
 * @param maxFileBytes a larger file is refused with 413 and nothing of it is kept
 * @param publicEndpoint the object store's address as clients reach it, for links in citations;
 *     the store's own endpoint when null
 * @param linkTtl how long a citation's link to its file works
 */
public record UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic,
        long maxFileBytes, String publicEndpoint, Duration linkTtl) {
    public static final Duration DEFAULT_LINK_TTL = Duration.ofMinutes(15);
    /** S3 refuses presigned links valid for longer than a week. */
    public static final Duration MAX_LINK_TTL = Duration.ofDays(7);
    public static final UploadSettings DEFAULTS = new UploadSettings(
            new ObjectStoreSettings("http://127.0.0.1:9000", "", "", null), "127.0.0.1:9092", UploadEvent.TOPIC, 512L << 20);

    public UploadSettings {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("upload.max-file-bytes must be positive; got " + maxFileBytes);
        }
        if (publicEndpoint == null || publicEndpoint.isBlank()) {
            publicEndpoint = objectStore.endpoint();
        }
        if (linkTtl == null || linkTtl.compareTo(Duration.ofSeconds(1)) < 0 || linkTtl.compareTo(MAX_LINK_TTL) > 0) {
            throw new IllegalArgumentException("links.ttl-seconds must be between 1 and " + MAX_LINK_TTL.toSeconds() + "; got "
                    + (linkTtl == null ? "none" : linkTtl.toSeconds()));
        }
    }

    /** Links made at the store's own endpoint, valid for {@link #DEFAULT_LINK_TTL}. */
    public UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic, long maxFileBytes) {
        this(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, null, DEFAULT_LINK_TTL);
    }

    /** The store as clients reach it: what citation links are signed for. */
    public ObjectStoreSettings publicObjectStore() {
        return new ObjectStoreSettings(publicEndpoint, objectStore.accessKey(), objectStore.secretKey(), objectStore.bucket());
    }
}
