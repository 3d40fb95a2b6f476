package dev.docflow.connectors.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis done in Java, identically at index and at query time. Elasticsearch's own
 * {@code english} analyzer lives in the {@code analysis-common} module, which the embedded
 * distribution lacks; doing it here makes the same index work on every Elasticsearch.
 *
 * <p>Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class EnglishTextAnalyzer implements AutoCloseable {
    private final Analyzer analyzer = new EnglishAnalyzer();

    /** Returns the stemmed terms of {@code text}, separated by single spaces. */
    public String analyze(String text) {
        StringJoiner terms = new StringJoiner(" ");
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("English analysis failed", e);
        }
        return terms.toString();
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
