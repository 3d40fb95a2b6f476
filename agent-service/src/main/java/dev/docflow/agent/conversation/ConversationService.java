package dev.docflow.agent.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.citations.Citation;
import dev.docflow.agent.citations.SourceLinks;
import dev.docflow.agent.InvalidRequestException;
import dev.docflow.connectors.postgres.ConversationRecord;
import dev.docflow.connectors.postgres.ConversationRepository;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.connectors.postgres.MessageRecord;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Stored conversations: the history a follow-up is read against, the exchanges once answered, and
 * listing, reading and deleting them for their tenant.
 */
public final class ConversationService {
    /** Messages of history a follow-up sees: the last few exchanges carry the context. */
    static final int HISTORY_MESSAGES = 10;
    static final int TITLE_CHARS = 80;
    public static final int MAX_LIST = 200;
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {};

    private final ConversationRepository conversations;
    private final SourceLinks links;
    private final ObjectMapper json;
    private final int maxHistoryChars;

    /** @param maxHistoryChars most characters of history a follow-up is read against ({@code chat.max-history-chars}) */
    public ConversationService(ConversationRepository conversations, SourceLinks links, ObjectMapper json, int maxHistoryChars) {
        this.conversations = conversations;
        this.links = links;
        this.json = json;
        this.maxHistoryChars = maxHistoryChars;
    }

    /**
     * The recent messages of a conversation to continue over {@code knowledgeBase}, oldest first: at
     * most {@value #HISTORY_MESSAGES}, and only the newest that fit in {@code maxHistoryChars}
     * together (a long conversation is bounded the same as a request that carries its own history).
     *
     * @throws ConversationNotFoundException when the tenant has no such conversation
     * @throws InvalidRequestException when it is over another knowledge base
     */
    public List<Turn> history(String tenant, KnowledgeBase knowledgeBase, UUID conversationId) {
        ConversationRecord conversation = find(tenant, conversationId);
        if (!conversation.knowledgeBaseId().equals(knowledgeBase.id())) {
            throw new InvalidRequestException("invalid_request", "Conversation " + conversationId + " is over the knowledge base \""
                    + conversation.knowledgeBase() + "\", not \"" + knowledgeBase.name() + "\"");
        }
        List<Turn> recent = conversations.recentMessages(conversationId, HISTORY_MESSAGES).stream()
                .map(message -> new Turn(Turn.Role.valueOf(message.role().toUpperCase(java.util.Locale.ROOT)), message.text()))
                .toList();
        return newestWithin(recent, maxHistoryChars);
    }

    /** The newest turns whose texts fit in {@code maxChars} together, oldest first. */
    static List<Turn> newestWithin(List<Turn> turns, int maxChars) {
        int first = turns.size();
        long chars = 0;
        while (first > 0 && chars + turns.get(first - 1).text().length() <= maxChars) {
            first--;
            chars += turns.get(first).text().length();
        }
        return turns.subList(first, turns.size());
    }

    /**
     * Stores a question and its answer, in a new conversation when {@code conversationId} is null.
     * Links are not stored: they expire, and reading a conversation makes fresh ones.
     */
    public StoredExchange record(UUID conversationId, KnowledgeBase knowledgeBase, String question, String answer,
            List<Citation> citations) {
        UUID id = conversationId == null ? UUID.randomUUID() : conversationId;
        UUID answerId = UUID.randomUUID();
        List<Citation> unlinked = citations.stream().map(citation -> citation.withSourceUrl(null)).toList();
        conversations.recordExchange(id, knowledgeBase.id(), title(question), UUID.randomUUID(), question, answerId, answer,
                write(unlinked));
        return new StoredExchange(id, answerId);
    }

    /** @param knowledgeBase only conversations over it; null for all the tenant's */
    public List<ConversationSummary> list(String tenant, String knowledgeBase, int limit) {
        return conversations.list(tenant, knowledgeBase, Math.min(limit, MAX_LIST)).stream().map(ConversationSummary::of).toList();
    }

    public ConversationView read(String tenant, UUID conversationId) {
        ConversationRecord conversation = find(tenant, conversationId);
        List<ConversationView.Message> messages = conversations.messages(conversationId).stream().map(this::message).toList();
        return new ConversationView(conversation.id(), conversation.knowledgeBase(), conversation.title(),
                conversation.createdAt(), conversation.updatedAt(), messages);
    }

    public void delete(String tenant, UUID conversationId) {
        if (conversations.delete(tenant, conversationId) == 0) {
            throw new ConversationNotFoundException(conversationId);
        }
    }

    private ConversationRecord find(String tenant, UUID conversationId) {
        return conversations.find(tenant, conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    private ConversationView.Message message(MessageRecord record) {
        List<Citation> citations = record.citations() == null ? null : links.link(read(record.citations()));
        return new ConversationView.Message(record.id(), record.role(), record.text(), citations, record.createdAt());
    }

    static String title(String question) {
        String line = question.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE_CHARS ? line : line.substring(0, TITLE_CHARS - 1) + "…";
    }

    private String write(List<Citation> citations) {
        try {
            return json.writeValueAsString(citations);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Citation> read(String citations) {
        try {
            return json.readValue(citations, CITATIONS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
