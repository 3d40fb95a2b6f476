package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.ingest.outcome.OutcomeTag;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Right after the async embed stage: an embedded document goes on to the index stage, a failed one
 * to the outcomes ({@link OutcomeTag#OUTCOMES}), as every other stage reports its failures. The
 * embed function counted and logged the failure already.
 */
public class RouteEmbedResultsFunction extends ProcessFunction<EmbedResult, EmbeddedDocument> {
    @Override
    public void processElement(EmbedResult result, Context context, Collector<EmbeddedDocument> out) {
        if (result.isFailure()) {
            context.output(OutcomeTag.OUTCOMES, result.failure());
        } else {
            out.collect(result.embedded());
        }
    }
}
