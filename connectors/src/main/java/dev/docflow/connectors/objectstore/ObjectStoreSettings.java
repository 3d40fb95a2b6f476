package dev.docflow.connectors.objectstore;

import java.io.Serializable;
import java.util.Objects;

/**
 * An S3-compatible bucket. Serializable so Flink operators carry it; the client is built at run
 * time. {@code toString} leaves the secret out so settings can be logged.
 */
public record ObjectStoreSettings(String endpoint, String accessKey, String secretKey, String bucket)
        implements Serializable {
    public static final String DEFAULT_BUCKET = "docflow";

    public ObjectStoreSettings {
        Objects.requireNonNull(endpoint, "object store endpoint");
        Objects.requireNonNull(accessKey, "object store access key");
        Objects.requireNonNull(secretKey, "object store secret key");
        if (bucket == null || bucket.isBlank()) {
            bucket = DEFAULT_BUCKET;
        }
    }

    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", bucket=" + bucket + "]";
    }
}
