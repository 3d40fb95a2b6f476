package dev.docflow.agent.upload;

import java.time.Duration;
import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;

/**
 * Where uploads go: their bytes to the object store, their events to Kafka; how large a request
 * may be; and how citations link back to the files.
 *
 * @param maxFileBytes a larger file is refused with 413 while it streams in; nothing of the request is kept
 * @param publicEndpoint the object store's address as clients reach it, for links in citations;
 *     the store's own endpoint when null
 * @param linkTtl how long a citation's link to its file works
 * @param maxRequestBytes a larger request body is refused with 413 ({@code request_too_large}) as it streams in
 * @param maxFilesPerRequest more files in one request are refused with 400 ({@code too_many_files})
 * @param removalGrace how long a replaced version's file outlives its replacement, so that links
 *     already handed out keep working for their time
 */
public record UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic,
        long maxFileBytes, String publicEndpoint, Duration linkTtl, long maxRequestBytes, int maxFilesPerRequest,
        Duration removalGrace, ReconcileSettings reconcile) {
    public static final Duration DEFAULT_LINK_TTL = Duration.ofMinutes(15);
    /** S3 refuses presigned links valid for longer than a week. */
    public static final Duration MAX_LINK_TTL = Duration.ofDays(7);
    public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 2L << 30;
    public static final int DEFAULT_MAX_FILES_PER_REQUEST = 100;
    public static final UploadSettings DEFAULTS = new UploadSettings(
            new ObjectStoreSettings("http://127.0.0.1:9000", "", "", null), "127.0.0.1:9092", UploadEvent.TOPIC,
            DEFAULT_MAX_FILE_BYTES);

    public UploadSettings {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("upload.max-file-bytes must be positive; got " + maxFileBytes);
        }
        if (maxRequestBytes < maxFileBytes) {
            throw new IllegalArgumentException("upload.max-request-bytes must be at least upload.max-file-bytes ("
                    + maxFileBytes + "); got " + maxRequestBytes);
        }
        if (maxFilesPerRequest < 1) {
            throw new IllegalArgumentException("upload.max-files-per-request must be at least 1; got " + maxFilesPerRequest);
        }
        if (publicEndpoint == null || publicEndpoint.isBlank()) {
            publicEndpoint = objectStore.endpoint();
        }
        if (linkTtl == null || linkTtl.compareTo(Duration.ofSeconds(1)) < 0 || linkTtl.compareTo(MAX_LINK_TTL) > 0) {
            throw new IllegalArgumentException("links.ttl-seconds must be between 1 and " + MAX_LINK_TTL.toSeconds() + "; got "
                    + (linkTtl == null ? "none" : linkTtl.toSeconds()));
        }
        if (removalGrace == null) {
            removalGrace = linkTtl;
        }
        if (reconcile == null) {
            reconcile = ReconcileSettings.DEFAULTS;
        }
        if (removalGrace.isNegative()) {
            throw new IllegalArgumentException("upload.removal-grace-seconds must not be negative; got " + removalGrace.toSeconds());
        }
    }

    /** Links valid for {@code linkTtl}; default request limits; replaced files kept as long as links live. */
    public UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic, long maxFileBytes,
            String publicEndpoint, Duration linkTtl) {
        this(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, publicEndpoint, linkTtl,
                Math.max(DEFAULT_MAX_REQUEST_BYTES, maxFileBytes), DEFAULT_MAX_FILES_PER_REQUEST, null, null);
    }

    /** Links made at the store's own endpoint, valid for {@link #DEFAULT_LINK_TTL}. */
    public UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic, long maxFileBytes) {
        this(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, null, DEFAULT_LINK_TTL);
    }

    /** The same settings with these request limits. */
    public UploadSettings withRequestLimits(long maxRequestBytes, int maxFilesPerRequest) {
        return new UploadSettings(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, publicEndpoint, linkTtl,
                maxRequestBytes, maxFilesPerRequest, removalGrace, reconcile);
    }

    /** The same settings refusing files over {@code bytes} (413). */
    public UploadSettings withMaxFileBytes(long bytes) {
        return new UploadSettings(objectStore, kafkaBootstrapServers, uploadsTopic, bytes, publicEndpoint, linkTtl,
                maxRequestBytes, maxFilesPerRequest, removalGrace, reconcile);
    }

    /** The same settings keeping replaced files for {@code grace}. */
    public UploadSettings withRemovalGrace(Duration grace) {
        return new UploadSettings(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, publicEndpoint, linkTtl,
                maxRequestBytes, maxFilesPerRequest, grace, reconcile);
    }

    /** The same settings reconciling stuck uploads by {@code settings}. */
    public UploadSettings withReconcile(ReconcileSettings settings) {
        return new UploadSettings(objectStore, kafkaBootstrapServers, uploadsTopic, maxFileBytes, publicEndpoint, linkTtl,
                maxRequestBytes, maxFilesPerRequest, removalGrace, settings);
    }

    /** The store as clients reach it: what citation links are signed for. */
    public ObjectStoreSettings publicObjectStore() {
        return new ObjectStoreSettings(publicEndpoint, objectStore.accessKey(), objectStore.secretKey(), objectStore.bucket());
    }
}
