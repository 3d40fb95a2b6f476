package dev.docflow.ingest;

import dev.docflow.connectors.contract.IngestionJobNames;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.source.ClaimListedDocumentFunction;
import dev.docflow.ingest.source.KnowledgeBaseSource;
import dev.docflow.ingest.source.ListingPrefix;
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
     * Submits the job over the knowledge base {@code --tenant}/{@code --knowledge-base} (its own
     * folder, or the {@code --source s3://bucket/prefix} given) to the environment Flink gives (the
     * cluster's, under {@code flink run} or the REST API). The objects
     * are not counted first: only the source's enumerator lists them, on the JobManager, a page at a
     * time, and its {@code documentsListed} and {@code listingComplete} gauges show how far it got.
     */
    public static void main(String[] args) throws Exception {
        IngestConfig config = IngestConfig.load(System.getenv(), args);
        String tenant = config.requireTenant();
        String knowledgeBase = config.requireKnowledgeBase();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(config.parallelism());
        ListingPrefix listing = config.listingFor(tenant, knowledgeBase);
        new BulkIngestJob(config.ingestion()).run(env, tenant, knowledgeBase, listing, UNCOUNTED);
        LOG.info("bulk ingestion ended tenant={} knowledgeBase={} source={}", tenant, knowledgeBase, listing);
    }

    /** For {@link #run(StreamExecutionEnvironment, String, String, long)}: the objects were not counted. */
    public static final long UNCOUNTED = -1;

    /** What a run was asked to do and what it did ({@code documents}: as counted, or {@link #UNCOUNTED}). */
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
     * knowledge base's objects already (the launcher, for its progress bar) or will not count them
     * ({@link #UNCOUNTED}: the job's {@code main}): the bucket is not walked a second time before the
     * source walks it. A counted 0 submits nothing.
     */
    public Run run(StreamExecutionEnvironment env, String tenant, String knowledgeBase, long documents) throws Exception {
        return run(env, tenant, knowledgeBase,
                ListingPrefix.ofKnowledgeBase(settings.objectStore().bucket(), tenant, knowledgeBase), documents);
    }

    /**
     * As {@link #run(StreamExecutionEnvironment, String, String, long)}, over the objects under
     * {@code listing}: the knowledge base's own folder, or another bucket's prefix on the same store,
     * whose files are read where they are and recorded as {@code s3://bucket/key}.
     */
    public Run run(StreamExecutionEnvironment env, String tenant, String knowledgeBase, ListingPrefix listing,
            long documents) throws Exception {
        new ObjectStore(settings.objectStore()).ensureBucket();
        try (ChunkIndex index = new ChunkIndex(settings.elasticsearch())) {
            index.ensureExists();
        }
        KnowledgeBase kb;
        try (Database database = Database.open(settings.database())) {
            kb = database.knowledgeBases().ensure(tenant, knowledgeBase);
        }
        if (documents == 0) {
            return new Run(tenant, knowledgeBase, 0, null);
        }
        // unaligned: a document can take seconds (OCR): an aligned barrier would wait behind all
        // those queued, and no outcome would be committed until they were done
        IngestionPipeline.configureCheckpoints(env, settings, CHECKPOINT_INTERVAL);
        IngestionPipeline.attach(
                env.fromSource(new KnowledgeBaseSource(settings.objectStore(), listing),
                                WatermarkStrategy.noWatermarks(), "Objects of " + tenant + "/" + knowledgeBase)
                        .uid("list-objects")
                        .map(new ClaimListedDocumentFunction(settings.database(), kb, listing, settings.objectStore().bucket()))
                        .name("Record as processing").uid("claim-documents")
                        .rebalance(),
                settings, IngestionConnectors.of(settings, Math.max(documents, 0)));
        JobExecutionResult result = env.execute(IngestionJobNames.bulk(tenant, knowledgeBase));
        try (ChunkIndex index = new ChunkIndex(settings.elasticsearch())) {
            index.refresh();
        }
        return new Run(tenant, knowledgeBase, (int) documents, result);
    }
}
