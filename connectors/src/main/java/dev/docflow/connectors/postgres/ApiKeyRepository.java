package dev.docflow.connectors.postgres;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Tenants and their API keys, looked up by the key's hash. */
public interface ApiKeyRepository {

    /** @return whether the tenant is new */
    @SqlUpdate("INSERT INTO tenants (id) VALUES (:tenant) ON CONFLICT DO NOTHING")
    int createTenant(@Bind("tenant") String tenant);

    @SqlQuery("SELECT count(*) > 0 FROM tenants WHERE id = :tenant")
    boolean tenantExists(@Bind("tenant") String tenant);

    @SqlUpdate("INSERT INTO api_keys (id, tenant_id, name, key_hash) VALUES (:id, :tenant, :name, :hash)"
            + " ON CONFLICT (key_hash) DO NOTHING")
    void insert(@Bind("id") UUID id, @Bind("tenant") String tenant, @Bind("name") String name, @Bind("hash") String keyHash);

    /** Records a key for the tenant, creating the tenant if need be; a key known already is left as it is. */
    @Transaction
    default void register(String tenant, String name, String keyHash) {
        createTenant(tenant);
        insert(UUID.randomUUID(), tenant, name, keyHash);
    }

    @SqlQuery("SELECT tenant_id FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
    Optional<String> tenantOf(@Bind("hash") String keyHash);
}
