-- Resumes erased (ids only): a ResumeParsed delivered again after its ResumeErased must not bring
-- the resume back, Generate refuses an erased resume at once instead of waiting for it to be
-- prepared, and every replica drops it from memory (replicas read the recent erasures).
CREATE TABLE IF NOT EXISTS qg_erased_resumes (
    tenant TEXT NOT NULL,
    resume_id TEXT NOT NULL,
    erased_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant, resume_id)
);
CREATE INDEX IF NOT EXISTS qg_erased_resumes_at ON qg_erased_resumes (erased_ms);
