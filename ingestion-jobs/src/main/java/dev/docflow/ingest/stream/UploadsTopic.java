package dev.docflow.ingest.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The uploads topic, made before anything publishes to it or reads it. */
public final class UploadsTopic {
    /** Documents are spread over partitions by id; each partition keeps one document's events in order. */
    static final int PARTITIONS = 4;

    private UploadsTopic() {}

    public static void ensureExists(KafkaSettings kafka) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(kafka.uploadsTopic(), PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + kafka.uploadsTopic() + " on "
                        + kafka.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + kafka.uploadsTopic(), e);
        }
    }
}
