package dev.docflow.ingest;

import dev.docflow.ingest.index.IndexChunksFunction;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.ingest.outcome.RecordOutcomeSink;
import dev.docflow.ingest.parse.DocumentFiles;
import dev.docflow.ingest.parse.ObjectStoreFiles;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * What the pipeline reads and writes outside itself, given to it rather than built in, so that it
 * runs against the real servers ({@link #of}) or, in tests, on a MiniCluster over a folder with
 * collecting sinks, as flink-training's exercises take their sources and sinks.
 *
 * @param files where the parse stage fetches each document's bytes
 * @param index writes an embedded document's chunks, keyed by document id, and emits its outcome
 *     once they are written (indexed, or refused)
 * @param outcomes records every document's outcome
 */
public record IngestionConnectors(
        DocumentFiles files,
        KeyedProcessFunction<String, EmbeddedDocument, DocumentOutcome> index,
        Sink<DocumentOutcome> outcomes) {

    /**
     * The object store, Elasticsearch and PostgreSQL of {@code settings}, for a job over a listed
     * source.
     *
     * @param documentsTotal documents the source holds, for the job's progress
     *     ({@code stage.outcome.documentsDone} of {@code documentsTotal}); 0 when not known
     */
    public static IngestionConnectors of(IngestionSettings settings, long documentsTotal) {
        return of(settings, documentsTotal, null);
    }

    /**
     * The same for the job reading {@code uploadsTopic}: its outcomes renew the topic's heartbeat,
     * the sign for the agent service that uploads waiting for their outcome are queued, not lost.
     */
    public static IngestionConnectors reading(IngestionSettings settings, String uploadsTopic) {
        return of(settings, 0, uploadsTopic);
    }

    private static IngestionConnectors of(IngestionSettings settings, long documentsTotal, String heartbeatTopic) {
        return new IngestionConnectors(new ObjectStoreFiles(settings.objectStore()),
                new IndexChunksFunction(settings.elasticsearch(), settings.database()),
                new RecordOutcomeSink(settings.database(), documentsTotal, heartbeatTopic));
    }
}
