package dev.docflow.ingest.testutils;

import dev.docflow.ingest.model.DocumentOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/** The outcome sink's place in a MiniCluster test: every outcome, in this JVM (one run at a time). */
public final class CollectingOutcomes implements Sink<DocumentOutcome> {
    private static final List<DocumentOutcome> OUTCOMES = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<DocumentOutcome> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(DocumentOutcome outcome, Context writeContext) {
                OUTCOMES.add(outcome);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    public static List<DocumentOutcome> outcomes() {
        return List.copyOf(OUTCOMES);
    }

    public static void clear() {
        OUTCOMES.clear();
    }
}
