package dev.docflow.ingest.chunk;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/**
 * Counts word pieces with the BERT uncased tokenizer that all-MiniLM-L6-v2 was trained with
 * (LangChain4j ships its tokenizer.json in the jar: no download).
 */
public final class WordPieceTokenCounter implements TokenCounter {
    private final HuggingFaceTokenCountEstimator tokenizer = new HuggingFaceTokenCountEstimator();

    @Override
    public int count(String text) {
        return tokenizer.estimateTokenCountInText(text);
    }
}
