package dev.docflow.connectors.postgres;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(KnowledgeBase.class)
public interface KnowledgeBaseRepository {

    @SqlUpdate("INSERT INTO tenants (id) VALUES (:tenant) ON CONFLICT DO NOTHING")
    void ensureTenant(@Bind("tenant") String tenant);

    @SqlUpdate("INSERT INTO knowledge_bases (id, tenant_id, name) VALUES (:id, :tenant, :name) ON CONFLICT DO NOTHING")
    void insertIfAbsent(@Bind("id") UUID id, @Bind("tenant") String tenant, @Bind("name") String name);

    @SqlQuery("SELECT id, tenant_id, name FROM knowledge_bases WHERE tenant_id = :tenant AND name = :name")
    Optional<KnowledgeBase> find(@Bind("tenant") String tenant, @Bind("name") String name);

    /** @return whether it was created (false: the tenant has one of that name already) */
    @Transaction
    default boolean create(String tenant, String name) {
        ensureTenant(tenant);
        return insertNew(UUID.randomUUID(), tenant, name) == 1;
    }

    @SqlUpdate("INSERT INTO knowledge_bases (id, tenant_id, name) VALUES (:id, :tenant, :name) ON CONFLICT DO NOTHING")
    int insertNew(@Bind("id") UUID id, @Bind("tenant") String tenant, @Bind("name") String name);

    /** Removes the knowledge base with its documents' rows. */
    @SqlUpdate("DELETE FROM knowledge_bases WHERE id = :id")
    void delete(@Bind("id") UUID id);

    @SqlQuery("SELECT id, tenant_id, name FROM knowledge_bases WHERE tenant_id = :tenant ORDER BY name")
    java.util.List<KnowledgeBase> listByTenant(@Bind("tenant") String tenant);

    /** When each of the tenant's knowledge bases was created, by name. */
    @SqlQuery("SELECT name, created_at FROM knowledge_bases WHERE tenant_id = :tenant")
    @KeyColumn("name")
    @ValueColumn("created_at")
    java.util.Map<String, java.time.Instant> creationTimes(@Bind("tenant") String tenant);

    /** The tenant's knowledge base of that name, created (with its tenant) when missing. */
    @Transaction
    default KnowledgeBase ensure(String tenant, String name) {
        ensureTenant(tenant);
        insertIfAbsent(UUID.randomUUID(), tenant, name);
        return find(tenant, name).orElseThrow();
    }
}
