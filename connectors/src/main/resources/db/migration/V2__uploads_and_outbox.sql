-- Uploads through the API: each file's SHA-256 (for "same bytes again" in a knowledge base), and
-- an outbox of upload events written in the same transaction as the document, published to Kafka
-- by the service afterwards, so an upload is never stored without its event.
ALTER TABLE documents ADD COLUMN sha256 TEXT;
CREATE INDEX documents_by_hash ON documents (knowledge_base_id, sha256);

CREATE TABLE upload_outbox (
    id           BIGSERIAL PRIMARY KEY,
    document_id  UUID NOT NULL,
    event_key    TEXT NOT NULL,
    payload      BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A document being deleted: chat stops citing it at once, before its chunks are gone.
ALTER TABLE documents DROP CONSTRAINT documents_status_check;
ALTER TABLE documents ADD CONSTRAINT documents_status_check
    CHECK (status IN ('uploaded', 'processing', 'indexed', 'failed', 'deleting'));
