package dev.docflow.agent.chat;

import dev.docflow.agent.retrieval.RetrievalMode;
import dev.docflow.agent.answer.AnswerProvider;
import dev.docflow.agent.answer.RelevanceGate;
import dev.docflow.agent.citations.CitationNumbering;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.citations.PassageMerger;
import dev.docflow.agent.citations.Statement;
import dev.docflow.agent.retrieval.HybridRetriever;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.QuestionEncoder;
import dev.docflow.agent.retrieval.Retrieval;
import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.KnowledgeBaseRepository;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat turn: check the knowledge base is the tenant's, retrieve, decide whether there is an
 * answer, write it, number its citations. No HTTP here. Thread-safe when its collaborators are.
 */
public final class ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final KnowledgeBaseRepository knowledgeBases;
    private final DocumentRepository documents;
    private final QuestionEncoder encoder;
    private final HybridRetriever retriever;
    private final RelevanceGate gate;
    private final AnswerProvider answers;

    public ChatService(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, QuestionEncoder encoder, HybridRetriever retriever,
            RelevanceGate gate, AnswerProvider answers) {
        this.knowledgeBases = knowledgeBases;
        this.documents = documents;
        this.encoder = encoder;
        this.retriever = retriever;
        this.gate = gate;
        this.answers = answers;
    }

    /**
     * @throws KnowledgeBaseNotFoundException when {@code tenant} has no knowledge base of that name
     */
    public ChatReply chat(String tenant, String knowledgeBase, String message) {
        return chat(tenant, knowledgeBase, message, RetrievalMode.HYBRID);
    }

    /** As {@link #chat(String, String, String)}, retrieving with {@code mode}. */
    public ChatReply chat(String tenant, String knowledgeBase, String message, RetrievalMode mode) {
        long started = System.nanoTime();
        if (knowledgeBases.find(tenant, knowledgeBase).isEmpty()) {
            throw new KnowledgeBaseNotFoundException(knowledgeBase);
        }
        Question question = encoder.encode(message);
        Retrieval retrieval = citable(retriever.retrieve(question, tenant, knowledgeBase, mode));
        ChatReply reply = reply(question, retrieval, knowledgeBase);
        LOG.info("chat tenant={} knowledgeBase={} retrieval={} chunks={} bestSimilarity={} citations={} tookMs={}",
                tenant, knowledgeBase, mode.label(), retrieval.chunks().size(), String.format(Locale.ROOT, "%.3f", retrieval.bestSimilarity()),
                reply.citations().size(), (System.nanoTime() - started) / 1_000_000);
        return reply;
    }

    /** Drops chunks of documents deleted, or being deleted, since they were indexed. */
    private Retrieval citable(Retrieval retrieval) {
        if (retrieval.isEmpty()) {
            return retrieval;
        }
        UUID[] ids = retrieval.chunks().stream().map(chunk -> UUID.fromString(chunk.documentId())).distinct()
                .toArray(UUID[]::new);
        Set<UUID> live = documents.citable(ids);
        if (live.size() == ids.length) {
            return retrieval;
        }
        return new Retrieval(retrieval.chunks().stream()
                .filter(chunk -> live.contains(UUID.fromString(chunk.documentId()))).toList(), retrieval.bestSimilarity());
    }

    private ChatReply reply(Question question, Retrieval retrieval, String knowledgeBase) {
        if (!gate.admits(question, retrieval)) {
            return ChatReply.notFound(knowledgeBase);
        }
        List<Passage> passages = PassageMerger.merge(retrieval.chunks());
        List<Statement> statements = answers.answer(question, passages);
        if (statements.isEmpty()) {
            return ChatReply.notFound(knowledgeBase);
        }
        CitedAnswer cited = CitationNumbering.number(statements, passages);
        return new ChatReply(cited.text(), cited.citations(), knowledgeBase);
    }
}
