package dev.docflow.agent.upload;

import dev.docflow.connectors.kafka.UploadsTopic;
import dev.docflow.connectors.postgres.OutboxEntry;
import dev.docflow.connectors.postgres.UploadRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes upload events from the outbox table to Kafka, oldest first, deleting each once Kafka has
 * acknowledged it. It drains on start (events of a service that died before publishing), when woken
 * by an upload, and every few seconds; an event is published at least once, and the job's
 * deterministic chunk ids make a second delivery harmless.
 */
public final class OutboxPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    static final int BATCH = 100;
    static final long IDLE_MILLIS = 2_000;
    /** Above the producer's max.block.ms plus delivery.timeout.ms: the producer reports a failed send first. */
    static final long SEND_WAIT_SECONDS = 35;

    private final UploadRepository outbox;
    private final UploadSettings settings;
    private final BackgroundLoop loop = new BackgroundLoop("docflow-outbox-publisher", IDLE_MILLIS, this::publishPending);
    private Producer<String, byte[]> producer;
    private boolean topicReady;

    public OutboxPublisher(UploadRepository outbox, UploadSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    public synchronized void start() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    // while Kafka is down: a send gives up within these, before drain() stops waiting for
                    // it (SEND_WAIT_SECONDS), so no abandoned send is still retried behind the next attempt
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000), new StringSerializer(), new ByteArraySerializer());
            loop.start();
        }
    }

    /** Asks for a drain now rather than at the next tick. */
    public void wake() {
        loop.wake();
    }

    private void publishPending() {
        try {
            if (!topicReady) {
                UploadsTopic.ensureExists(settings.kafkaBootstrapServers(), settings.uploadsTopic());
                topicReady = true;
            }
            drain(producer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("upload events not published yet, will retry topic={} cause={}", settings.uploadsTopic(), e.toString());
        }
    }

    private void drain(Producer<String, byte[]> producer) throws InterruptedException {
        for (List<OutboxEntry> batch = outbox.pendingEvents(BATCH); !batch.isEmpty() && loop.running();
                batch = outbox.pendingEvents(BATCH)) {
            for (OutboxEntry entry : batch) {
                try {
                    producer.send(new ProducerRecord<>(settings.uploadsTopic(), entry.eventKey(), entry.payload()))
                            .get(SEND_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Kafka did not take the event of document " + entry.eventKey(), e);
                }
                outbox.deleteEvent(entry.id());
                LOG.debug("upload event published document={}", entry.eventKey());
            }
        }
    }

    /**
     * On a graceful stop: publishes what the outbox holds now, waiting up to {@code atMost}, then
     * stops as {@link #close()} does. What Kafka does not take in time stays in the outbox for the
     * next start.
     *
     * @return true if that last drain ran to its end in time (it may still have met a Kafka that is down)
     */
    public boolean flush(Duration atMost) {
        boolean drained = loop.finish(atMost);
        close();
        return drained;
    }

    @Override
    public synchronized void close() {
        loop.close();
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
