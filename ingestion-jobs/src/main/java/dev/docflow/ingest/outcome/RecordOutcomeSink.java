package dev.docflow.ingest.outcome;

import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.connectors.contract.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records documents' outcomes in PostgreSQL. Outcomes are held until the writer flushes, which
 * Flink does at each checkpoint and at the end of input; an {@code indexed} outcome only comes
 * after the index stage has written the document's chunks, so a document is never shown indexed
 * before its chunks are searchable. Each outcome settles only the version its document's row waits for (see {@code
 * DocumentRepository.settleIndexed}): an outcome of a version replaced while in flight, or of a
 * document being deleted, changes nothing.
 */
public class RecordOutcomeSink implements Sink<DocumentOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(RecordOutcomeSink.class);
    private final DatabaseSettings settings;
    private final long documentsTotal;

    /** @param documentsTotal documents the job will see (its progress is done / total), 0 when unknown */
    public RecordOutcomeSink(DatabaseSettings settings, long documentsTotal) {
        this.settings = settings;
        this.documentsTotal = documentsTotal;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<DocumentOutcome> createWriter(InitContext context) {
        return new Writer(Database.forSubtask(settings),
                new OutcomeMetrics(context.metricGroup(), documentsTotal, context.getTaskInfo().getIndexOfThisSubtask() == 0));
    }

    static final class Writer implements SinkWriter<DocumentOutcome> {
        private final Database database;
        private final OutcomeMetrics metrics;
        private final List<DocumentOutcome> pending = new ArrayList<>();

        Writer(Database database, OutcomeMetrics metrics) {
            this.database = database;
            this.metrics = metrics;
        }

        @Override
        public void write(DocumentOutcome outcome, Context context) {
            metrics.done(outcome);
            pending.add(outcome);
        }

        /** The outcomes since the last checkpoint, recorded in one transaction: all of them or, should it fail, none. */
        @Override
        public void flush(boolean endOfInput) {
            if (pending.isEmpty()) {
                return;
            }
            database.inTransaction(DocumentRepository.class, documents -> {
                for (DocumentOutcome outcome : pending) {
                    record(documents, outcome);
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
            pending.clear();
            database.close();
        }
    }
}
