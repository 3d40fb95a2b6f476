package dev.docflow.agent.answer;

import dev.docflow.agent.answer.Quotables.Quotable;
import dev.docflow.agent.answer.QuoteSelection.Scored;
import dev.docflow.agent.answer.QuoteSelection.Selection;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.citations.CitationNumbering;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.StemmedTerms;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers without a language model by quoting the passages' best sentences, code/config lines and
 * table rows ({@link Quotables}). Each is scored against the question: {@value #SIMILARITY_WEIGHT} ×
 * cosine of their embeddings + the rest × the share of the question's stemmed terms it contains,
 * + a small prior for the rank of its passage ({@link #RANK_PRIOR}).
 * A line or row scores at least the share of the question's terms it holds. {@link QuoteSelection}
 * decides what is quoted and cited.
 *
 * <p>Thread-safe when the embedding model is.
 */
public final class ExtractiveAnswerProvider implements AnswerProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractiveAnswerProvider.class);
    static final double SIMILARITY_WEIGHT = 0.75;
    /** Citations shown besides the quoted passages: a reader checks about five sources. */
    static final int MAX_CITATIONS = 5;
    /**
     * What a quotable of the first-ranked passage gains over an unranked one; the passage at index
     * {@code p} gains {@code RANK_PRIOR / (1 + p)}. Two sentences that read alike for the question
     * are told apart by how retrieval ranked their passages, which saw the whole passage, its
     * heading and both searches. Tuning half of issue 12's set (docs, R manuals, tables; hybrid):
     * 0 → 0.05 raised citation recall@1 0.500 → 0.516, recall@5 0.677 → 0.694, answer accuracy
     * 0.403 → 0.435; 0.10 was worse than 0.05 (0.500, 0.694, 0.387).
     */
    static final double RANK_PRIOR = 0.05;
    /**
     * What a quotable holding a value gains when the question asks for one ({@link AskedValues}).
     * Of the tuning half's wrong answers, 20 in 85 cited the right passage and quoted its sentences
     * that restate the question, not the one holding the value (a setting line, a figure, a
     * keyword). Tuning half of issue 12's set (bge-small-q, hybrid), 0 → 0.05 → 0.10: answer
     * accuracy 0.576 → 0.600 → 0.588, citation recall@1 0.471 → 0.494 → 0.494, MRR 0.572 → 0.588 →
     * 0.584, answerable questions refused 0.024 → 0.012 → 0.012.
     */
    static final double VALUE_BONUS = 0.05;

    private final EmbeddingModel model;
    private final StemmedTerms terms;
    private final AnswerSettings settings;

    public ExtractiveAnswerProvider(EmbeddingModel model, StemmedTerms terms, AnswerSettings settings) {
        this.model = model;
        this.terms = terms;
        this.settings = settings;
    }

    /** Hands the listener the citations, then one quote at a time with its marker. */
    @Override
    public Optional<CitedAnswer> answer(Question question, List<Passage> passages, List<Turn> history, AnswerListener listener,
            Deadline deadline) {
        Selection selection = select(question, passages);
        deadline.check(); // scoring the quotables is the slow part: embedding each of them
        if (selection.isEmpty()) {
            return Optional.empty();
        }
        List<Passage> cited = new ArrayList<>(selection.citedPassages().size());
        selection.citedPassages().forEach(index -> cited.add(passages.get(index)));
        List<Citation> citations = CitationNumbering.all(cited);
        listener.citations(citations);
        List<String> pieces = pieces(selection);
        pieces.forEach(listener::delta);
        return Optional.of(new CitedAnswer(String.join("", pieces), citations));
    }

    /** What to cite and quote for {@code question}; empty when no quotable is good enough. */
    Selection select(Question question, List<Passage> passages) {
        List<Quotable> quotables = Quotables.of(passages, settings.maxQuotables());
        if (quotables.isEmpty()) {
            return new Selection(List.of(), List.of());
        }
        List<TextSegment> segments = new ArrayList<>(quotables.size());
        for (Quotable quotable : quotables) {
            segments.add(TextSegment.from(quotable.text()));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<Scored> scored = new ArrayList<>(quotables.size());
        AskedValues asked = AskedValues.of(question.text());
        for (int i = 0; i < quotables.size(); i++) {
            Quotable quotable = quotables.get(i);
            double termShare = termShare(question.terms(), quotable.text());
            double score = SIMILARITY_WEIGHT * cosine(question.embedding(), embeddings.get(i).vector())
                    + (1 - SIMILARITY_WEIGHT) * termShare + rankPrior(quotable.passage());
            if (quotable.kind() != Quotables.Kind.SENTENCE) {
                // a table row or config line embeds poorly (cells, symbols, no sentence), so a row naming
                // most of what the question names counts by that share alone
                score = Math.max(score, termShare);
            }
            if (asked.heldBy(quotable.text())) {
                score += VALUE_BONUS;
            }
            scored.add(new Scored(quotable, score, termShare > 0));
        }
        Selection selection = QuoteSelection.select(scored, passages.size(), MAX_CITATIONS,
                settings.minSentenceScore(), settings.maxSentences());
        if (LOG.isDebugEnabled()) {
            LOG.debug("extractive answer quotables={} cited={} quoted={}", scored.size(),
                    selection.citedPassages(), selection.quotes().size());
        }
        return selection;
    }

    /** The answer's text cut after each quote and its marker; joined, they are the answer. */
    static List<String> pieces(Selection selection) {
        List<String> pieces = new ArrayList<>(selection.quotes().size());
        for (Scored quote : selection.quotes()) {
            String separator = pieces.isEmpty() ? "" : " ";
            pieces.add(separator + quote.quotable().text().strip() + " [" + selection.citationOf(quote) + "]");
        }
        return pieces;
    }

    private double termShare(Set<String> questionTerms, String text) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(terms.of(text));
        shared.retainAll(questionTerms);
        return (double) shared.size() / questionTerms.size();
    }

    static double rankPrior(int passage) {
        return RANK_PRIOR / (1 + passage);
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
