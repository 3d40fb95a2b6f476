package dev.docflow.ingest.chunk;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Counts word pieces with the BERT uncased tokenizer that all-MiniLM-L6-v2 was trained with
 * (LangChain4j ships its tokenizer.json in the jar: no download). Counts leave out [CLS] and
 * [SEP]: the chunker adds those two once per chunk.
 */
public final class WordPieceTokenCounter implements TokenCounter {
    private final HuggingFaceTokenizer tokenizer;

    public WordPieceTokenCounter() {
        // the file and options of LangChain4j's HuggingFaceTokenCountEstimator, whose counts these are
        try (InputStream json = HuggingFaceTokenCountEstimator.class.getResourceAsStream("/bert-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LangChain4j's bert-tokenizer.json", e);
        }
    }

    @Override
    public int count(String text) {
        return encode(text).getIds().length;
    }

    /** Tokenizes the text once; its ranges are counted from the pieces' offsets. */
    @Override
    public RangeCounts ranges(String text) {
        return ranges(text, this);
    }

    /** @param cutWords counts the ranges that cut a word (a test counts those calls) */
    RangeCounts ranges(String text, TokenCounter cutWords) {
        return new WordPieces(text, encode(text), cutWords);
    }

    private Encoding encode(String text) {
        return tokenizer.encode(text, false, true);
    }
}
