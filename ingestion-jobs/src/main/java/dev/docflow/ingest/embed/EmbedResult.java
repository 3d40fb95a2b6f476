package dev.docflow.ingest.embed;

import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedDocument;

/**
 * What the embed stage made of one document: its chunks with their embeddings, or its failure.
 * The async embed function emits it because an async function has no side output; right after
 * it, {@link RouteEmbedResultsFunction} sends the embedded ones on and the failures to the
 * outcomes.
 *
 * <p>A record with exactly one of its two fields set rather than a sealed interface with two
 * records: Flink serialises a record as a POJO (null fields included), where an interface would
 * fall back to Kryo, which the pipeline's tests switch off.
 *
 * @param embedded the document, ready to index; null when it failed
 * @param failure its outcome, {@code failed} at stage {@code embed}; null when it was embedded
 */
public record EmbedResult(EmbeddedDocument embedded, DocumentOutcome failure) {
    public EmbedResult {
        if ((embedded == null) == (failure == null)) {
            throw new IllegalArgumentException("an embed result is either a document or a failure");
        }
        if (failure != null && failure.indexed()) {
            throw new IllegalArgumentException("an embed failure must be a failed outcome: " + failure);
        }
    }

    public static EmbedResult embedded(EmbeddedDocument document) {
        return new EmbedResult(document, null);
    }

    public static EmbedResult failed(DocumentOutcome failure) {
        return new EmbedResult(null, failure);
    }

    public boolean isFailure() {
        return failure != null;
    }
}
