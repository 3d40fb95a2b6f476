package dev.docflow.ingest;

import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.stream.KafkaSettings;
import dev.docflow.ingest.stream.MarkProcessingFunction;
import dev.docflow.ingest.stream.UploadEventDeserializer;
import dev.docflow.connectors.kafka.UploadsTopic;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The long-running job: ingests each document whose upload event arrives on the uploads topic,
 * through the same pipeline as {@link BulkIngestJob}. Events are keyed by document id from the
 * source on, so the versions of one document are processed one after the other, in upload order. Offsets, outcomes and chunks are committed
 * together at checkpoints; a restarted job replays from its last checkpoint and, chunk ids being
 * the document id and ordinal, rewrites rather than duplicates.
 */
public final class StreamingIngestJob {
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    public static final String NAME = IngestionJobNames.STREAMING;

    private final IngestionSettings settings;
    private final KafkaSettings kafka;

    public StreamingIngestJob(IngestionSettings settings, KafkaSettings kafka) {
        this.settings = settings;
        this.kafka = kafka;
    }

    /**
     * A job jar's entry point ({@code flink run -c dev.docflow.ingest.StreamingIngestJob …}): reads
     * {@link IngestConfig} (the uploads topic is {@code kafka.uploads-topic}, the one the agent
     * service publishes to) and submits the job to the environment Flink gives.
     */
    public static void main(String[] args) throws Exception {
        IngestConfig config = IngestConfig.load(System.getenv(), args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(config.parallelism());
        new StreamingIngestJob(config.ingestion(), config.kafka()).start(env);
    }

    /** Submits the job to {@code env} and returns at once; the job runs until cancelled. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        return start(env, UnaryOperator.identity());
    }

    /** As {@link #start(StreamExecutionEnvironment)}, with {@code interpose} between the uploads and the pipeline. */
    JobClient start(StreamExecutionEnvironment env, UnaryOperator<DataStream<DocumentRef>> interpose) throws Exception {
        UploadsTopic.ensureExists(kafka.bootstrapServers(), kafka.uploadsTopic());
        try (ChunkIndex index = new ChunkIndex(settings.elasticsearch())) {
            index.ensureExists();
        }
        IngestionPipeline.configureCheckpoints(env, settings, CHECKPOINT_INTERVAL);
        KafkaSource<DocumentRef> uploads = KafkaSource.<DocumentRef>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.uploadsTopic())
                .setGroupId(kafka.consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new UploadEventDeserializer())
                .build();
        IngestionPipeline.attach(interpose.apply(
                env.fromSource(uploads, WatermarkStrategy.noWatermarks(), "Uploads (Kafka " + kafka.uploadsTopic() + ")")
                        .uid("uploads")
                        // not rebalance(): an old version could then finish after a new one
                        .keyBy(DocumentRef::documentId, Types.STRING)
                        .flatMap(new MarkProcessingFunction(settings.database())).name("Mark processing (PostgreSQL)")
                        .uid("mark-processing")),
                settings, IngestionConnectors.reading(settings, kafka.uploadsTopic()));
        return env.executeAsync(NAME);
    }
}
