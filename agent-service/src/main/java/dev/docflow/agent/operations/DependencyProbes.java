package dev.docflow.agent.operations;

import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.objectstore.ObjectStoreSettings;
import java.time.Duration;
import java.util.List;

/**
 * How {@link Readiness} asks each server, through clients of its own whose timeouts are the probe's:
 * the service's clients wait up to 30 s for a server that went away, and a probe stuck that long
 * would still report the outage after the server is back. Nothing asked names a tenant's data.
 */
public final class DependencyProbes implements AutoCloseable {
    /** Looked up and never found: a count, a key. */
    private static final String NOTHING = ".docflow-readiness-probe";

    private final ChunkIndex index;
    private final ObjectStore store;
    private final OutboxBacklogRepository database;
    private final KafkaProbe kafka;

    public DependencyProbes(ElasticsearchSettings elasticsearch, ObjectStoreSettings objectStore, String kafkaBootstrapServers,
            OutboxBacklogRepository database, Duration timeout) {
        this.index = new ChunkIndex(new ElasticsearchSettings(elasticsearch.url(), elasticsearch.indexAlias(), timeout));
        this.store = new ObjectStore(new ObjectStoreSettings(objectStore.endpoint(), objectStore.accessKey(),
                objectStore.secretKey(), objectStore.bucket(), timeout));
        this.database = database;
        this.kafka = new KafkaProbe(kafkaBootstrapServers, timeout);
    }

    /**
     * A {@code _count} on the chunk alias (the search the service makes), the outbox query
     * (PostgreSQL through the service's pool), a key looked up in the bucket, Kafka's cluster id.
     */
    public List<DependencyCheck> checks() {
        return List.of(
                new DependencyCheck("elasticsearch", () -> index.countChunks(NOTHING, NOTHING)),
                new DependencyCheck("postgresql", database::backlog),
                new DependencyCheck("object_store", () -> store.exists(NOTHING)),
                new DependencyCheck("kafka", kafka));
    }

    @Override
    public void close() {
        kafka.close();
        index.close();
    }
}
