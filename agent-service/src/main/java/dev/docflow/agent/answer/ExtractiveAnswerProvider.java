package dev.docflow.agent.answer;

import dev.docflow.agent.answer.QuotableSentences.Sentence;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.citations.Statement;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.StemmedTerms;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import dev.docflow.agent.citations.CitationNumbering;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.conversation.Turn;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers without a language model by quoting the passages' best sentences. Each quotable sentence
 * is scored against the question: {@value #SIMILARITY_WEIGHT} × cosine of their embeddings + the
 * rest × the share of the question's stemmed terms it contains. The best few that reach
 * {@link AnswerSettings#minSentenceScore()}, and are not far behind the best one, are quoted in
 * passage order and, within a passage, in document order.
 *
 * <p>Thread-safe when the embedding model is.
 */
public final class ExtractiveAnswerProvider implements AnswerProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractiveAnswerProvider.class);
    static final double SIMILARITY_WEIGHT = 0.75;
    /** A sentence scoring this far below the best one is a digression, not part of the answer. */
    static final double MAX_GAP_TO_BEST = 0.10;
    /** Bounds embedding work per question (about 0.2 s on two cores for 40 sentences). */
    static final int MAX_SENTENCES_SCORED = 64;

    private final EmbeddingModel model;
    private final StemmedTerms terms;
    private final AnswerSettings settings;

    public ExtractiveAnswerProvider(EmbeddingModel model, StemmedTerms terms, AnswerSettings settings) {
        this.model = model;
        this.terms = terms;
        this.settings = settings;
    }

    private record Scored(Sentence sentence, double score) {}

    /**
     * Numbers the picked sentences' citations and hands the listener the citations, then one
     * sentence at a time.
     */
    @Override
    public Optional<CitedAnswer> answer(Question question, List<Passage> passages, List<Turn> history, AnswerListener listener,
            Deadline deadline) {
        List<Statement> statements = statements(question, passages);
        deadline.check(); // scoring the sentences is the slow part: embedding each of them
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        CitedAnswer cited = CitationNumbering.number(statements, passages);
        listener.citations(cited.citations());
        for (String piece : CitationNumbering.pieces(statements, passages)) {
            listener.delta(piece);
        }
        return Optional.of(cited);
    }

    /** The sentences that answer {@code question}, in reading order; empty when none is good enough. */
    List<Statement> statements(Question question, List<Passage> passages) {
        List<Sentence> sentences = QuotableSentences.of(passages, MAX_SENTENCES_SCORED);
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            segments.add(TextSegment.from(sentence.text()));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<Scored> scored = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            double score = SIMILARITY_WEIGHT * cosine(question.embedding(), embeddings.get(i).vector())
                    + (1 - SIMILARITY_WEIGHT) * termShare(question.terms(), sentences.get(i).text());
            scored.add(new Scored(sentences.get(i), score));
        }
        return pick(scored);
    }

    private List<Statement> pick(List<Scored> scored) {
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        double best = scored.get(0).score();
        double bar = Math.max(settings.minSentenceScore(), best - MAX_GAP_TO_BEST);
        List<Sentence> picked = new ArrayList<>();
        for (Scored candidate : scored) {
            if (candidate.score() < bar || picked.size() == settings.maxSentences()) {
                break;
            }
            picked.add(candidate.sentence());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("extractive answer sentences={} bestScore={} quoted={}", scored.size(),
                    String.format(Locale.ROOT, "%.3f", best), picked.size());
        }
        picked.sort(Comparator.comparingInt(Sentence::passage).thenComparingInt(Sentence::start));
        List<Statement> statements = new ArrayList<>(picked.size());
        for (Sentence sentence : picked) {
            statements.add(Statement.of(sentence.text(), sentence.passage()));
        }
        return statements;
    }

    private double termShare(Set<String> questionTerms, String sentence) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(terms.of(sentence));
        shared.retainAll(questionTerms);
        return (double) shared.size() / questionTerms.size();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
