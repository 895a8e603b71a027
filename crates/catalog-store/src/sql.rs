//! The SQL implementation of [`RoleStore`] for SQLite and PostgreSQL.

use std::path::Path;

use nexushr_domain::{Role, TenantId};
use nexushr_events::Event;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Executor, Row};

use crate::page::{Cursor, PageSpec, fingerprint};
use crate::search::{self, SearchHit};
use crate::{RoleFilter, RoleStore, StoreError};

/// Upper bound on rows a lexical search scores, so one query cannot scan without end.
const SEARCH_CANDIDATES: i64 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Sqlite,
    Postgres,
}

/// This store's migrations: every file of `migrations/` (a test checks none is left out).
const SQLITE: nexushr_db::Migrations = nexushr_db::migrations!("migrations/sqlite/20261128000001_roles.sql");
const POSTGRES: nexushr_db::Migrations =
    nexushr_db::migrations!("migrations/postgres/20261128000001_roles.sql");

/// Roles in SQLite or PostgreSQL, chosen by the URL scheme.
#[derive(Debug, Clone)]
pub struct SqlRoleStore {
    pool: AnyPool,
    dialect: Dialect,
}

impl SqlRoleStore {
    /// Connects to `sqlite://PATH` or `postgres://…` and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let dialect = if url.starts_with("sqlite:") { Dialect::Sqlite } else { Dialect::Postgres };
        let pool = nexushr_db::connect(url).await?;
        nexushr_events::migrate_with_outbox(&pool, SQLITE, POSTGRES).await?;
        Ok(Self { pool, dialect })
    }

    /// Opens (creating if needed) the SQLite database file at `path`.
    pub async fn open_sqlite(path: &Path) -> Result<Self, StoreError> {
        Self::connect(&format!("sqlite://{}?mode=rwc", path.display())).await
    }

    /// The pool, for the event bus and relay that share this database's outbox.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> &'static str {
        match self.dialect {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    /// The placeholder for a JSON document parameter.
    fn doc_param(&self, n: usize) -> String {
        match self.dialect {
            Dialect::Sqlite => format!("${n}"),
            Dialect::Postgres => format!("CAST(${n} AS JSONB)"),
        }
    }

    async fn write_role<'c, E>(
        &self,
        exec: E,
        role: &Role,
        insert: bool,
        expected: i64,
    ) -> Result<u64, StoreError>
    where
        E: Executor<'c, Database = sqlx::Any>,
    {
        let doc = serde_json::to_string(role)
            .map_err(|e| StoreError::Corrupt { id: role.id.clone(), source: e })?;
        let owner = owner_of(role);
        let sql = if insert {
            format!(
                "INSERT INTO roles (id, owner, slug, category, esco_uri, onet_soc, version, search_text, doc) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, {})",
                self.doc_param(9)
            )
        } else {
            format!(
                "UPDATE roles SET owner = $2, slug = $3, category = $4, esco_uri = $5, onet_soc = $6, version = $7, \
                 search_text = $8, doc = {} WHERE id = $1 AND version = $10",
                self.doc_param(9)
            )
        };
        let mut q = sqlx::query(&sql)
            .bind(role.id.clone())
            .bind(owner)
            .bind(role.spec.slug.clone())
            .bind(role.spec.category.to_lowercase())
            .bind(role.spec.standard_ids.esco_uri.clone())
            .bind(role.spec.standard_ids.onet_soc.clone())
            .bind(role.version)
            .bind(role.search_text())
            .bind(doc);
        if !insert {
            q = q.bind(expected);
        }
        let done = q.execute(exec).await.map_err(|e| slug_conflict(e, &role.spec.slug))?;
        Ok(done.rows_affected())
    }

    async fn write_index(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        role: &Role,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM role_skills WHERE role_id = $1")
            .bind(role.id.clone())
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM role_countries WHERE role_id = $1")
            .bind(role.id.clone())
            .execute(&mut **tx)
            .await?;
        for key in role.skill_keys() {
            sqlx::query("INSERT INTO role_skills (role_id, skill_key) VALUES ($1, $2)")
                .bind(role.id.clone())
                .bind(key)
                .execute(&mut **tx)
                .await?;
        }
        for country in role.countries() {
            sqlx::query("INSERT INTO role_countries (role_id, country) VALUES ($1, $2)")
                .bind(role.id.clone())
                .bind(country)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    async fn insert_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        role: &Role,
    ) -> Result<(), StoreError> {
        self.write_role(&mut **tx, role, true, 0).await?;
        self.write_index(tx, role).await
    }

    async fn replace_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        role: &Role,
        expected: i64,
    ) -> Result<(), StoreError> {
        if self.write_role(&mut **tx, role, false, expected).await? == 0 {
            return Err(version_conflict(tx, &role.id, expected).await);
        }
        self.write_index(tx, role).await
    }
}

/// Creates the directory a `sqlite://PATH?…` file lives in, so a fresh data dir just works.
/// Why a versioned write touched no row: the role moved on, or it is gone.
async fn version_conflict(tx: &mut sqlx::Transaction<'_, sqlx::Any>, id: &str, expected: i64) -> StoreError {
    let current: Result<Option<i64>, _> = sqlx::query_scalar("SELECT version FROM roles WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await;
    match current {
        Ok(Some(actual)) => StoreError::Stale { id: id.to_string(), expected, actual },
        Ok(None) => StoreError::NotFound(id.to_string()),
        Err(e) => StoreError::Database(e),
    }
}

async fn enqueue_all(tx: &mut sqlx::Transaction<'_, sqlx::Any>, events: &[Event]) -> Result<(), StoreError> {
    for event in events {
        nexushr_events::outbox::enqueue(tx, event).await?;
    }
    Ok(())
}

fn owner_of(role: &Role) -> String {
    role.tenant.as_ref().map(|t| t.as_str().to_string()).unwrap_or_default()
}

fn slug_conflict(e: sqlx::Error, slug: &str) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::SlugTaken(slug.to_string()),
        _ => StoreError::Database(e),
    }
}

fn decode(row: &AnyRow) -> Result<Role, StoreError> {
    let doc: String = row.try_get("doc")?;
    serde_json::from_str(&doc).map_err(|source| StoreError::Corrupt {
        id: row.try_get::<String, _>("id").unwrap_or_default(),
        source,
    })
}

/// The fingerprint page tokens of a filtered listing carry.
pub fn filter_fingerprint(viewer: &TenantId, filter: &RoleFilter) -> u64 {
    fingerprint(&[viewer.as_str(), &filter.category, &filter.skill, &filter.country])
}

const SELECT: &str = "SELECT id, CAST(doc AS TEXT) AS doc FROM roles r";

#[async_trait::async_trait]
impl RoleStore for SqlRoleStore {
    async fn insert(&self, role: &Role, events: &[Event]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        self.insert_in(&mut tx, role).await?;
        enqueue_all(&mut tx, events).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn get_by_id(&self, viewer: &TenantId, id: &str) -> Result<Option<Role>, StoreError> {
        let row = sqlx::query(&format!("{SELECT} WHERE id = $1 AND (owner = '' OR owner = $2)"))
            .bind(id.to_string())
            .bind(viewer.as_str().to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(decode).transpose()
    }

    async fn get_by_slug(&self, viewer: &TenantId, slug: &str) -> Result<Option<Role>, StoreError> {
        // A private role shadows the global role of the same slug: '' sorts first, so DESC.
        let row = sqlx::query(&format!(
            "{SELECT} WHERE slug = $1 AND (owner = '' OR owner = $2) ORDER BY owner DESC LIMIT 1"
        ))
        .bind(slug.to_string())
        .bind(viewer.as_str().to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(decode).transpose()
    }

    async fn list(
        &self,
        viewer: &TenantId,
        filter: &RoleFilter,
        page: &PageSpec,
    ) -> Result<(Vec<Role>, Option<Cursor>), StoreError> {
        let mut sql = format!("{SELECT} WHERE (r.owner = '' OR r.owner = $1)");
        let mut binds: Vec<String> = vec![viewer.as_str().to_string()];
        let mut push = |clause: &str, value: String, binds: &mut Vec<String>| {
            binds.push(value);
            sql.push_str(&clause.replace("$?", &format!("${}", binds.len())));
        };
        if !filter.category.is_empty() {
            push(" AND r.category = $?", filter.category.to_lowercase(), &mut binds);
        }
        if !filter.skill.is_empty() {
            push(
                " AND EXISTS (SELECT 1 FROM role_skills s WHERE s.role_id = r.id AND s.skill_key = $?)",
                filter.skill.to_lowercase(),
                &mut binds,
            );
        }
        if !filter.country.is_empty() {
            push(
                " AND EXISTS (SELECT 1 FROM role_countries c WHERE c.role_id = r.id AND c.country = $?)",
                filter.country.to_uppercase(),
                &mut binds,
            );
        }
        if let Some(after) = &page.after {
            push(" AND (r.slug > $?", after.slug.clone(), &mut binds);
            let n = binds.len();
            push(&format!(" OR (r.slug = ${n} AND r.id > $?))"), after.id.clone(), &mut binds);
        }
        sql.push_str(&format!(" ORDER BY r.slug, r.id LIMIT {}", page.size + 1));
        let mut q = sqlx::query(&sql);
        for b in binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut roles = rows.iter().map(decode).collect::<Result<Vec<_>, _>>()?;
        let next = if roles.len() > page.size {
            roles.truncate(page.size);
            roles.last().map(|last| Cursor {
                slug: last.spec.slug.clone(),
                id: last.id.clone(),
                filter: filter_fingerprint(viewer, filter),
            })
        } else {
            None
        };
        Ok((roles, next))
    }

    async fn replace(&self, role: &Role, expected_version: i64, events: &[Event]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        self.replace_in(&mut tx, role, expected_version).await?;
        enqueue_all(&mut tx, events).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn delete(&self, id: &str, expected_version: i64, events: &[Event]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM roles WHERE id = $1 AND version = $2")
            .bind(id.to_string())
            .bind(expected_version)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(version_conflict(&mut tx, id, expected_version).await);
        }
        sqlx::query("DELETE FROM role_skills WHERE role_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM role_countries WHERE role_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        enqueue_all(&mut tx, events).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn search(
        &self,
        viewer: &TenantId,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = format!("{SELECT} WHERE (r.owner = '' OR r.owner = $1) AND (");
        for i in 0..terms.len() {
            if i > 0 {
                sql.push_str(" OR ");
            }
            sql.push_str(&format!("r.search_text LIKE ${} ESCAPE '\\'", i + 2));
        }
        sql.push_str(&format!(") LIMIT {SEARCH_CANDIDATES}"));
        let mut q = sqlx::query(&sql).bind(viewer.as_str().to_string());
        for t in terms {
            let escaped = t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            q = q.bind(format!("%{escaped}%"));
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut hits = Vec::new();
        for row in &rows {
            if let Some(hit) = search::score(&decode(row)?, terms) {
                hits.push(hit);
            }
        }
        hits.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| a.role.spec.slug.cmp(&b.role.spec.slug))
        });
        hits.truncate(limit);
        Ok(hits)
    }

    async fn global_roles(&self) -> Result<Vec<Role>, StoreError> {
        let rows = sqlx::query(&format!("{SELECT} WHERE owner = '' ORDER BY slug, id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decode).collect()
    }

    async fn all_roles(&self) -> Result<Vec<Role>, StoreError> {
        let rows = sqlx::query(&format!("{SELECT} ORDER BY slug, id")).fetch_all(&self.pool).await?;
        rows.iter().map(decode).collect()
    }

    async fn write_global(
        &self,
        inserts: &[Role],
        updates: &[Role],
        events: &[Event],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for role in inserts {
            self.insert_in(&mut tx, role).await?;
        }
        for role in updates {
            self.replace_in(&mut tx, role, role.version - 1).await?;
        }
        enqueue_all(&mut tx, events).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn count(&self, viewer: &TenantId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM roles WHERE owner = '' OR owner = $1")
            .bind(viewer.as_str().to_string())
            .fetch_one(&self.pool)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_is_embedded() {
        let missing = nexushr_db::unlisted(env!("CARGO_MANIFEST_DIR"), super::SQLITE, super::POSTGRES);
        assert!(missing.is_empty(), "add to SQLITE/POSTGRES: {missing:?}");
    }
}
