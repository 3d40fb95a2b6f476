package dev.docflow.ingest.outcome;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.connectors.contract.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records documents' outcomes in PostgreSQL, in one transaction per {@link #RECORD_INTERVAL} (and
 * at each checkpoint and the end of input, when Flink flushes the writer); an {@code indexed}
 * outcome only comes after the index stage has written the document's chunks, so a document is
 * never shown indexed before its chunks are searchable.
 *
 * <p>Why not only at checkpoints, as once: a checkpoint completes when its barrier has passed
 * every subtask, so it waits for the slowest document in flight (a 3,005-chunk spreadsheet embeds
 * for minutes), and every other document's status waited with it, though their chunks were long
 * written. Recording sooner is safe because an outcome exists only once its write was
 * acknowledged; a failure before the next checkpoint replays the document, which writes the same
 * chunk ids and settles the same version again. Each outcome settles only the version its document's row waits for (see {@code
 * DocumentRepository.settleIndexed}): an outcome of a version replaced while in flight, or of a
 * document being deleted, changes nothing.
 */
public class RecordOutcomeSink implements Sink<DocumentOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(RecordOutcomeSink.class);
    private final DatabaseSettings settings;
    private final long documentsTotal;
    private final String heartbeatTopic;

    /**
     * @param documentsTotal documents the job will see (its progress is done / total), 0 when unknown
     * @param heartbeatTopic the uploads topic the job reads, whose heartbeat each recording renews
     *     (the agent service's reconciler tells a queue from a lost event by it); null for a job
     *     that reads no topic
     */
    public RecordOutcomeSink(DatabaseSettings settings, long documentsTotal, String heartbeatTopic) {
        this.settings = settings;
        this.documentsTotal = documentsTotal;
        this.heartbeatTopic = heartbeatTopic;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<DocumentOutcome> createWriter(InitContext context) {
        return new Writer(Database.forSubtask(settings),
                new OutcomeMetrics(context.metricGroup(), documentsTotal, context.getTaskInfo().getIndexOfThisSubtask() == 0),
                context.getProcessingTimeService(), heartbeatTopic);
    }

    /** How long an outcome may wait to be recorded: a status shows within about this. */
    public static final Duration RECORD_INTERVAL = Duration.ofSeconds(1);

    static final class Writer implements SinkWriter<DocumentOutcome> {
        private final Database database;
        private final OutcomeMetrics metrics;
        private final ProcessingTimeService time;
        private final String heartbeatTopic;
        private final List<DocumentOutcome> pending = new ArrayList<>();
        private boolean closed;

        /**
         * @param time the task's timers: a timer's callback runs in the task thread, never beside {@link #write}
         * @param heartbeatTopic see {@link RecordOutcomeSink#RecordOutcomeSink}; null for none
         */
        Writer(Database database, OutcomeMetrics metrics, ProcessingTimeService time, String heartbeatTopic) {
            this.database = database;
            this.metrics = metrics;
            this.time = time;
            this.heartbeatTopic = heartbeatTopic;
        }

        @Override
        public void write(DocumentOutcome outcome, Context context) {
            metrics.done(outcome);
            if (pending.isEmpty()) {
                time.registerTimer(time.getCurrentProcessingTime() + RECORD_INTERVAL.toMillis(), now -> {
                    if (!closed) {
                        flush(false);
                    }
                });
            }
            pending.add(outcome);
        }

        /** The outcomes not yet recorded, in one transaction: all of them or, should it fail, none. */
        @Override
        public void flush(boolean endOfInput) {
            if (pending.isEmpty()) {
                return;
            }
            database.inTransaction(DocumentRepository.class, documents -> {
                for (DocumentOutcome outcome : pending) {
                    record(documents, outcome);
                }
                if (heartbeatTopic != null) {
                    documents.heartbeats().beat(heartbeatTopic);
                }
                return null;
            });
            pending.clear();
        }

        private static void record(DocumentRepository documents, DocumentOutcome outcome) {
            UUID id = UUID.fromString(outcome.documentId());
            boolean settled = outcome.indexed()
                    ? documents.settleIndexed(id, outcome.objectKey(),
                            outcome.pageCount() == 0 ? null : outcome.pageCount(), outcome.chunkCount())
                    : documents.settleFailed(id, outcome.objectKey(), outcome.stage(), outcome.reason(), outcome.message(),
                            servedChunksIntact(outcome));
            if (!settled) {
                LOG.debug("outcome of a replaced version left unrecorded documentId={} objectKey={}",
                        outcome.documentId(), outcome.objectKey());
            }
        }

        /**
         * A version that failed before the index stage left the served version's chunks as they
         * were; one the index refused had begun to overwrite them, and the index stage removed the
         * document's chunks.
         */
        private static boolean servedChunksIntact(DocumentOutcome outcome) {
            return !Stage.INDEX.code().equals(outcome.stage());
        }

        @Override
        public void close() {
            closed = true;
            pending.clear();
            database.close();
        }
    }
}
