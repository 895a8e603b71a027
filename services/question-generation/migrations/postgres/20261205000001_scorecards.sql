-- Scorecards: one score on the question's rubric (1-4) per interviewer per question of a kit,
-- with notes (a later scorecard replaces it); the candidate's outcome per kit; and running
-- calibration totals per (tenant, role, question), moved in the same transaction as each score
-- or outcome, so reading calibration or the ranking signal never scans the scores.
CREATE TABLE IF NOT EXISTS qg_scores (
    tenant TEXT NOT NULL,
    kit_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    interviewer TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    score INTEGER NOT NULL,
    notes TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant, kit_id, question_id, interviewer)
);
-- Outcome 0 is a kit with scores and no outcome yet (the row is also the kit's write lock).
CREATE TABLE IF NOT EXISTS qg_outcomes (
    tenant TEXT NOT NULL,
    kit_id TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    outcome INTEGER NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant, kit_id)
);
-- Integer sums only, so every change is undone exactly: per outcome (advanced, rejected) the
-- candidates, scores, their sum and sum of squares; over all scores the same; and over pairs of
-- interviewers scoring one candidate, the pairs, the sum of squared differences, equal pairs.
CREATE TABLE IF NOT EXISTS qg_calibration_totals (
    tenant TEXT NOT NULL,
    role_slug TEXT NOT NULL,
    question_id TEXT NOT NULL,
    adv_kits BIGINT NOT NULL,
    adv_n BIGINT NOT NULL,
    adv_sum BIGINT NOT NULL,
    adv_sumsq BIGINT NOT NULL,
    rej_kits BIGINT NOT NULL,
    rej_n BIGINT NOT NULL,
    rej_sum BIGINT NOT NULL,
    rej_sumsq BIGINT NOT NULL,
    scores BIGINT NOT NULL,
    score_sum BIGINT NOT NULL,
    score_sumsq BIGINT NOT NULL,
    pairs BIGINT NOT NULL,
    pair_sqdiff BIGINT NOT NULL,
    pairs_exact BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant, role_slug, question_id)
);
