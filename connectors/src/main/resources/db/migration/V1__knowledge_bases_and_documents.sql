-- Tenants own knowledge bases; every read is scoped by tenant.
CREATE TABLE tenants (
    id          TEXT PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE knowledge_bases (
    id          UUID PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants (id),
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

-- One row per document; the ingestion jobs record each document's outcome here.
CREATE TABLE documents (
    id                UUID PRIMARY KEY,
    knowledge_base_id UUID NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    object_key        TEXT NOT NULL,
    file_name         TEXT NOT NULL,
    size_bytes        BIGINT NOT NULL,
    etag              TEXT,
    status            TEXT NOT NULL CHECK (status IN ('uploaded', 'processing', 'indexed', 'failed')),
    failure_stage     TEXT,
    failure_reason    TEXT,
    failure_message   TEXT,
    page_count        INTEGER,
    chunk_count       INTEGER,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (knowledge_base_id, object_key)
);

CREATE INDEX documents_by_status ON documents (knowledge_base_id, status);
