package dev.docflow.agent.chat;

import dev.docflow.agent.answer.AnswerDeadlineExceededException;
import dev.docflow.agent.answer.AnswerListener;
import dev.docflow.agent.answer.Deadline;
import dev.docflow.agent.answer.AnswerProvider;
import dev.docflow.agent.answer.RelevanceGate;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.citations.CitedAnswer;
import dev.docflow.agent.citations.SourceLinks;
import dev.docflow.agent.conversation.ConversationService;
import dev.docflow.agent.conversation.StoredExchange;
import dev.docflow.agent.citations.Passage;
import dev.docflow.agent.citations.PassageMerger;
import dev.docflow.agent.conversation.FollowUpRewriter;
import dev.docflow.agent.conversation.Turn;
import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.agent.retrieval.HybridRetriever;
import dev.docflow.agent.retrieval.Question;
import dev.docflow.agent.retrieval.QuestionEncoder;
import dev.docflow.agent.retrieval.Retrieval;
import dev.docflow.agent.retrieval.RetrievalScope;
import dev.docflow.agent.retrieval.RetrievalSettings;
import dev.docflow.connectors.postgres.CitableDocument;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.postgres.KnowledgeBaseRepository;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat turn: check the knowledge base is the tenant's, make the message standalone, retrieve,
 * decide whether there is an answer, write it. No HTTP here. Thread-safe when its collaborators are.
 */
public final class ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final KnowledgeBaseRepository knowledgeBases;
    private final DocumentRepository documents;
    private final QuestionEncoder encoder;
    private final HybridRetriever retriever;
    private final RetrievalSettings retrievalSettings;
    private final RelevanceGate gate;
    private final AnswerProvider answers;
    private final FollowUpRewriter rewriter;
    private final ConversationService conversations;
    private final SourceLinks links;
    private final AnswerSlots slots;
    private final Duration answerDeadline;
    private final ChatTimings timings;

    /**
     * @param slots how many answers each tenant may have in progress
     * @param answerDeadline longest one answer may take
     * @param timings told how long retrieval and the answer took
     */
    public ChatService(KnowledgeBaseRepository knowledgeBases, DocumentRepository documents, QuestionEncoder encoder,
            HybridRetriever retriever, RetrievalSettings retrievalSettings, RelevanceGate gate, AnswerProvider answers,
            FollowUpRewriter rewriter, ConversationService conversations, SourceLinks links, AnswerSlots slots,
            Duration answerDeadline, ChatTimings timings) {
        this.knowledgeBases = knowledgeBases;
        this.documents = documents;
        this.encoder = encoder;
        this.retriever = retriever;
        this.retrievalSettings = retrievalSettings;
        this.gate = gate;
        this.answers = answers;
        this.rewriter = rewriter;
        this.conversations = conversations;
        this.links = links;
        this.slots = slots;
        this.answerDeadline = answerDeadline;
        this.timings = timings;
    }

    /** {@link #chat(ChatQuery, AnswerListener)} for a caller that wants only the finished reply. */
    public ChatReply chat(ChatQuery query) {
        return chat(query, AnswerListener.NONE);
    }

    /**
     * Answers {@code query}, telling {@code listener} the citations and then the text as they are
     * written (a "not found" answer comes as no citations and one piece of text). The exchange is
     * stored only once the answer is complete.
     *
     * <p>At most {@code slots} answers of one tenant are in progress at once, each within the
     * answer deadline: checked between the stages, and waited for no longer inside the answer.
     *
     * @throws TooManyConcurrentAnswersException when the tenant has all its answers in progress
     * @throws AnswerDeadlineExceededException when the answer is not finished within the deadline
     * @throws KnowledgeBaseNotFoundException when the tenant has no knowledge base of that name
     * @throws dev.docflow.agent.conversation.ConversationNotFoundException when the tenant has no
     *     conversation of the query's id
     */
    public ChatReply chat(ChatQuery query, AnswerListener listener) {
        try (AnswerSlots.Slot slot = slots.acquire(query.tenant())) {
            return answer(query, listener, Deadline.after(answerDeadline));
        }
    }

    private ChatReply answer(ChatQuery query, AnswerListener listener, Deadline deadline) {
        long started = System.nanoTime();
        KnowledgeBase knowledgeBase = knowledgeBases.find(query.tenant(), query.knowledgeBase())
                .orElseThrow(() -> new KnowledgeBaseNotFoundException(query.knowledgeBase()));
        List<Turn> history = query.conversationId() == null ? query.history()
                : conversations.history(query.tenant(), knowledgeBase, query.conversationId());
        String standalone = rewriter.standalone(query.message(), history);
        deadline.check();
        long retrievalStarted = System.nanoTime();
        Question question = encoder.encode(standalone);
        int topK = query.topK() == null ? retrievalSettings.topK() : query.topK();
        RetrievalScope scope = new RetrievalScope(query.tenant(), query.knowledgeBase(), knowledgeBase.id().toString(),
                query.filter());
        Retrieval retrieved = retriever.retrieve(question, scope, query.mode(), topK);
        Map<String, String> files = citableFiles(retrieved);
        Retrieval retrieval = citable(retrieved, files);
        long answerStarted = System.nanoTime();
        timings.retrieved(query.mode(), Duration.ofNanos(answerStarted - retrievalStarted));
        deadline.check();
        LinkingListener linking = new LinkingListener(listener, files);
        Optional<CitedAnswer> found = answer(question, retrieval, history, linking, deadline);
        CitedAnswer answer = found.orElseGet(() -> notFound(query.knowledgeBase(), linking));
        timings.answered(found.isPresent(), Duration.ofNanos(System.nanoTime() - answerStarted));
        deadline.check(); // a late answer is not stored: the client has been told it failed
        List<Citation> citations = linking.linked(answer.citations());
        StoredExchange stored = query.store()
                ? conversations.record(query.conversationId(), knowledgeBase, query.message(), answer.text(), citations)
                : null;
        ChatReply reply = new ChatReply(answer.text(), citations, query.knowledgeBase(),
                stored == null ? null : stored.conversationId(), stored == null ? null : stored.messageId(), answer.warnings());
        LOG.info("chat tenant={} knowledgeBase={} retrieval={} rewritten={} chunks={} bestSimilarity={} citations={} tookMs={}",
                query.tenant(), query.knowledgeBase(), query.mode().label(), !standalone.equals(query.message()),
                retrieval.chunks().size(), String.format(Locale.ROOT, "%.3f", retrieval.bestSimilarity()),
                reply.citations().size(), (System.nanoTime() - started) / 1_000_000);
        return reply;
    }

    private Optional<CitedAnswer> answer(Question question, Retrieval retrieval, List<Turn> history, AnswerListener listener,
            Deadline deadline) {
        if (!gate.admits(question, retrieval)) {
            return Optional.empty();
        }
        List<Passage> passages = PassageMerger.merge(retrieval.chunks());
        return answers.answer(question, passages, history, listener, deadline);
    }

    private static CitedAnswer notFound(String knowledgeBase, AnswerListener listener) {
        String text = ChatReply.notFoundText(knowledgeBase);
        listener.citations(List.of());
        listener.delta(text);
        return new CitedAnswer(text, List.of());
    }

    /** Adds links to the citations as they pass, and remembers them for the finished reply. */
    private final class LinkingListener implements AnswerListener {
        private final AnswerListener listener;
        private final Map<String, String> files;
        private final Map<Integer, Citation> sent = new HashMap<>();

        LinkingListener(AnswerListener listener, Map<String, String> files) {
            this.listener = listener;
            this.files = files;
        }

        @Override
        public void citations(List<Citation> citations) {
            List<Citation> linked = links.link(citations, files);
            linked.forEach(citation -> sent.put(citation.n(), citation));
            listener.citations(linked);
        }

        @Override
        public void delta(String text) {
            listener.delta(text);
        }

        List<Citation> linked(List<Citation> cited) {
            return cited.stream().map(citation -> sent.getOrDefault(citation.n(), citation)).toList();
        }
    }

    /**
     * The object keys of the retrieved chunks' documents that may be cited: not deleted, nor being
     * deleted, since they were indexed. One query serves both the check and the links.
     */
    private Map<String, String> citableFiles(Retrieval retrieval) {
        if (retrieval.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = retrieval.chunks().stream().map(chunk -> UUID.fromString(chunk.documentId())).distinct()
                .toArray(UUID[]::new);
        return documents.citableDocuments(ids).stream()
                .collect(Collectors.toMap(document -> document.id().toString(), CitableDocument::objectKey));
    }

    private static Retrieval citable(Retrieval retrieval, Map<String, String> files) {
        if (retrieval.chunks().stream().allMatch(chunk -> files.containsKey(chunk.documentId()))) {
            return retrieval;
        }
        return new Retrieval(retrieval.chunks().stream().filter(chunk -> files.containsKey(chunk.documentId())).toList(),
                retrieval.bestSimilarity());
    }
}
