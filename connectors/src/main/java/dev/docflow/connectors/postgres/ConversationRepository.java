package dev.docflow.connectors.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Conversations and their messages. Every read that starts from an id a client sent joins through
 * the knowledge base to the tenant, so another tenant's conversation is simply not found.
 */
@RegisterConstructorMapper(ConversationRecord.class)
@RegisterConstructorMapper(MessageRecord.class)
public interface ConversationRepository {
    String CONVERSATION = "SELECT c.id, c.knowledge_base_id, kb.name AS knowledge_base, c.title, c.created_at, c.updated_at,"
            + " (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count"
            + " FROM conversations c JOIN knowledge_bases kb ON kb.id = c.knowledge_base_id";

    @SqlQuery(CONVERSATION + " WHERE c.id = :id AND kb.tenant_id = :tenant")
    Optional<ConversationRecord> find(@Bind("tenant") String tenant, @Bind("id") UUID id);

    /** The tenant's conversations, most recently active first; over one knowledge base when named. */
    @SqlQuery(CONVERSATION + " WHERE kb.tenant_id = :tenant AND (CAST(:kb AS TEXT) IS NULL OR kb.name = :kb)"
            + " ORDER BY c.updated_at DESC, c.id LIMIT :limit")
    List<ConversationRecord> list(@Bind("tenant") String tenant, @Bind("kb") String knowledgeBase, @Bind("limit") int limit);

    @SqlQuery("SELECT id, conversation_id, seq, role, text, CAST(citations AS TEXT) AS citations, created_at"
            + " FROM messages WHERE conversation_id = :id ORDER BY seq")
    List<MessageRecord> messages(@Bind("id") UUID conversationId);

    /** The last {@code limit} messages, oldest first: the history a follow-up is read against. */
    @SqlQuery("SELECT * FROM (SELECT id, conversation_id, seq, role, text, CAST(citations AS TEXT) AS citations, created_at"
            + " FROM messages WHERE conversation_id = :id ORDER BY seq DESC LIMIT :limit) recent ORDER BY seq")
    List<MessageRecord> recentMessages(@Bind("id") UUID conversationId, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO conversations (id, knowledge_base_id, title) VALUES (:id, :kb, :title) ON CONFLICT DO NOTHING")
    void create(@Bind("id") UUID id, @Bind("kb") UUID knowledgeBaseId, @Bind("title") String title);

    @SqlUpdate("INSERT INTO messages (id, conversation_id, seq, role, text, citations)"
            + " SELECT :id, :conversation, coalesce(max(seq), 0) + 1, :role, :text, CAST(:citations AS JSONB)"
            + " FROM messages WHERE conversation_id = :conversation")
    void append(@Bind("conversation") UUID conversationId, @Bind("id") UUID id, @Bind("role") String role,
            @Bind("text") String text, @Bind("citations") String citationsJson);

    @SqlUpdate("UPDATE conversations SET updated_at = now() WHERE id = :id")
    void touch(@Bind("id") UUID conversationId);

    /**
     * Stores a question and its answer together (a conversation never holds a question without
     * its answer), creating the conversation on its first exchange.
     */
    @Transaction
    default void recordExchange(UUID conversationId, UUID knowledgeBaseId, String title, UUID questionId, String question,
            UUID answerId, String answer, String citationsJson) {
        create(conversationId, knowledgeBaseId, title);
        // the update locks the conversation's row, so concurrent exchanges take their turns
        touch(conversationId);
        append(conversationId, questionId, "user", question, null);
        append(conversationId, answerId, "assistant", answer, citationsJson);
    }

    @SqlUpdate("DELETE FROM conversations c USING knowledge_bases kb WHERE c.id = :id AND kb.id = c.knowledge_base_id"
            + " AND kb.tenant_id = :tenant")
    int delete(@Bind("tenant") String tenant, @Bind("id") UUID id);
}
