-- Uploaded resumes: the parse (the protobuf ParsedResume, encoded) and, apart, the file itself.
-- An erasure deletes both rows in the transaction that queues the ResumeErased event.
CREATE TABLE IF NOT EXISTS ri_resumes (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    external_candidate_id TEXT NOT NULL,
    -- '' when the upload named none.
    idempotency_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    parsed BYTEA NOT NULL,
    create_ms BIGINT NOT NULL,
    update_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ri_resumes_idempotency ON ri_resumes (tenant, idempotency_key) WHERE idempotency_key <> '';
CREATE INDEX IF NOT EXISTS ri_resumes_candidate ON ri_resumes (tenant, external_candidate_id, id);
CREATE INDEX IF NOT EXISTS ri_resumes_tenant ON ri_resumes (tenant, id);
CREATE TABLE IF NOT EXISTS ri_files (
    resume_id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    body BYTEA NOT NULL
);
