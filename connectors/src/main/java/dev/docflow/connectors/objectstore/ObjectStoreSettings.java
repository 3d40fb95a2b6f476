package dev.docflow.connectors.objectstore;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * An S3-compatible bucket. Serializable so Flink operators carry it; the client is built at run
 * time. {@code toString} leaves the secret out so settings can be logged.
 *
 * @param timeout {@code s3.timeout-seconds}: the longest the client waits to connect, and then for
 *     each read or write of a request to make progress (not for the whole transfer: a large file
 *     may take longer as long as bytes keep moving); null for {@link #DEFAULT_TIMEOUT}. The MinIO
 *     SDK's own default is 5 minutes, which a stalled store would hold an upload request for
 */
public record ObjectStoreSettings(String endpoint, String accessKey, String secretKey, String bucket, Duration timeout)
        implements Serializable {
    public static final String DEFAULT_BUCKET = "docflow";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ObjectStoreSettings(String endpoint, String accessKey, String secretKey, String bucket) {
        this(endpoint, accessKey, secretKey, bucket, DEFAULT_TIMEOUT);
    }

    public ObjectStoreSettings {
        Objects.requireNonNull(endpoint, "object store endpoint");
        Objects.requireNonNull(accessKey, "object store access key");
        Objects.requireNonNull(secretKey, "object store secret key");
        if (bucket == null || bucket.isBlank()) {
            bucket = DEFAULT_BUCKET;
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("s3.timeout-seconds (DOCFLOW_S3_TIMEOUT_SECONDS) must be at least 1");
        }
    }

    /** The same store and credentials over another bucket (a bulk job listing an {@code s3://bucket/prefix}). */
    public ObjectStoreSettings withBucket(String other) {
        return new ObjectStoreSettings(endpoint, accessKey, secretKey, other, timeout);
    }

    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", bucket=" + bucket + ", timeout=" + timeout + "]";
    }
}
