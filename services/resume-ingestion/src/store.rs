//! Resumes and their files in SQLite or PostgreSQL. Every change is written together with its
//! event in one transaction (the outbox): a stored parse is always announced, an erasure always
//! reaches the services that derived data from it.

use nexushr_events::{Event, outbox};
use sqlx::{AnyPool, Row};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("events: {0}")]
    Events(#[from] nexushr_events::EventError),
}

/// This store's migrations: every file of `migrations/` (a test checks none is left out).
const SQLITE: nexushr_db::Migrations =
    nexushr_db::migrations!("migrations/sqlite/20261129100001_resumes.sql");
const POSTGRES: nexushr_db::Migrations =
    nexushr_db::migrations!("migrations/postgres/20261129100001_resumes.sql");

/// One stored resume (without its file).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub tenant: String,
    pub external_candidate_id: String,
    pub idempotency_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub status: String,
    /// The encoded `ParsedResume`.
    pub parsed: Vec<u8>,
    pub create_ms: i64,
    pub update_ms: i64,
}

const COLUMNS: &str = "id, tenant, external_candidate_id, idempotency_key, file_name, content_type, \
                       size_bytes, sha256, status, parsed, create_ms, update_ms";

fn record(row: &sqlx::any::AnyRow) -> Result<Record, sqlx::Error> {
    Ok(Record {
        id: row.try_get("id")?,
        tenant: row.try_get("tenant")?,
        external_candidate_id: row.try_get("external_candidate_id")?,
        idempotency_key: row.try_get("idempotency_key")?,
        file_name: row.try_get("file_name")?,
        content_type: row.try_get("content_type")?,
        size_bytes: row.try_get("size_bytes")?,
        sha256: row.try_get("sha256")?,
        status: row.try_get("status")?,
        parsed: row.try_get("parsed")?,
        create_ms: row.try_get("create_ms")?,
        update_ms: row.try_get("update_ms")?,
    })
}

/// What an insert did.
#[derive(Debug, Clone, PartialEq)]
pub enum Inserted {
    New(Record),
    /// The idempotency key was used before: the first upload's record.
    Existing(Record),
}

#[derive(Debug, Clone)]
pub struct ResumeStore {
    pool: AnyPool,
}

impl ResumeStore {
    /// Applies this service's migrations (and the outbox's) to `pool`.
    pub async fn new(pool: AnyPool) -> Result<Self, StoreError> {
        nexushr_events::migrate_with_outbox(&pool, SQLITE, POSTGRES).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    async fn by_key(&self, tenant: &str, key: &str) -> Result<Option<Record>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM ri_resumes WHERE tenant = $1 AND idempotency_key = $2"
        ))
        .bind(tenant)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(record).transpose()?)
    }

    /// Stores a new resume, its file and its event atomically. A repeated idempotency key
    /// returns the first upload instead, even when two uploads race.
    pub async fn insert(&self, r: &Record, file: &[u8], event: &Event) -> Result<Inserted, StoreError> {
        if !r.idempotency_key.is_empty()
            && let Some(existing) = self.by_key(&r.tenant, &r.idempotency_key).await?
        {
            return Ok(Inserted::Existing(existing));
        }
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(&format!(
            "INSERT INTO ri_resumes ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        ))
        .bind(&r.id)
        .bind(&r.tenant)
        .bind(&r.external_candidate_id)
        .bind(&r.idempotency_key)
        .bind(&r.file_name)
        .bind(&r.content_type)
        .bind(r.size_bytes)
        .bind(&r.sha256)
        .bind(&r.status)
        .bind(r.parsed.clone())
        .bind(r.create_ms)
        .bind(r.update_ms)
        .execute(&mut *tx)
        .await;
        if let Err(e) = inserted {
            let unique = matches!(&e, sqlx::Error::Database(d) if d.is_unique_violation());
            drop(tx);
            if unique && let Some(existing) = self.by_key(&r.tenant, &r.idempotency_key).await? {
                return Ok(Inserted::Existing(existing));
            }
            return Err(e.into());
        }
        sqlx::query("INSERT INTO ri_files (resume_id, tenant, body) VALUES ($1, $2, $3)")
            .bind(&r.id)
            .bind(&r.tenant)
            .bind(file.to_vec())
            .execute(&mut *tx)
            .await?;
        outbox::enqueue(&mut tx, event).await?;
        tx.commit().await?;
        Ok(Inserted::New(r.clone()))
    }

    pub async fn get(&self, tenant: &str, id: &str) -> Result<Option<Record>, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM ri_resumes WHERE tenant = $1 AND id = $2"))
            .bind(tenant)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(record).transpose()?)
    }

    /// Resumes newest first, after the id `before` (ids are time-ordered UUIDv7), optionally of
    /// one candidate.
    pub async fn list(
        &self,
        tenant: &str,
        external_candidate_id: &str,
        before: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Record>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM ri_resumes WHERE tenant = $1 AND ($2 = '' OR external_candidate_id = $2) \
             AND ($3 = '' OR id < $3) ORDER BY id DESC LIMIT $4"
        ))
        .bind(tenant)
        .bind(external_candidate_id)
        .bind(before.unwrap_or_default())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(record).collect::<Result<_, _>>()?)
    }

    pub async fn file(&self, tenant: &str, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT body FROM ri_files WHERE tenant = $1 AND resume_id = $2")
            .bind(tenant)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.get::<Vec<u8>, _>(0)))
    }

    /// Replaces a resume's parse (a Reparse) and announces it; `false` when it is gone.
    pub async fn update_parse(
        &self,
        tenant: &str,
        id: &str,
        status: &str,
        parsed: &[u8],
        now_ms: i64,
        event: &Event,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query(
            "UPDATE ri_resumes SET status = $1, parsed = $2, update_ms = $3 WHERE tenant = $4 AND id = $5",
        )
        .bind(status)
        .bind(parsed.to_vec())
        .bind(now_ms)
        .bind(tenant)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        outbox::enqueue(&mut tx, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Erases every resume of one candidate in one transaction, each with its `ResumeErased`
    /// event (`announce`), the way [`Self::erase`] erases one.
    pub async fn erase_candidate(
        &self,
        tenant: &str,
        external_candidate_id: &str,
        announce: impl Fn(&str) -> Event,
    ) -> Result<CandidateErased, StoreError> {
        // (It reads the candidate's resumes before deleting them.)
        let mut tx = nexushr_db::begin_write(&self.pool).await?;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM ri_resumes WHERE tenant = $1 AND external_candidate_id = $2 ORDER BY id",
        )
        .bind(tenant)
        .bind(external_candidate_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut erased = CandidateErased::default();
        for id in ids {
            let (resumes, files, undelivered) = erase_in(&mut tx, tenant, &id, &announce(&id)).await?;
            erased.resumes += resumes;
            erased.files += files;
            erased.undelivered += undelivered;
            erased.ids.push(id);
        }
        tx.commit().await?;
        Ok(erased)
    }

    /// Erases a resume: its record, its file, and its events not yet delivered, then queues
    /// the erasure event, all in one transaction. `false` when there was nothing to erase.
    pub async fn erase(&self, tenant: &str, id: &str, event: &Event) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let (records, _, _) = erase_in(&mut tx, tenant, id, event).await?;
        if records == 0 {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Deletes resume `id`'s record, file and undelivered events in `tx`, and queues `event` when
/// there was a record: the rows deleted (records, files, events).
async fn erase_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    tenant: &str,
    id: &str,
    event: &Event,
) -> Result<(u64, u64, u64), StoreError> {
    let records = sqlx::query("DELETE FROM ri_resumes WHERE tenant = $1 AND id = $2")
        .bind(tenant)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if records == 0 {
        return Ok((0, 0, 0));
    }
    let files = sqlx::query("DELETE FROM ri_files WHERE tenant = $1 AND resume_id = $2")
        .bind(tenant)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let undelivered = sqlx::query("DELETE FROM outbox WHERE aggregate_id = $1 AND topic = $2")
        .bind(id)
        .bind(nexushr_events::topics::RESUMES)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    outbox::enqueue(tx, event).await?;
    Ok((records, files, undelivered))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_is_embedded() {
        let missing = nexushr_db::unlisted(env!("CARGO_MANIFEST_DIR"), super::SQLITE, super::POSTGRES);
        assert!(missing.is_empty(), "add to SQLITE/POSTGRES: {missing:?}");
    }
}

/// What [`ResumeStore::erase_candidate`] removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CandidateErased {
    pub ids: Vec<String>,
    /// Rows: parsed resumes, original files, events not yet relayed.
    pub resumes: u64,
    pub files: u64,
    pub undelivered: u64,
}
