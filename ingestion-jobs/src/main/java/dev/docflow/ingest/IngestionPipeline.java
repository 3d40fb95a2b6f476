package dev.docflow.ingest;

import dev.docflow.ingest.chunk.ChunkDocumentFunction;
import dev.docflow.ingest.embed.EmbedChunksFunction;
import dev.docflow.ingest.index.IndexChunksFunction;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import dev.docflow.ingest.outcome.RecordOutcomeSink;
import dev.docflow.ingest.parse.ParseDocumentFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The one ingestion pipeline: parse → chunk → embed → index, with every document's outcome
 * recorded: a failure of parse or chunk on their side outputs, the index stage's outcome (indexed,
 * or refused by Elasticsearch) once its write is acknowledged. The bulk and streaming jobs differ only in the source they attach it to.
 */
public final class IngestionPipeline {
    private IngestionPipeline() {}

    public static void attach(DataStream<DocumentRef> documents, IngestionSettings settings) {
        SingleOutputStreamOperator<ExtractedDocument> parsed = documents
                .process(new ParseDocumentFunction(settings.objectStore(), settings.parseLimits(), settings.extraction()))
                .name(Stage.PARSE.operatorName() + " → " + Stage.OCR.operatorName() + " → " + Stage.TABLES.operatorName())
                .uid("parse");
        SingleOutputStreamOperator<ChunkedDocument> chunked = parsed
                .process(new ChunkDocumentFunction(settings.chunking()))
                .name(Stage.CHUNK.operatorName()).uid("chunk");
        SingleOutputStreamOperator<EmbeddedDocument> embedded = chunked
                .process(new EmbedChunksFunction(settings.embeddingModel()))
                .name(Stage.EMBED.operatorName() + " (" + settings.embeddingModel().displayName() + ")").uid("embed");
        DataStream<DocumentOutcome> indexed = index(embedded, settings);
        recordOutcomes(parsed.getSideOutput(OutcomeTag.OUTCOMES).union(chunked.getSideOutput(OutcomeTag.OUTCOMES), indexed), settings);
    }

    /**
     * The index stage: writes each document's chunks and emits its outcome once they are written.
     * Keyed by document id, so the versions of one document are written in order, each after the
     * previous one's chunks are in the index (see {@link IndexChunksFunction}).
     */
    public static DataStream<DocumentOutcome> index(DataStream<EmbeddedDocument> embedded, IngestionSettings settings) {
        return embedded
                .keyBy(document -> document.ref().documentId(), Types.STRING)
                .process(new IndexChunksFunction(settings.elasticsearch()))
                .name(Stage.INDEX.operatorName()).uid("index-chunks");
    }

    /** Records every outcome in PostgreSQL, at checkpoints. */
    public static void recordOutcomes(DataStream<DocumentOutcome> outcomes, IngestionSettings settings) {
        outcomes.sinkTo(new RecordOutcomeSink(settings.database()))
                .name("Record outcome (PostgreSQL)").uid("record-outcome");
    }
}
