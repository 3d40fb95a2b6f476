-- The documents the ingestion jobs have yet to settle, for the service's docflow_documents gauge:
-- a partial index holds only those rows, so counting them does not read the indexed millions.
CREATE INDEX documents_waiting ON documents (status) WHERE status IN ('uploaded', 'processing');
