-- API keys can be listed and revoked (revoked_at exists since V3). A list shows each key by the
-- start of its secret, kept for that alone (the secret itself is only ever kept as its SHA-256), and
-- when it was last used: written at most once a minute per key, so a busy key costs no write per
-- request.
ALTER TABLE api_keys
    ADD COLUMN key_prefix   TEXT,
    ADD COLUMN last_used_at TIMESTAMPTZ;

CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);
