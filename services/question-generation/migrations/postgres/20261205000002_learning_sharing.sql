-- Tenants that opted in to the shared prior (a tenant without a row does not share).
CREATE TABLE IF NOT EXISTS qg_sharing (
    tenant TEXT PRIMARY KEY,
    share INTEGER NOT NULL,
    updated_ms BIGINT NOT NULL
);
