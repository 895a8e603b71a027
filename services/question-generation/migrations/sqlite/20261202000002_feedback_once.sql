-- One rating per interviewer per question of a kit (a later one replaces it), and running
-- totals per (tenant, question, role) kept in the same transaction as each rating, so reading
-- the signal never scans the ratings.
ALTER TABLE qg_feedback ADD COLUMN interviewer TEXT NOT NULL DEFAULT '';
DELETE FROM qg_feedback WHERE rowid NOT IN (
    SELECT MAX(rowid) FROM qg_feedback GROUP BY tenant, kit_id, question_id, interviewer
);
CREATE UNIQUE INDEX IF NOT EXISTS qg_feedback_once ON qg_feedback (tenant, kit_id, question_id, interviewer);
CREATE TABLE IF NOT EXISTS qg_feedback_totals (
    tenant TEXT NOT NULL,
    question_id TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    asked BIGINT NOT NULL,
    skipped BIGINT NOT NULL,
    rating_sum BIGINT NOT NULL,
    rated BIGINT NOT NULL,
    advanced BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant, question_id, role_slug)
);
INSERT INTO qg_feedback_totals
SELECT tenant, question_id, role_slug,
       SUM(CASE WHEN asked = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN asked = 0 THEN 1 ELSE 0 END),
       SUM(rating), SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END),
       MAX(created_ms)
FROM qg_feedback GROUP BY tenant, question_id, role_slug;
