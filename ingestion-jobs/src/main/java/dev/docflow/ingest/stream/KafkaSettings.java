package dev.docflow.ingest.stream;

import dev.docflow.connectors.contract.UploadEvent;
import java.io.Serializable;

/**
 * Where upload events are.
 *
 * @param uploadsTopic the topic upload events are published on, keyed by document id
 * @param consumerGroup the streaming job's group: its committed offsets are where a job started
 *     without a checkpoint picks up
 */
public record KafkaSettings(String bootstrapServers, String uploadsTopic, String consumerGroup) implements Serializable {
    public static final String DEFAULT_TOPIC = UploadEvent.TOPIC;
    public static final String DEFAULT_GROUP = "docflow-ingest";
}
