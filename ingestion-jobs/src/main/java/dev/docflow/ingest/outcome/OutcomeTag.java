package dev.docflow.ingest.outcome;

import dev.docflow.ingest.model.DocumentOutcome;
import org.apache.flink.util.OutputTag;

/** The side output every stage reports documents' outcomes on. */
public final class OutcomeTag {
    public static final OutputTag<DocumentOutcome> OUTCOMES = new OutputTag<>("document-outcomes") {};

    private OutcomeTag() {}
}
