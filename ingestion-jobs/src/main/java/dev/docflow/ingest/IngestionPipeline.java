package dev.docflow.ingest;

import dev.docflow.ingest.chunk.ChunkDocumentFunction;
import dev.docflow.ingest.chunk.Chunker;
import dev.docflow.ingest.embed.EmbedChunksFunction;
import dev.docflow.ingest.index.IndexChunksFunction;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import dev.docflow.ingest.outcome.RecordOutcomeSink;
import dev.docflow.ingest.parse.ParseDocumentFunction;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The one ingestion pipeline: parse → chunk → embed → index, with every document's outcome
 * recorded. The bulk and streaming jobs differ only in the source they attach it to; what it reads
 * and writes outside itself comes in as {@link IngestionConnectors}.
 */
public final class IngestionPipeline {
    /**
     * Beyond one document's time budget, what a checkpoint barrier may still wait for: the parse
     * worker's grace, chunking up to {@code Chunker.MAX_CHUNKS}, and the index writes of a large
     * document with their retries.
     */
    static final Duration CHECKPOINT_MARGIN = Duration.ofMinutes(5);
    /**
     * The longest a document's embedding may hold a barrier: {@link Chunker#MAX_CHUNKS} chunks at 10
     * chunks/s, a loaded two-core machine's pace with bge-small-en-v1.5-q (9.3 measured). Embedding
     * has no time limit of its own (see {@code ChunkEmbedder}), so the checkpoint timeout allows for it.
     */
    static final Duration LARGEST_EMBEDDING = Duration.ofSeconds(Chunker.MAX_CHUNKS / 10);
    /**
     * Checkpoints that may fail in a row (expired, say) before the job fails: a late checkpoint is
     * taken again at the next interval; restarting would replay the slow document and be late again.
     */
    static final int TOLERABLE_CHECKPOINT_FAILURES = 10;

    private IngestionPipeline() {}

    /**
     * Checkpoints every {@code interval}, unaligned, with a timeout no single document can reach. A
     * barrier passes an operator between two records; the longest a record holds one is its
     * document's time budget ({@code parse.max-seconds}, which bounds parse, OCR, tables and chunk),
     * the embedding of the most chunks a document may have ({@link #LARGEST_EMBEDDING}) and
     * {@link #CHECKPOINT_MARGIN}. Outcomes do not wait for checkpoints ({@code RecordOutcomeSink}),
     * so a long one delays no status. With Flink's default timeout (10 min, the
     * same as the default budget) and no tolerated failure, one slow document expired a checkpoint,
     * the job restarted, replayed the same document and expired the next one: a restart loop.
     * Unaligned, so a barrier overtakes the records queued behind a slow one.
     */
    public static void configureCheckpoints(StreamExecutionEnvironment env, IngestionSettings settings, Duration interval) {
        env.enableCheckpointing(interval.toMillis());
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.enableUnalignedCheckpoints();
        checkpoints.setCheckpointTimeout(checkpointTimeout(settings).toMillis());
        checkpoints.setTolerableCheckpointFailureNumber(TOLERABLE_CHECKPOINT_FAILURES);
    }

    static Duration checkpointTimeout(IngestionSettings settings) {
        return Duration.ofSeconds(settings.parseLimits().maxParseSeconds()).plus(LARGEST_EMBEDDING).plus(CHECKPOINT_MARGIN);
    }

    /**
     * The pipeline over {@code documents}, reading and writing through {@code connectors}: parse
     * (with OCR and tables) → chunk → embed → index, and every document's outcome recorded, a
     * failure of parse, chunk or embed from their side outputs, the index stage's once its write is
     * acknowledged.
     */
    public static void attach(DataStream<DocumentRef> documents, IngestionSettings settings, IngestionConnectors connectors) {
        SingleOutputStreamOperator<ExtractedDocument> parsed = documents
                .process(new ParseDocumentFunction(connectors.files(), settings.parseLimits(), settings.extraction()))
                .name(Stage.PARSE.operatorName() + " → " + Stage.OCR.operatorName() + " → " + Stage.TABLES.operatorName())
                .uid("parse");
        SingleOutputStreamOperator<ChunkedDocument> chunked = parsed
                .process(new ChunkDocumentFunction(settings.chunking()))
                .name(Stage.CHUNK.operatorName()).uid("chunk");
        SingleOutputStreamOperator<EmbeddedDocument> embedded = chunked
                .process(new EmbedChunksFunction(settings.embeddingModel()))
                .name(Stage.EMBED.operatorName() + " (" + settings.embeddingModel().displayName() + ")").uid("embed");
        DataStream<DocumentOutcome> indexed = index(embedded, connectors.index());
        recordOutcomes(parsed.getSideOutput(OutcomeTag.OUTCOMES).union(chunked.getSideOutput(OutcomeTag.OUTCOMES),
                embedded.getSideOutput(OutcomeTag.OUTCOMES), indexed), connectors.outcomes());
    }

    /**
     * The index stage: writes each document's chunks and emits its outcome once they are written.
     * Keyed by document id, so the versions of one document are written in order, each after the
     * previous one's chunks are in the index (see {@link IndexChunksFunction}).
     */
    public static DataStream<DocumentOutcome> index(DataStream<EmbeddedDocument> embedded,
            KeyedProcessFunction<String, EmbeddedDocument, DocumentOutcome> writer) {
        return embedded
                .keyBy(document -> document.ref().documentId(), Types.STRING)
                .process(writer)
                .name(Stage.INDEX.operatorName()).uid("index-chunks");
    }

    /** Records every outcome (in PostgreSQL, at checkpoints, with {@link RecordOutcomeSink}). */
    public static void recordOutcomes(DataStream<DocumentOutcome> outcomes, Sink<DocumentOutcome> sink) {
        outcomes.sinkTo(sink).name("Record outcome (PostgreSQL)").uid("record-outcome");
    }
}
