//! Kits, feedback (scorecards in [`crate::scorecards`]), tenants' questions and prepared resumes in SQLite or PostgreSQL (the pool
//! the rest of the process uses). Kits are written together with their `KitGenerated` event in
//! one transaction (the outbox).
//!
//! Kits are written by one task per store with group commit: the kits that arrive while a
//! transaction commits go into the next one together. Every caller still waits for its own
//! kit to be committed, but a burst of Generates costs one commit instead of one each, and
//! they do not fight over SQLite's single writer lock.

use std::collections::HashMap;

use nexushr_events::{Event, outbox};
use sqlx::{AnyPool, Row};
use tokio::sync::{mpsc, oneshot};

use crate::bank::Question;
use nexushr_domain::candidate::Candidate;

/// This store's migrations: every file of `migrations/` (a test checks none is left out).
const SQLITE: nexushr_db::Migrations = nexushr_db::migrations!(
    "migrations/sqlite/20261129000001_questions.sql",
    "migrations/sqlite/20261202000001_erased_resumes.sql",
    "migrations/sqlite/20261202000002_feedback_once.sql",
    "migrations/sqlite/20261202000003_guardrail_blocks.sql",
    "migrations/sqlite/20261205000001_scorecards.sql",
    "migrations/sqlite/20261205000002_learning_sharing.sql"
);
const POSTGRES: nexushr_db::Migrations = nexushr_db::migrations!(
    "migrations/postgres/20261129000001_questions.sql",
    "migrations/postgres/20261202000001_erased_resumes.sql",
    "migrations/postgres/20261202000002_feedback_once.sql",
    "migrations/postgres/20261202000003_guardrail_blocks.sql",
    "migrations/postgres/20261205000001_scorecards.sql",
    "migrations/postgres/20261205000002_learning_sharing.sql"
);

/// A resume prepared for ranking: the candidate and the dense vectors of its texts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prepared {
    pub candidate: Candidate,
    pub dense: Option<Vec<Vec<f32>>>,
    /// The model that made `dense`; vectors of another model are not used.
    #[serde(default)]
    pub model: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("events: {0}")]
    Events(#[from] nexushr_events::EventError),
    #[error("stored data: {0}")]
    Corrupt(String),
    #[error("resume {0} was erased")]
    ResumeErased(String),
    #[error("the kit writer has stopped")]
    WriterStopped,
}

#[derive(Debug, Clone)]
pub struct QuestionStore {
    pool: AnyPool,
    kits: mpsc::Sender<PendingKit>,
}

/// A kit to store, with its event.
#[derive(Debug)]
pub struct NewKit {
    pub id: String,
    pub tenant: String,
    pub role_slug: String,
    pub resume_id: String,
    pub created_ms: i64,
    pub body: Vec<u8>,
    pub event: Event,
}

/// A kit waiting for the writer, and where its outcome goes.
#[derive(Debug)]
struct PendingKit {
    kit: NewKit,
    done: oneshot::Sender<Result<(), StoreError>>,
}

/// Most kits committed in one transaction.
const KITS_PER_COMMIT: usize = 256;

/// One question the guardrail stopped, in a tenant's audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockRecord {
    /// Time-ordered (UUID v7): the log pages by it, newest first.
    pub id: String,
    pub tenant: String,
    pub at_ms: i64,
    pub actor: String,
    /// `add_question`, `llm_question` or `kit_question`.
    pub action: String,
    pub category: String,
    pub rule: String,
    /// ISO codes of the jurisdictions it is barred in, of those it was checked for.
    pub jurisdictions: Vec<String>,
    pub source: String,
    pub text_sha256: String,
    pub question_id: String,
    pub kit_id: String,
}

/// One interviewer's feedback on one question of a kit.
#[derive(Debug, Clone, Copy)]
pub struct Feedback<'a> {
    pub kit_id: &'a str,
    pub question_id: &'a str,
    pub tenant: &'a str,
    pub role_slug: &'a str,
    /// Who gave it (empty: not named; one such rating per question of a kit).
    pub interviewer: &'a str,
    pub asked: bool,
    pub rating: i32,
    pub outcome: i32,
    pub at_ms: i64,
}

/// Aggregated feedback on one question for one role.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Aggregate {
    pub asked: i64,
    pub skipped: i64,
    pub rating_sum: i64,
    pub rated: i64,
    pub advanced: i64,
    pub rejected: i64,
}

impl Aggregate {
    /// What one rating adds.
    pub fn of(asked: bool, rating: i32, outcome: i32) -> Self {
        Self {
            asked: i64::from(asked),
            skipped: i64::from(!asked),
            rating_sum: i64::from(rating),
            rated: i64::from(rating > 0),
            advanced: i64::from(outcome == 1),
            rejected: i64::from(outcome == 2),
        }
    }

    /// Adds another tenant's totals (the shared prior).
    pub fn add(&mut self, o: &Self) {
        self.asked += o.asked;
        self.skipped += o.skipped;
        self.rating_sum += o.rating_sum;
        self.rated += o.rated;
        self.advanced += o.advanced;
        self.rejected += o.rejected;
    }

    fn minus(&self, o: &Self) -> Self {
        Self {
            asked: self.asked - o.asked,
            skipped: self.skipped - o.skipped,
            rating_sum: self.rating_sum - o.rating_sum,
            rated: self.rated - o.rated,
            advanced: self.advanced - o.advanced,
            rejected: self.rejected - o.rejected,
        }
    }

    /// Effectiveness in [-1, 1]: ratings around 3 are neutral; skips count against.
    pub fn effectiveness(&self) -> f32 {
        let shown = (self.asked + self.skipped).max(1) as f32;
        let rating =
            if self.rated > 0 { (self.rating_sum as f32 / self.rated as f32 - 3.0) / 2.0 } else { 0.0 };
        let skip_penalty = self.skipped as f32 / shown;
        (0.8 * rating - 0.4 * skip_penalty).clamp(-1.0, 1.0)
    }
}

impl QuestionStore {
    /// Applies this service's migrations to `pool` (SQLite or PostgreSQL).
    pub async fn new(pool: AnyPool) -> Result<Self, StoreError> {
        nexushr_events::migrate_with_outbox(&pool, SQLITE, POSTGRES).await?;
        let (kits, pending) = mpsc::channel(4 * KITS_PER_COMMIT);
        tokio::spawn(write_kits(pool.clone(), pending));
        Ok(Self { pool, kits })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Stores a kit (encoded; compressed here) and its event atomically; returns once both are
    /// committed.
    pub async fn save_kit(&self, mut kit: NewKit) -> Result<(), StoreError> {
        kit.body = compress(&kit.body);
        let (done, committed) = oneshot::channel();
        self.kits.send(PendingKit { kit, done }).await.map_err(|_| StoreError::WriterStopped)?;
        committed.await.map_err(|_| StoreError::WriterStopped)?
    }

    /// The encoded kit `id` of `tenant`.
    pub async fn kit(&self, tenant: &str, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT body FROM qg_kits WHERE tenant = $1 AND id = $2")
            .bind(tenant)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| decompress(&r.get::<Vec<u8>, _>(0))).transpose()
    }

    /// Kits newest first, after the kit id `before` (ids are time-ordered UUIDv7).
    pub async fn kits(
        &self,
        tenant: &str,
        role_slug: &str,
        resume_id: &str,
        before: Option<&str>,
        limit: i64,
    ) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, body FROM qg_kits WHERE tenant = $1 AND ($2 = '' OR role_slug = $2) \
             AND ($3 = '' OR resume_id = $3) AND ($4 = '' OR id < $4) ORDER BY id DESC LIMIT $5",
        )
        .bind(tenant)
        .bind(role_slug)
        .bind(resume_id)
        .bind(before.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| Ok((r.get::<String, _>(0), decompress(&r.get::<Vec<u8>, _>(1))?))).collect()
    }

    /// Records one interviewer's feedback on a question of a kit, replacing what the same
    /// interviewer said before, and moves the running totals by the difference, in one
    /// transaction.
    pub async fn record_feedback(&self, f: &Feedback<'_>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Lock the totals row first (a no-op upsert: PostgreSQL locks the row it updates, SQLite
        // takes its write lock), so two ratings of one question serialize here and the second
        // reads the first as what it replaces: two concurrent first ratings count once.
        sqlx::query(
            "INSERT INTO qg_feedback_totals \
               (tenant, question_id, role_slug, asked, skipped, rating_sum, rated, advanced, rejected, updated_ms) \
             VALUES ($1, $2, $3, 0, 0, 0, 0, 0, 0, $4) \
             ON CONFLICT (tenant, question_id, role_slug) DO UPDATE SET updated_ms = qg_feedback_totals.updated_ms",
        )
        .bind(f.tenant)
        .bind(f.question_id)
        .bind(f.role_slug)
        .bind(f.at_ms)
        .execute(&mut *tx)
        .await?;
        let before: Option<(i32, i32, i32)> = sqlx::query_as(
            "SELECT asked, rating, outcome FROM qg_feedback \
             WHERE tenant = $1 AND kit_id = $2 AND question_id = $3 AND interviewer = $4",
        )
        .bind(f.tenant)
        .bind(f.kit_id)
        .bind(f.question_id)
        .bind(f.interviewer)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO qg_feedback \
               (kit_id, question_id, tenant, role_slug, interviewer, asked, rating, outcome, created_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (tenant, kit_id, question_id, interviewer) DO UPDATE SET \
               asked = excluded.asked, rating = excluded.rating, outcome = excluded.outcome, \
               created_ms = excluded.created_ms",
        )
        .bind(f.kit_id)
        .bind(f.question_id)
        .bind(f.tenant)
        .bind(f.role_slug)
        .bind(f.interviewer)
        .bind(i32::from(f.asked))
        .bind(f.rating)
        .bind(f.outcome)
        .bind(f.at_ms)
        .execute(&mut *tx)
        .await?;
        let now = Aggregate::of(f.asked, f.rating, f.outcome);
        let d = match before {
            Some((asked, rating, outcome)) => now.minus(&Aggregate::of(asked != 0, rating, outcome)),
            None => now,
        };
        sqlx::query(
            "INSERT INTO qg_feedback_totals \
               (tenant, question_id, role_slug, asked, skipped, rating_sum, rated, advanced, rejected, updated_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (tenant, question_id, role_slug) DO UPDATE SET \
               asked = qg_feedback_totals.asked + excluded.asked, \
               skipped = qg_feedback_totals.skipped + excluded.skipped, \
               rating_sum = qg_feedback_totals.rating_sum + excluded.rating_sum, \
               rated = qg_feedback_totals.rated + excluded.rated, \
               advanced = qg_feedback_totals.advanced + excluded.advanced, \
               rejected = qg_feedback_totals.rejected + excluded.rejected, \
               updated_ms = excluded.updated_ms",
        )
        .bind(f.tenant)
        .bind(f.question_id)
        .bind(f.role_slug)
        .bind(d.asked)
        .bind(d.skipped)
        .bind(d.rating_sum)
        .bind(d.rated)
        .bind(d.advanced)
        .bind(d.rejected)
        .bind(f.at_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Appends to tenants' guardrail audit logs.
    pub async fn record_blocks(&self, blocks: &[BlockRecord]) -> Result<(), StoreError> {
        if blocks.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "INSERT INTO qg_guardrail_blocks (id, tenant, at_ms, actor, action, category, rule, \
             jurisdictions, source, text_sha256, question_id, kit_id) VALUES {}",
            nexushr_db::values(blocks.len(), 12)
        );
        let mut q = sqlx::query(&sql);
        for b in blocks {
            q = q
                .bind(&b.id)
                .bind(&b.tenant)
                .bind(b.at_ms)
                .bind(&b.actor)
                .bind(&b.action)
                .bind(&b.category)
                .bind(&b.rule)
                .bind(b.jurisdictions.join(","))
                .bind(&b.source)
                .bind(&b.text_sha256)
                .bind(&b.question_id)
                .bind(&b.kit_id);
        }
        q.execute(&self.pool).await?;
        Ok(())
    }

    /// A page of `tenant`'s guardrail audit log, newest first, older than `before` (an id).
    pub async fn blocks(
        &self,
        tenant: &str,
        before: Option<&str>,
        limit: i64,
    ) -> Result<Vec<BlockRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, tenant, at_ms, actor, action, category, rule, jurisdictions, source, \
             text_sha256, question_id, kit_id FROM qg_guardrail_blocks \
             WHERE tenant = $1 AND ($2 = '' OR id < $2) ORDER BY id DESC LIMIT $3",
        )
        .bind(tenant)
        .bind(before.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let jurisdictions: String = r.try_get(7)?;
                Ok(BlockRecord {
                    id: r.try_get(0)?,
                    tenant: r.try_get(1)?,
                    at_ms: r.try_get(2)?,
                    actor: r.try_get(3)?,
                    action: r.try_get(4)?,
                    category: r.try_get(5)?,
                    rule: r.try_get(6)?,
                    jurisdictions: jurisdictions
                        .split(',')
                        .filter(|j| !j.is_empty())
                        .map(String::from)
                        .collect(),
                    source: r.try_get(8)?,
                    text_sha256: r.try_get(9)?,
                    question_id: r.try_get(10)?,
                    kit_id: r.try_get(11)?,
                })
            })
            .collect()
    }

    /// Feedback per (tenant, question, role), from the running totals: what one tenant's
    /// interviewers report steers that tenant's kits only.
    pub async fn aggregates(&self) -> Result<HashMap<(String, String, String), Aggregate>, StoreError> {
        let rows = sqlx::query(
            "SELECT tenant, question_id, role_slug, asked, skipped, rating_sum, rated, advanced, rejected \
             FROM qg_feedback_totals",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let n = |i: usize| r.try_get::<i64, _>(i).unwrap_or(0);
                (
                    (r.get::<String, _>(0), r.get::<String, _>(1), r.get::<String, _>(2)),
                    Aggregate {
                        asked: n(3),
                        skipped: n(4),
                        rating_sum: n(5),
                        rated: n(6),
                        advanced: n(7),
                        rejected: n(8),
                    },
                )
            })
            .collect())
    }

    /// Adds a tenant's own question.
    pub async fn add_question(&self, q: &Question) -> Result<(), StoreError> {
        let body = serde_json::to_string(q).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query("INSERT INTO qg_questions (id, tenant, body) VALUES ($1, $2, $3)")
            .bind(&q.id)
            .bind(&q.tenant)
            .bind(body)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Every tenant's own questions, for the bank at startup.
    pub async fn tenant_questions(&self) -> Result<Vec<Question>, StoreError> {
        let rows = sqlx::query("SELECT body FROM qg_questions ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                serde_json::from_str(&r.get::<String, _>(0)).map_err(|e| StoreError::Corrupt(e.to_string()))
            })
            .collect()
    }

    /// Keeps a resume prepared for ranking (replacing an earlier one).
    pub async fn put_resume(
        &self,
        tenant: &str,
        resume_id: &str,
        prepared: &Prepared,
    ) -> Result<(), StoreError> {
        let body = serde_json::to_string(prepared).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut tx = self.pool.begin().await?;
        // The write comes first: on SQLite it takes the write lock before the transaction has
        // read anything (a read first, then a write, fails with SQLITE_BUSY_SNAPSHOT when another
        // connection wrote in between, which bulk uploads do all the time).
        sqlx::query("DELETE FROM qg_resumes WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .execute(&mut *tx)
            .await?;
        // An erased resume stays erased, whatever is delivered after its erasure (dropping the
        // transaction rolls the delete back).
        let erased = sqlx::query("SELECT 1 FROM qg_erased_resumes WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .fetch_optional(&mut *tx)
            .await?;
        if erased.is_some() {
            // Released now rather than when the dropped transaction gets to it.
            tx.rollback().await?;
            return Ok(());
        }
        sqlx::query("INSERT INTO qg_resumes (tenant, resume_id, body) VALUES ($1, $2, $3)")
            .bind(tenant)
            .bind(resume_id)
            .bind(body)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn resume(&self, tenant: &str, resume_id: &str) -> Result<Option<Prepared>, StoreError> {
        let row = sqlx::query("SELECT body FROM qg_resumes WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            serde_json::from_str(&r.get::<String, _>(0)).map_err(|e| StoreError::Corrupt(e.to_string()))
        })
        .transpose()
    }

    /// Erasures at or after `since_ms` (by the erasing replica's clock): (tenant, resume id,
    /// when), oldest first.
    pub async fn erased_since(&self, since_ms: i64) -> Result<Vec<(String, String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT tenant, resume_id, erased_ms FROM qg_erased_resumes WHERE erased_ms >= $1 \
             ORDER BY erased_ms LIMIT 10000",
        )
        .bind(since_ms)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect())
    }

    /// What the replicas sharing this store have written: feedback and scorecards (their
    /// totals), who shares learning, and tenants' questions (rows). A replica that sees it change reloads that part.
    pub async fn watermark(&self) -> Result<Watermark, StoreError> {
        let (rows, latest, sum): (i64, i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(MAX(updated_ms), 0), \
               CAST(COALESCE(SUM(rating_sum + asked + skipped + rated + advanced + rejected), 0) AS BIGINT) \
             FROM qg_feedback_totals",
        )
        .fetch_one(&self.pool)
        .await?;
        let questions: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM qg_questions").fetch_one(&self.pool).await?;
        let calibration = self.calibration_mark().await?;
        // Who shares, by name: an opt-out and another tenant's opt-in leave any count unchanged.
        let sharing: Vec<String> =
            sqlx::query_scalar("SELECT tenant FROM qg_sharing WHERE share = 1 ORDER BY tenant")
                .fetch_all(&self.pool)
                .await?;
        Ok(Watermark { feedback: (rows, latest, sum), calibration, sharing, questions })
    }

    /// Opts `tenant` in to or out of the shared prior.
    pub async fn set_sharing(&self, tenant: &str, share: bool, at_ms: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO qg_sharing (tenant, share, updated_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant) DO UPDATE SET share = excluded.share, updated_ms = excluded.updated_ms",
        )
        .bind(tenant)
        .bind(i32::from(share))
        .bind(at_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether `tenant` shares and when that was set; None if it never was.
    pub async fn sharing(&self, tenant: &str) -> Result<Option<(bool, i64)>, StoreError> {
        let row: Option<(i32, i64)> =
            sqlx::query_as("SELECT share, updated_ms FROM qg_sharing WHERE tenant = $1")
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(share, at)| (share != 0, at)))
    }

    /// The tenants that share.
    pub async fn sharing_tenants(&self) -> Result<std::collections::HashSet<String>, StoreError> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT tenant FROM qg_sharing WHERE share = 1").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().collect())
    }

    /// Whether resume `resume_id` was erased.
    pub async fn erased(&self, tenant: &str, resume_id: &str) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT 1 FROM qg_erased_resumes WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// Erasure: the prepared resume, the kits generated from it and their scorecards (scores,
    /// notes, outcome, and what they added to calibration) are deleted, and the id is
    /// remembered so that nothing delivered later brings the resume back.
    pub async fn erase_resume(&self, tenant: &str, resume_id: &str) -> Result<u64, StoreError> {
        let now = chrono::Utc::now().timestamp_millis();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO qg_erased_resumes (tenant, resume_id, erased_ms) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(tenant)
        .bind(resume_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        crate::scorecards::erase_scores(&mut tx, tenant, resume_id, now).await?;
        let a = sqlx::query("DELETE FROM qg_resumes WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let b = sqlx::query("DELETE FROM qg_kits WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(resume_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(a + b)
    }
}

/// See [`QuestionStore::watermark`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Watermark {
    /// Rows, latest update and a sum over every total of the feedback totals.
    pub feedback: (i64, i64, i64),
    /// The same over the calibration totals.
    pub calibration: (i64, i64, i64),
    /// The tenants that share (few: an opt-in).
    pub sharing: Vec<String>,
    pub questions: i64,
}

/// Marks a compressed kit body. A protobuf message never starts with a zero byte (field number
/// 0 is invalid), so bodies stored uncompressed by earlier versions are told apart.
const LZ4: [u8; 2] = [0, b'4'];
/// Largest kit body accepted when decompressing (a 50-question kit is far below it).
const MAX_KIT_BYTES: usize = 16 << 20;

/// A kit body as stored: LZ4-compressed (kits repeat rubric wording, so they shrink by about
/// half, and so does the database's write volume).
///
/// Compressed straight into the stored buffer (no second allocation and copy on every Generate);
/// a body that somehow does not fit is stored as it is, which `decompress` reads too.
fn compress(body: &[u8]) -> Vec<u8> {
    let head = LZ4.len() + 4;
    let mut out = vec![0u8; head + lz4_flex::block::get_maximum_output_size(body.len())];
    out[..LZ4.len()].copy_from_slice(&LZ4);
    out[LZ4.len()..head].copy_from_slice(&(body.len() as u32).to_le_bytes());
    match lz4_flex::block::compress_into(body, &mut out[head..]) {
        Ok(n) => {
            out.truncate(head + n);
            out
        }
        Err(_) => body.to_vec(),
    }
}

/// A stored kit body as encoded protobuf: decompressed, or as it is if stored uncompressed.
fn decompress(stored: &[u8]) -> Result<Vec<u8>, StoreError> {
    let Some(rest) = stored.strip_prefix(&LZ4) else { return Ok(stored.to_vec()) };
    let corrupt = |why: String| StoreError::Corrupt(format!("compressed kit: {why}"));
    let (size, data) = rest.split_first_chunk::<4>().ok_or_else(|| corrupt("truncated".into()))?;
    let size = u32::from_le_bytes(*size) as usize;
    if size > MAX_KIT_BYTES {
        return Err(corrupt(format!("claims {size} bytes")));
    }
    let body = lz4_flex::block::decompress(data, size).map_err(|e| corrupt(e.to_string()))?;
    if body.len() != size {
        return Err(corrupt(format!("{} bytes where {size} were stored", body.len())));
    }
    Ok(body)
}

/// Kit bytes written on SQLite after which the writer starts a checkpoint in the background.
const CHECKPOINT_EVERY: usize = 256 << 10;

/// Copies SQLite's write-ahead log into the database in the background, a little at a time,
/// so that the checkpoint SQLite runs itself after a commit (every 1,000 pages of log) finds
/// almost nothing left to copy. That checkpoint runs on the committing connection, and kits
/// that arrive meanwhile wait for it: left whole, it was the largest cause of slow Generates.
struct Checkpoints {
    pool: AnyPool,
    sqlite: bool,
    written: usize,
    running: Option<tokio::task::JoinHandle<()>>,
}

impl Checkpoints {
    fn new(pool: AnyPool) -> Self {
        let sqlite = !nexushr_db::is_postgres(&pool);
        Self { pool, sqlite, written: 0, running: None }
    }

    fn wrote(&mut self, bytes: usize) {
        self.written += bytes;
        if !self.sqlite
            || self.written < CHECKPOINT_EVERY
            || self.running.as_ref().is_some_and(|r| !r.is_finished())
        {
            return;
        }
        self.written = 0;
        let pool = self.pool.clone();
        self.running = Some(tokio::spawn(async move {
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                tracing::warn!(error = %e, "background checkpoint failed; SQLite's own will run");
            }
        }));
    }
}

/// The kit writer: takes every kit waiting (up to [`KITS_PER_COMMIT`]) and commits them in one
/// transaction. If that transaction fails, each kit is retried in a transaction of its own, so
/// one bad kit fails alone.
async fn write_kits(pool: AnyPool, mut pending: mpsc::Receiver<PendingKit>) {
    let mut batch = Vec::with_capacity(KITS_PER_COMMIT);
    let mut checkpoints = Checkpoints::new(pool.clone());
    while pending.recv_many(&mut batch, KITS_PER_COMMIT).await > 0 {
        checkpoints.wrote(batch.iter().map(|p| p.kit.body.len()).sum());
        match insert_kits(&pool, &batch).await {
            Ok(outcomes) => {
                for (kit, outcome) in batch.drain(..).zip(outcomes) {
                    let _ = kit.done.send(outcome);
                }
            }
            Err(_) if batch.len() > 1 => {
                for kit in batch.drain(..) {
                    let outcome = match insert_kits(&pool, std::slice::from_ref(&kit)).await {
                        Ok(mut outcomes) => outcomes.pop().unwrap_or(Ok(())),
                        Err(e) => Err(e),
                    };
                    let _ = kit.done.send(outcome);
                }
            }
            Err(e) => {
                if let Some(kit) = batch.pop() {
                    let _ = kit.done.send(Err(e));
                }
            }
        }
    }
}

/// Inserts kits and their events in one transaction, several per statement; a kit whose
/// resume was erased meanwhile is skipped with `ResumeErased` (the others are written).
async fn insert_kits(pool: &AnyPool, kits: &[PendingKit]) -> Result<Vec<Result<(), StoreError>>, StoreError> {
    let mut tx = pool.begin().await?;
    let mut written = std::collections::HashSet::new();
    for chunk in kits.chunks(outbox::ROWS_PER_STATEMENT) {
        // A kit made from a prepared resume is written only while that resume exists, in the
        // same statement, so a Generate racing an erasure cannot leave a kit behind it.
        let sql = format!(
            "INSERT INTO qg_kits (id, tenant, role_slug, resume_id, created_ms, body) \
             SELECT column1, column2, column3, column4, column5, column6 FROM (VALUES {}) AS k \
             WHERE k.column4 = '' OR EXISTS \
             (SELECT 1 FROM qg_resumes r WHERE r.tenant = k.column2 AND r.resume_id = k.column4) RETURNING id",
            nexushr_db::values(chunk.len(), 6)
        );
        let mut query = sqlx::query(&sql);
        for PendingKit { kit, .. } in chunk {
            query = query
                .bind(&kit.id)
                .bind(&kit.tenant)
                .bind(&kit.role_slug)
                .bind(&kit.resume_id)
                .bind(kit.created_ms)
                .bind(&kit.body);
        }
        for row in query.fetch_all(&mut *tx).await? {
            written.insert(row.try_get::<String, _>(0)?);
        }
    }
    let events: Vec<&Event> =
        kits.iter().filter(|p| written.contains(&p.kit.id)).map(|p| &p.kit.event).collect();
    outbox::enqueue_all(&mut tx, &events).await?;
    tx.commit().await?;
    Ok(kits
        .iter()
        .map(|p| {
            if written.contains(&p.kit.id) {
                Ok(())
            } else {
                Err(StoreError::ResumeErased(p.kit.resume_id.clone()))
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_is_embedded() {
        let missing = nexushr_db::unlisted(env!("CARGO_MANIFEST_DIR"), super::SQLITE, super::POSTGRES);
        assert!(missing.is_empty(), "add to SQLITE/POSTGRES: {missing:?}");
    }

    use super::*;

    fn kit_event(id: &str) -> Event {
        let payload = nexushr_proto::events::v1::KitGenerated { kit_id: id.into(), ..Default::default() };
        Event::new(nexushr_events::topics::QUESTION_SETS, "acme", id, &payload, None, chrono::Utc::now())
    }

    #[test]
    fn kit_bodies_round_trip_compressed_and_old_ones_still_read() {
        let body: Vec<u8> = b"\x0a\x03kit".iter().copied().chain(std::iter::repeat_n(b'a', 5000)).collect();
        let stored = compress(&body);
        assert!(stored.len() < body.len() / 10, "{} bytes", stored.len());
        assert_eq!(decompress(&stored).expect("decompress"), body);
        assert_eq!(decompress(&body).expect("uncompressed"), body, "bodies stored before compression");
        let mut lying = stored.clone();
        lying[2..6].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(
            matches!(decompress(&lying), Err(StoreError::Corrupt(_))),
            "a size beyond the limit is refused"
        );
        assert!(matches!(decompress(&stored[..stored.len() - 3]), Err(StoreError::Corrupt(_))), "truncated");
    }

    /// A store on a fresh SQLite file in `dir`.
    async fn sqlite_store(dir: &tempfile::TempDir) -> QuestionStore {
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("qg.db").display());
        QuestionStore::new(nexushr_db::connect(&url).await.expect("db")).await.expect("store")
    }

    /// Runs `body` on a store in a fresh PostgreSQL schema (dropped afterwards); PostgreSQL is
    /// required, not optional.
    async fn on_postgres<F: std::future::Future<Output = ()>>(body: impl FnOnce(QuestionStore) -> F) {
        let url = std::env::var("NEXUSHR_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let admin = nexushr_db::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL at {url} is required for this test: {e}"));
        let schema = format!("qg_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&admin).await.expect("schema");
        let sep = if url.contains('?') { '&' } else { '?' };
        let pool =
            nexushr_db::connect(&format!("{url}{sep}options=-c%20search_path%3D{schema}")).await.expect("db");
        body(QuestionStore::new(pool).await.expect("store")).await;
        sqlx::query(&format!("DROP SCHEMA {schema} CASCADE")).execute(&admin).await.expect("drop schema");
    }

    #[tokio::test]
    async fn concurrent_kits_commit_together_and_an_erased_resume_fails_alone_on_sqlite() {
        let dir = tempfile::tempdir().expect("dir");
        group_commit(sqlite_store(&dir).await).await;
    }

    #[tokio::test]
    async fn concurrent_kits_commit_together_and_an_erased_resume_fails_alone_on_postgres() {
        on_postgres(group_commit).await;
    }

    #[tokio::test]
    async fn concurrent_ratings_by_one_interviewer_count_once_on_sqlite() {
        let dir = tempfile::tempdir().expect("dir");
        ratings_count_once(sqlite_store(&dir).await).await;
    }

    #[tokio::test]
    async fn concurrent_ratings_by_one_interviewer_count_once_on_postgres() {
        on_postgres(ratings_count_once).await;
    }

    /// Ana sends the same first rating 16 times at once, Bo once: the totals hold two ratings.
    async fn ratings_count_once(store: QuestionStore) {
        let rate = |interviewer: &'static str, rating: i32| {
            let store = store.clone();
            tokio::spawn(async move {
                let f = Feedback {
                    kit_id: "kit-1",
                    question_id: "apis-01",
                    tenant: "acme",
                    role_slug: "dev",
                    interviewer,
                    asked: true,
                    rating,
                    outcome: 0,
                    at_ms: 1,
                };
                // SQLite may report its writer busy past the timeout under this burst: the
                // caller retries, as a client would.
                for _ in 0..20 {
                    match store.record_feedback(&f).await {
                        Err(StoreError::Database(_)) => {
                            tokio::time::sleep(std::time::Duration::from_millis(20)).await
                        }
                        other => return other,
                    }
                }
                store.record_feedback(&f).await
            })
        };
        let calls: Vec<_> = (0..16).map(|_| rate("ana", 4)).chain([rate("bo", 2)]).collect();
        for call in calls {
            call.await.expect("task").expect("feedback");
        }
        let totals = store.aggregates().await.expect("aggregates");
        let a = totals[&("acme".to_string(), "apis-01".to_string(), "dev".to_string())];
        assert_eq!((a.asked, a.rated, a.rating_sum), (2, 2, 6), "{a:?}");
    }

    #[tokio::test]
    async fn concurrent_scorecards_and_outcomes_keep_exact_totals_and_erasure_takes_them_back_on_sqlite() {
        let dir = tempfile::tempdir().expect("dir");
        scorecards_race(sqlite_store(&dir).await).await;
    }

    #[tokio::test]
    async fn concurrent_scorecards_and_outcomes_keep_exact_totals_and_erasure_takes_them_back_on_postgres() {
        on_postgres(scorecards_race).await;
    }

    /// Four interviewers send scorecards for three kits at once (Ana the same one eight times,
    /// then a changed one), while the outcomes flip: the running totals equal totals worked out
    /// afresh from the stored scores and outcomes; erasing the resume takes every one back.
    async fn scorecards_race(store: QuestionStore) {
        use crate::calibration::Totals;
        use crate::scorecards::{KitRef, Score};
        let resume = Prepared { candidate: Candidate::default(), dense: None, model: None };
        store.put_resume("acme", "r1", &resume).await.expect("resume");
        for k in 0..3 {
            let id = format!("kit-{k}");
            let kit = NewKit {
                event: kit_event(&id),
                id,
                tenant: "acme".into(),
                role_slug: "dev".into(),
                resume_id: "r1".into(),
                created_ms: k,
                body: vec![1],
            };
            store.save_kit(kit).await.expect("kit");
        }
        // SQLite may report its writer busy past the timeout under this burst: the caller
        // retries, as a client would.
        async fn retry<F: std::future::Future<Output = Result<bool, StoreError>>>(
            call: impl Fn() -> F,
        ) -> Result<bool, StoreError> {
            for _ in 0..50 {
                match call().await {
                    Err(StoreError::Database(_)) => {
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await
                    }
                    other => return other,
                }
            }
            call().await
        }
        let mut calls = Vec::new();
        for k in 0..3 {
            for (who, score, times) in [("ana", 4, 8), ("bo", 2, 1), ("cy", 3, 1), ("di", 1, 1)] {
                for _ in 0..times {
                    let store = store.clone();
                    calls.push(tokio::spawn(async move {
                        let kit_id = format!("kit-{k}");
                        let kit = KitRef { tenant: "acme", kit_id: &kit_id, role_slug: "dev" };
                        let scores = [
                            Score { question_id: "apis-01", score, notes: "n" },
                            Score { question_id: "data-02", score: 5 - score, notes: "" },
                        ];
                        retry(|| store.record_scorecard(kit, who, &scores, 1)).await
                    }));
                }
            }
            for outcome in [1, 2, 3, 2] {
                let store = store.clone();
                calls.push(tokio::spawn(async move {
                    let kit_id = format!("kit-{k}");
                    let kit = KitRef { tenant: "acme", kit_id: &kit_id, role_slug: "dev" };
                    retry(|| store.record_outcome(kit, outcome, 1)).await
                }));
            }
        }
        for call in calls {
            assert!(call.await.expect("task").expect("write"), "the kit exists");
        }
        // Ana changes her mind on kit-0; the outcomes settle (the racing ones landed in any
        // order): kit-1 advanced, the others rejected.
        let kit = |id: &'static str| KitRef { tenant: "acme", kit_id: id, role_slug: "dev" };
        let changed = [Score { question_id: "apis-01", score: 1, notes: "on reflection" }];
        store.record_scorecard(kit("kit-0"), "ana", &changed, 2).await.expect("scorecard");
        for (id, outcome) in [("kit-0", 2), ("kit-1", 1), ("kit-2", 2)] {
            store.record_outcome(kit(id), outcome, 2).await.expect("outcome");
        }
        // Replicas see an outcome flipped at the same millisecond (counts and plain sums unchanged).
        let mark = store.watermark().await.expect("mark");
        store.record_outcome(kit("kit-1"), 2, 2).await.expect("outcome");
        assert_ne!(store.watermark().await.expect("mark"), mark, "a flipped outcome moves the watermark");
        store.record_outcome(kit("kit-1"), 1, 2).await.expect("outcome");
        assert_eq!(store.watermark().await.expect("mark"), mark);
        let gone = store.record_outcome(kit("kit-9"), 1, 2).await.expect("outcome");
        assert!(!gone, "no such kit");

        let afresh = |question: &'static str| {
            let pool = store.pool().clone();
            async move {
                let mut t = Totals::default();
                for k in 0..3 {
                    let kit_id = format!("kit-{k}");
                    let scores: Vec<i32> = sqlx::query_scalar(
                        "SELECT score FROM qg_scores WHERE kit_id = $1 AND question_id = $2",
                    )
                    .bind(&kit_id)
                    .bind(question)
                    .fetch_all(&pool)
                    .await
                    .expect("scores");
                    let outcome: i32 =
                        sqlx::query_scalar("SELECT outcome FROM qg_outcomes WHERE kit_id = $1")
                            .bind(&kit_id)
                            .fetch_one(&pool)
                            .await
                            .expect("outcome");
                    t.add(&Totals::of(&scores, outcome));
                }
                t
            }
        };
        let stored: HashMap<String, Totals> =
            store.calibration("acme", "dev").await.expect("calibration").into_iter().collect();
        for q in ["apis-01", "data-02"] {
            assert_eq!(stored[q], afresh(q).await, "{q}");
            assert_eq!((stored[q].scores, stored[q].pairs), (12, 18), "{q}: four interviewers on three kits");
        }
        assert_eq!((stored["apis-01"].adv_kits, stored["apis-01"].rej_kits), (1, 2));

        store.erase_resume("acme", "r1").await.expect("erase");
        let left = store.calibration("acme", "dev").await.expect("calibration");
        assert!(left.iter().all(|(_, t)| t.is_zero()), "{left:?}");
        let rows: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM qg_scores").fetch_one(store.pool()).await.expect("n");
        assert_eq!(rows, 0);
    }

    /// 300 kits saved at once, every tenth for a resume that does not exist (erased meanwhile).
    async fn group_commit(store: QuestionStore) {
        let resume = Prepared { candidate: Candidate::default(), dense: None, model: None };
        store.put_resume("acme", "r1", &resume).await.expect("resume");
        let saves: Vec<_> = (0..300)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let id = format!("kit-{i}");
                    // Every tenth kit is for a resume that does not exist (erased meanwhile).
                    let resume_id = if i % 10 == 0 { "gone" } else { "r1" };
                    let kit = NewKit {
                        event: kit_event(&id),
                        id,
                        tenant: "acme".into(),
                        role_slug: "dev".into(),
                        resume_id: resume_id.into(),
                        created_ms: i,
                        body: vec![1, 2, 3],
                    };
                    store.save_kit(kit).await
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for save in saves {
            outcomes.push(save.await.expect("task"));
        }
        for (i, outcome) in outcomes.iter().enumerate() {
            match outcome {
                Ok(()) => assert!(i % 10 != 0, "kit {i} for an erased resume was stored"),
                Err(StoreError::ResumeErased(r)) => assert!(i % 10 == 0 && r == "gone", "kit {i}: {r}"),
                Err(e) => panic!("kit {i}: {e}"),
            }
        }
        for i in 0..300 {
            let stored = store.kit("acme", &format!("kit-{i}")).await.expect("read");
            assert_eq!(stored.as_deref(), (i % 10 != 0).then_some(&[1u8, 2, 3][..]), "kit-{i}");
        }
        assert_eq!(outbox::pending(store.pool()).await.expect("outbox"), 270, "one event per stored kit");
    }
}
