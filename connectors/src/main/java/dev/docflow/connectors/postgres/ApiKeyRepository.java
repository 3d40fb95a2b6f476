package dev.docflow.connectors.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Tenants and their API keys, looked up by the key's hash. */
@RegisterConstructorMapper(ApiKeyRecord.class)
public interface ApiKeyRepository {

    /** @return whether the tenant is new */
    @SqlUpdate("INSERT INTO tenants (id) VALUES (:tenant) ON CONFLICT DO NOTHING")
    int createTenant(@Bind("tenant") String tenant);

    @SqlQuery("SELECT count(*) > 0 FROM tenants WHERE id = :tenant")
    boolean tenantExists(@Bind("tenant") String tenant);

    @SqlUpdate("INSERT INTO api_keys (id, tenant_id, name, key_hash, key_prefix) VALUES (:id, :tenant, :name, :hash, :prefix)"
            + " ON CONFLICT (key_hash) DO NOTHING")
    void insert(@Bind("id") UUID id, @Bind("tenant") String tenant, @Bind("name") String name, @Bind("hash") String keyHash,
            @Bind("prefix") String prefix);

    /**
     * Records a key for the tenant, creating the tenant if need be; a key known already is left as it is.
     *
     * @return the id the key is listed and revoked by (a key known already keeps its own id)
     */
    @Transaction
    default UUID register(String tenant, String name, String keyHash, String prefix) {
        createTenant(tenant);
        insert(UUID.randomUUID(), tenant, name, keyHash, prefix);
        return idOf(keyHash);
    }

    @SqlQuery("SELECT id FROM api_keys WHERE key_hash = :hash")
    UUID idOf(@Bind("hash") String keyHash);

    /**
     * The tenant of a key that is not revoked, read at every request: a revoked key is refused from
     * the next request on. Notes when the key was used, at most once a minute (one statement, no write
     * in between).
     */
    @SqlQuery("WITH found AS (SELECT id, tenant_id FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL),"
            + " touched AS (UPDATE api_keys k SET last_used_at = now() FROM found WHERE k.id = found.id"
            + " AND (k.last_used_at IS NULL OR k.last_used_at < now() - INTERVAL '1 minute'))"
            + " SELECT tenant_id FROM found")
    Optional<String> tenantOf(@Bind("hash") String keyHash);

    /** The tenant's keys, revoked ones included, oldest first. */
    @SqlQuery("SELECT id, tenant_id, name, key_prefix AS prefix, created_at, last_used_at, revoked_at FROM api_keys"
            + " WHERE tenant_id = :tenant ORDER BY created_at, id")
    List<ApiKeyRecord> list(@Bind("tenant") String tenant);

    /** @return 1 when the tenant has that key (revoked now, or earlier), 0 when it does not */
    @SqlUpdate("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = :tenant AND id = :id")
    int revoke(@Bind("tenant") String tenant, @Bind("id") UUID id);
}
