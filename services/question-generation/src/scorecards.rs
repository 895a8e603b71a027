//! Scorecards and outcomes in the question store, and the calibration totals they move.
//!
//! Every write for one kit first takes the kit's row in `qg_outcomes` (a no-op upsert: PostgreSQL
//! locks the row, or waits for a first write's uncommitted insert of it; SQLite takes its write
//! lock), so two interviewers' scorecards, an outcome and an erasure of one candidate serialize
//! and each reads what the one before wrote. Totals rows are moved by additive upserts, each
//! transaction in (role, question) order sorted in Rust (not by the database's collation), so
//! writes for different kits of one role do not deadlock.

use std::collections::{BTreeMap, HashMap};

use sqlx::{Any, Row, Transaction};

use crate::calibration::{COLUMNS, Totals};
use crate::store::{QuestionStore, StoreError};

/// One interviewer's score of one question of a kit.
#[derive(Debug, Clone, Copy)]
pub struct Score<'a> {
    pub question_id: &'a str,
    /// 1-4 on the question's rubric.
    pub score: i32,
    pub notes: &'a str,
}

/// The kit a scorecard or outcome is for.
#[derive(Debug, Clone, Copy)]
pub struct KitRef<'a> {
    pub tenant: &'a str,
    pub kit_id: &'a str,
    pub role_slug: &'a str,
}

/// Calibration totals by (tenant, role slug, question id).
pub type AllTotals = HashMap<(String, String, String), Totals>;

impl QuestionStore {
    /// Records one interviewer's scores on questions of a kit, replacing what the same
    /// interviewer gave those questions before, and moves the calibration totals by the
    /// difference, in one transaction. False when the kit is gone (erased meanwhile).
    pub async fn record_scorecard(
        &self,
        kit: KitRef<'_>,
        interviewer: &str,
        scores: &[Score<'_>],
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let Some(outcome) = lock_kit(&mut tx, kit, at_ms).await? else { return Ok(false) };
        let mut scores = scores.to_vec();
        scores.sort_by_key(|s| s.question_id);
        for s in &scores {
            let before = group(&mut tx, kit, s.question_id).await?;
            let mut after: Vec<i32> =
                before.iter().filter(|(who, _)| who != interviewer).map(|(_, score)| *score).collect();
            after.push(s.score);
            let before: Vec<i32> = before.into_iter().map(|(_, score)| score).collect();
            sqlx::query(
                "INSERT INTO qg_scores \
                   (tenant, kit_id, question_id, interviewer, role_slug, score, notes, created_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (tenant, kit_id, question_id, interviewer) DO UPDATE SET \
                   score = excluded.score, notes = excluded.notes, created_ms = excluded.created_ms",
            )
            .bind(kit.tenant)
            .bind(kit.kit_id)
            .bind(s.question_id)
            .bind(interviewer)
            .bind(kit.role_slug)
            .bind(s.score)
            .bind(s.notes)
            .bind(at_ms)
            .execute(&mut *tx)
            .await?;
            let delta = Totals::of(&after, outcome).minus(&Totals::of(&before, outcome));
            move_totals(&mut tx, kit, s.question_id, &delta, at_ms).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Records the candidate's outcome for a kit (replacing an earlier one) and moves every
    /// scored question's totals from the old outcome to the new one. False when the kit is gone.
    pub async fn record_outcome(
        &self,
        kit: KitRef<'_>,
        outcome: i32,
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let Some(before) = lock_kit(&mut tx, kit, at_ms).await? else { return Ok(false) };
        if before != outcome {
            for (question, scores) in kit_scores(&mut tx, kit.tenant, kit.kit_id).await? {
                let delta = Totals::of(&scores, outcome).minus(&Totals::of(&scores, before));
                move_totals(&mut tx, kit, &question, &delta, at_ms).await?;
            }
            sqlx::query(
                "UPDATE qg_outcomes SET outcome = $3, updated_ms = $4 WHERE tenant = $1 AND kit_id = $2",
            )
            .bind(kit.tenant)
            .bind(kit.kit_id)
            .bind(outcome)
            .bind(at_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The calibration totals of one tenant's questions for one role.
    pub async fn calibration(
        &self,
        tenant: &str,
        role_slug: &str,
    ) -> Result<Vec<(String, Totals)>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT question_id, {} FROM qg_calibration_totals WHERE tenant = $1 AND role_slug = $2",
            COLUMNS.join(", ")
        ))
        .bind(tenant)
        .bind(role_slug)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, totals_at(r, 1)?))).collect()
    }

    /// Every tenant's calibration totals: (tenant, role slug, question id).
    pub async fn all_calibration(&self) -> Result<AllTotals, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT tenant, role_slug, question_id, {} FROM qg_calibration_totals",
            COLUMNS.join(", ")
        ))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| Ok(((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?), totals_at(r, 3)?))).collect()
    }

    /// Rows, latest update and a checksum of the calibration totals, for the replicas'
    /// watermark: each column weighted by its own prime, so that an outcome moved from advanced to
    /// rejected (which keeps every plain sum) changes it.
    pub(crate) async fn calibration_mark(&self) -> Result<(i64, i64, i64), StoreError> {
        Ok(sqlx::query_as(
            "SELECT COUNT(*), COALESCE(MAX(updated_ms), 0), \
               CAST(COALESCE(SUM(adv_kits + 3 * adv_n + 5 * adv_sum + 7 * adv_sumsq + 11 * rej_kits \
                 + 13 * rej_n + 17 * rej_sum + 19 * rej_sumsq + 23 * scores + 29 * score_sum \
                 + 31 * pairs + 37 * pair_sqdiff + 41 * pairs_exact), 0) AS BIGINT) \
             FROM qg_calibration_totals",
        )
        .fetch_one(self.pool())
        .await?)
    }
}

/// Erasure: the scores, notes and outcomes of a resume's kits are deleted and what they added
/// to the calibration totals is taken back (called in the erasure's transaction, before the
/// kits themselves are deleted).
pub(crate) async fn erase_scores(
    tx: &mut Transaction<'_, Any>,
    tenant: &str,
    resume_id: &str,
    at_ms: i64,
) -> Result<(), StoreError> {
    // Take every kit's lock as a scorecard does: an upsert, which also waits for a first
    // scorecard whose insert of the lock row is not committed yet (an UPDATE would not see it, and
    // that scorecard would commit scores for a kit this erasure deleted).
    let kits = "SELECT id FROM qg_kits WHERE tenant = $1 AND resume_id = $2";
    sqlx::query(
        "INSERT INTO qg_outcomes (tenant, kit_id, role_slug, outcome, updated_ms) \
         SELECT tenant, id, role_slug, 0, $3 FROM qg_kits WHERE tenant = $1 AND resume_id = $2 \
         ON CONFLICT (tenant, kit_id) DO UPDATE SET updated_ms = qg_outcomes.updated_ms",
    )
    .bind(tenant)
    .bind(resume_id)
    .bind(at_ms)
    .execute(&mut **tx)
    .await?;
    let rows = sqlx::query(&format!(
        "SELECT kit_id, role_slug, outcome FROM qg_outcomes WHERE tenant = $1 AND kit_id IN ({kits}) \
         ORDER BY kit_id"
    ))
    .bind(tenant)
    .bind(resume_id)
    .fetch_all(&mut **tx)
    .await?;
    // What every kit added, taken back in one pass in (role, question) order.
    let mut back: BTreeMap<(String, String), Totals> = BTreeMap::new();
    for r in rows {
        let (kit_id, role_slug, outcome): (String, String, i32) =
            (r.try_get(0)?, r.try_get(1)?, r.try_get(2)?);
        for (question, scores) in kit_scores(tx, tenant, &kit_id).await? {
            back.entry((role_slug.clone(), question)).or_default().add(&Totals::of(&scores, outcome));
        }
        for table in ["qg_scores", "qg_outcomes"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE tenant = $1 AND kit_id = $2"))
                .bind(tenant)
                .bind(&kit_id)
                .execute(&mut **tx)
                .await?;
        }
    }
    for ((role_slug, question), added) in back {
        let kit = KitRef { tenant, kit_id: "", role_slug: &role_slug };
        move_totals(tx, kit, &question, &Totals::default().minus(&added), at_ms).await?;
    }
    Ok(())
}

/// Takes the kit's write lock and returns its outcome (0: none yet); None when the kit is gone.
async fn lock_kit(
    tx: &mut Transaction<'_, Any>,
    kit: KitRef<'_>,
    at_ms: i64,
) -> Result<Option<i32>, StoreError> {
    sqlx::query(
        "INSERT INTO qg_outcomes (tenant, kit_id, role_slug, outcome, updated_ms) VALUES ($1, $2, $3, 0, $4) \
         ON CONFLICT (tenant, kit_id) DO UPDATE SET updated_ms = qg_outcomes.updated_ms",
    )
    .bind(kit.tenant)
    .bind(kit.kit_id)
    .bind(kit.role_slug)
    .bind(at_ms)
    .execute(&mut **tx)
    .await?;
    let exists = sqlx::query("SELECT 1 FROM qg_kits WHERE tenant = $1 AND id = $2")
        .bind(kit.tenant)
        .bind(kit.kit_id)
        .fetch_optional(&mut **tx)
        .await?
        .is_some();
    if !exists {
        return Ok(None);
    }
    let outcome: i32 =
        sqlx::query_scalar("SELECT outcome FROM qg_outcomes WHERE tenant = $1 AND kit_id = $2")
            .bind(kit.tenant)
            .bind(kit.kit_id)
            .fetch_one(&mut **tx)
            .await?;
    Ok(Some(outcome))
}

/// Every interviewer's score of one question of a kit.
async fn group(
    tx: &mut Transaction<'_, Any>,
    kit: KitRef<'_>,
    question_id: &str,
) -> Result<Vec<(String, i32)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT interviewer, score FROM qg_scores WHERE tenant = $1 AND kit_id = $2 AND question_id = $3",
    )
    .bind(kit.tenant)
    .bind(kit.kit_id)
    .bind(question_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// A kit's scores by question, in question order.
async fn kit_scores(
    tx: &mut Transaction<'_, Any>,
    tenant: &str,
    kit_id: &str,
) -> Result<Vec<(String, Vec<i32>)>, StoreError> {
    let rows: Vec<(String, i32)> = sqlx::query_as(
        "SELECT question_id, score FROM qg_scores WHERE tenant = $1 AND kit_id = $2 ORDER BY question_id",
    )
    .bind(tenant)
    .bind(kit_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut rows = rows;
    // In Rust's order, the one every other write moves totals in.
    rows.sort();
    let mut out: Vec<(String, Vec<i32>)> = Vec::new();
    for (question, score) in rows {
        match out.last_mut() {
            Some((q, scores)) if *q == question => scores.push(score),
            _ => out.push((question, vec![score])),
        }
    }
    Ok(out)
}

/// Adds `delta` to a question's totals.
async fn move_totals(
    tx: &mut Transaction<'_, Any>,
    kit: KitRef<'_>,
    question_id: &str,
    delta: &Totals,
    at_ms: i64,
) -> Result<(), StoreError> {
    if delta.is_zero() {
        return Ok(());
    }
    let params: Vec<String> = (0..COLUMNS.len()).map(|i| format!("${}", i + 4)).collect();
    let updates: Vec<String> =
        COLUMNS.iter().map(|c| format!("{c} = qg_calibration_totals.{c} + excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO qg_calibration_totals (tenant, role_slug, question_id, {}, updated_ms) \
         VALUES ($1, $2, $3, {}, ${}) \
         ON CONFLICT (tenant, role_slug, question_id) DO UPDATE SET {}, updated_ms = excluded.updated_ms",
        COLUMNS.join(", "),
        params.join(", "),
        COLUMNS.len() + 4,
        updates.join(", ")
    );
    let mut q = sqlx::query(&sql).bind(kit.tenant).bind(kit.role_slug).bind(question_id);
    for v in delta.columns() {
        q = q.bind(v);
    }
    q.bind(at_ms).execute(&mut **tx).await?;
    Ok(())
}

fn totals_at(r: &sqlx::any::AnyRow, from: usize) -> Result<Totals, StoreError> {
    let mut c = [0i64; 14];
    for (i, v) in c.iter_mut().enumerate() {
        *v = r.try_get(from + i)?;
    }
    Ok(Totals::from_columns(c))
}
