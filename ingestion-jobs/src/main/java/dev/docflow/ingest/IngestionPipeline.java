package dev.docflow.ingest;

import dev.docflow.ingest.chunk.ChunkDocumentFunction;
import dev.docflow.ingest.embed.EmbedChunksFunction;
import dev.docflow.ingest.index.ChunkIndexSink;
import dev.docflow.ingest.index.FindStaleChunksFunction;
import dev.docflow.ingest.model.ChunkedDocument;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.IndexAction;
import dev.docflow.ingest.model.Stage;
import dev.docflow.ingest.outcome.OutcomeTag;
import dev.docflow.ingest.outcome.RecordOutcomeSink;
import dev.docflow.ingest.parse.ParseDocumentFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The one ingestion pipeline: parse → chunk → embed → index, with every document's outcome
 * recorded. The bulk and streaming jobs differ only in the source they attach it to.
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
        SingleOutputStreamOperator<IndexAction> embedded = chunked
                .process(new EmbedChunksFunction(settings.embeddingModel()))
                .name(Stage.EMBED.operatorName() + " (" + settings.embeddingModel().displayName() + ")").uid("embed");

        DataStream<DocumentOutcome> outcomes = parsed.getSideOutput(OutcomeTag.OUTCOMES)
                .union(chunked.getSideOutput(OutcomeTag.OUTCOMES), embedded.getSideOutput(OutcomeTag.OUTCOMES));

        DataStream<IndexAction> staleChunks = outcomes
                .filter(DocumentOutcome::indexed).name("Indexed documents").uid("indexed-documents")
                .process(new FindStaleChunksFunction(settings.elasticsearch()))
                .name("Find stale chunks").uid("find-stale-chunks");

        embedded.union(staleChunks)
                .sinkTo(ChunkIndexSink.create(settings.elasticsearch()))
                .name(Stage.INDEX.operatorName()).uid("index");
        outcomes.sinkTo(new RecordOutcomeSink(settings.database()))
                .name("Record outcome (PostgreSQL)").uid("record-outcome");
    }
}
