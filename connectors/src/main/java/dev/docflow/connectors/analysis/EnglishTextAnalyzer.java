package dev.docflow.connectors.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.StringJoiner;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis done in Java, identically at index and at query time. Elasticsearch's own
 * {@code english} analyzer lives in the {@code analysis-common} module, which the embedded
 * distribution lacks; doing it here makes the same index work on every Elasticsearch.
 *
 * <p>Lucene's English chain (standard tokenizer, possessives, lower case, stop words, Porter stems)
 * with one step added before lower-casing: an identifier is kept whole and also split into its
 * words ({@code pg_stat_activity} → {@code pg_stat_activity pg stat activity}, {@code
 * maxParallelism} → {@code maxparallelism max parallelism}, {@code read.csv} → {@code read.csv read
 * csv}), so a question naming it either way finds it. Digits stay with their letters ({@code
 * utf8}, {@code 4MB}).
 *
 * <p>Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class EnglishTextAnalyzer implements AutoCloseable {
    private static final int IDENTIFIER_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new WordDelimiterGraphFilter(result, IDENTIFIER_PARTS, null);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }
    };

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
