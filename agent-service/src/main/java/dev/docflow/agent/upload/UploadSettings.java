package dev.docflow.agent.upload;

import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;

/**
 * Where uploads go: their bytes to the object store, their events to Kafka.
 *
 * @param maxFileBytes a larger file is refused with 413 and nothing of it is kept
 */
public record UploadSettings(ObjectStoreSettings objectStore, String kafkaBootstrapServers, String uploadsTopic,
        long maxFileBytes) {
    public static final UploadSettings DEFAULTS = new UploadSettings(
            new ObjectStoreSettings("http://127.0.0.1:9000", "", "", null), "127.0.0.1:9092", UploadEvent.TOPIC, 512L << 20);

    public UploadSettings {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("upload.max-file-bytes must be positive; got " + maxFileBytes);
        }
    }
}
