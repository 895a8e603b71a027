-- Interview kits (the protobuf InterviewKit, encoded), feedback on their questions, tenants'
-- own questions, and resumes prepared for ranking (derived from ResumeParsed events).
CREATE TABLE IF NOT EXISTS qg_kits (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    resume_id TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    body BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS qg_kits_tenant ON qg_kits (tenant, id);
CREATE TABLE IF NOT EXISTS qg_feedback (
    kit_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    tenant TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    asked INTEGER NOT NULL,
    rating INTEGER NOT NULL,
    outcome INTEGER NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS qg_feedback_question ON qg_feedback (question_id, role_slug);
CREATE TABLE IF NOT EXISTS qg_questions (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS qg_resumes (
    tenant TEXT NOT NULL,
    resume_id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant, resume_id)
);
