package dev.docflow.ingest;

import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.source.ClaimListedDocumentFunction;
import dev.docflow.ingest.source.KnowledgeBaseSource;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded job: ingests every document of one knowledge base that is in the object store.
 * Re-running it re-indexes the same documents under the same chunk ids; nothing is duplicated.
 *
 * <p>As a job jar's entry point ({@code flink run -c dev.docflow.ingest.BulkIngestJob docflow-ingestion-jobs-…-job.jar
 * --tenant T --knowledge-base KB …}) it reads {@link IngestConfig}; the launcher runs the same
 * {@link #run} with the same configuration on its local cluster.
 */
public final class BulkIngestJob {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIngestJob.class);

    /** Outcomes and chunks are committed at checkpoints, so progress shows while the job runs. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final IngestionSettings settings;

    public BulkIngestJob(IngestionSettings settings) {
        this.settings = settings;
    }

    /**
     * Lists the knowledge base {@code --tenant}/{@code --knowledge-base} and submits the job over
     * it to the environment Flink gives (the cluster's, under {@code flink run} or the REST API).
     */
    public static void main(String[] args) throws Exception {
        IngestConfig config = IngestConfig.load(System.getenv(), args);
        String tenant = config.requireTenant();
        String knowledgeBase = config.requireKnowledgeBase();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(config.parallelism());
        Run run = new BulkIngestJob(config.ingestion()).run(env, tenant, knowledgeBase);
        LOG.info("bulk ingestion submitted tenant={} knowledgeBase={} documents={}", tenant, knowledgeBase, run.documents());
    }

    /** What a run was asked to do and what it did. */
    public record Run(String tenant, String knowledgeBase, int documents, JobExecutionResult result) {}

    /**
     * Runs the pipeline over the knowledge base's objects in {@code env}, blocking until the job
     * ends: the source lists them a page at a time, and each is recorded as processing as it enters.
     */
    public Run run(StreamExecutionEnvironment env, String tenant, String knowledgeBase) throws Exception {
        ObjectStore store = new ObjectStore(settings.objectStore());
        store.ensureBucket();
        // counted page by page: the listing itself happens in the source's enumerator, lazily
        return run(env, tenant, knowledgeBase, KnowledgeBaseSource.count(store, tenant, knowledgeBase));
    }

    /**
     * As {@link #run(StreamExecutionEnvironment, String, String)}, for a caller that has counted the
     * knowledge base's objects already (the launcher, for its progress bar): the bucket is not
     * walked a second time before the source walks it.
     */
    public Run run(StreamExecutionEnvironment env, String tenant, String knowledgeBase, long documents) throws Exception {
        new ObjectStore(settings.objectStore()).ensureBucket();
        try (ChunkIndex index = new ChunkIndex(settings.elasticsearch())) {
            index.ensureExists();
        }
        KnowledgeBase kb = Database.open(settings.database()).knowledgeBases().ensure(tenant, knowledgeBase);
        if (documents == 0) {
            return new Run(tenant, knowledgeBase, 0, null);
        }
        // unaligned: a document can take seconds (OCR): an aligned barrier would wait behind all
        // those queued, and no outcome would be committed until they were done
        IngestionPipeline.configureCheckpoints(env, settings, CHECKPOINT_INTERVAL);
        IngestionPipeline.attach(
                env.fromSource(new KnowledgeBaseSource(settings.objectStore(), tenant, knowledgeBase),
                                WatermarkStrategy.noWatermarks(), "Objects of " + tenant + "/" + knowledgeBase)
                        .uid("list-objects")
                        .map(new ClaimListedDocumentFunction(settings.database(), kb))
                        .name("Record as processing").uid("claim-documents")
                        .rebalance(),
                settings, IngestionConnectors.of(settings, documents));
        JobExecutionResult result = env.execute(IngestionJobNames.bulk(tenant, knowledgeBase));
        try (ChunkIndex index = new ChunkIndex(settings.elasticsearch())) {
            index.refresh();
        }
        return new Run(tenant, knowledgeBase, (int) documents, result);
    }
}
