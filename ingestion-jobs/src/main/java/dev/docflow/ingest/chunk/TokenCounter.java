package dev.docflow.ingest.chunk;

/** Counts the tokens the embedding model will see in a text. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
