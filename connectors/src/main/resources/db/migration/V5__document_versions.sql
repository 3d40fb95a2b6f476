-- Versions. Every upload is stored under an object key of its own; a document's row names the
-- version it serves (object_key: what chat cites and links, the last one indexed) and the version
-- waiting to replace it (pending_object_key: uploaded, not yet indexed or failed). A failed new
-- version leaves the served one in place, with the failure kept on the row (latest failure).
ALTER TABLE documents
    ADD COLUMN pending_object_key  TEXT,
    ADD COLUMN pending_sha256      TEXT,
    ADD COLUMN pending_size_bytes  BIGINT,
    ADD COLUMN indexed_at          TIMESTAMPTZ,
    -- how often the reconciler published the pending version's event again (reset by each upload)
    ADD COLUMN reconcile_attempts  INTEGER NOT NULL DEFAULT 0;

UPDATE documents SET indexed_at = updated_at WHERE status = 'indexed';
-- rows from before versions were being processed for the version they name
UPDATE documents SET pending_object_key = object_key, pending_sha256 = sha256, pending_size_bytes = size_bytes
    WHERE status IN ('uploaded', 'processing');

CREATE INDEX documents_by_pending_hash ON documents (knowledge_base_id, pending_sha256);

-- Objects to remove from the store once remove_after (plus the service's grace for links already
-- handed out) has passed: versions replaced by a newer one, and every upload's object from before
-- its row was written, so that an upload cut short between the store and PostgreSQL leaves nothing
-- behind. The sweeper never removes an object a document row still names.
CREATE TABLE object_removals (
    object_key    TEXT PRIMARY KEY,
    remove_after  TIMESTAMPTZ NOT NULL
);
CREATE INDEX object_removals_due ON object_removals (remove_after);
