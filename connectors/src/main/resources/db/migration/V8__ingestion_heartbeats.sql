-- When the streaming job reading a topic last recorded an outcome. While it records them, a document
-- waiting for its upload event is queued behind others, not lost: the reconciler publishes an event
-- again only once the job has recorded nothing for as long as the document has waited.
CREATE TABLE ingestion_heartbeats (
    topic text PRIMARY KEY,
    recorded_at timestamptz NOT NULL
);
