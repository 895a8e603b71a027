-- The guardrail's audit log: one row per question it stopped, per tenant. The stopped text
-- itself is not kept, only its SHA-256.
CREATE TABLE IF NOT EXISTS qg_guardrail_blocks (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    category TEXT NOT NULL,
    rule TEXT NOT NULL,
    jurisdictions TEXT NOT NULL,
    source TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    question_id TEXT NOT NULL,
    kit_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS qg_guardrail_blocks_tenant ON qg_guardrail_blocks (tenant, id);
