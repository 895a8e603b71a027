//! Role storage behind one interface, [`RoleStore`], with two backends on sqlx:
//! SQLite (the embedded default, a file under the data directory) and PostgreSQL.
//!
//! Both run the same SQL through sqlx's `Any` driver; each has its own migrations
//! (`migrations/sqlite`, `migrations/postgres`) and the conformance suite in
//! `tests/conformance.rs` runs against both.

mod bundled;
mod import;
mod page;
mod search;
mod sql;

pub use bundled::{SYSTEM_TENANT, bundled_records, load_bundled_if_empty, role_changed, system_change};
pub use import::{ChangeEvents, ImportFormat, ImportStats, Record, import, parse_dataset, read_oews};
pub use page::{Cursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageError, PageSpec};
pub use search::{SearchHit, lexical_terms};
pub use sql::SqlRoleStore;
pub use sql::filter_fingerprint;

use nexushr_domain::{Role, TenantId};
use nexushr_events::Event;

/// What can go wrong in a store, mapped to gRPC codes by the services.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("a role with slug {0:?} already exists")]
    SlugTaken(String),
    #[error("role {0} not found")]
    NotFound(String),
    #[error("role {id} changed: version {actual} is current, the request was based on {expected}")]
    Stale { id: String, expected: i64, actual: i64 },
    #[error("stored role {id} is unreadable: {source}")]
    Corrupt { id: String, source: serde_json::Error },
    #[error("bad dataset: {0}")]
    Dataset(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("outbox: {0}")]
    Outbox(#[from] nexushr_events::EventError),
}

/// Filters of a role listing; empty strings mean no filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleFilter {
    pub category: String,
    /// A skill name (any case) or taxonomy id.
    pub skill: String,
    /// ISO 3166-1 alpha-2: roles with a salary band there.
    pub country: String,
}

/// Roles a viewer sees: global roles and the viewer's own private roles.
#[async_trait::async_trait]
pub trait RoleStore: Send + Sync + 'static {
    /// Stores a new role and enqueues `events` in the same transaction; fails with `SlugTaken`
    /// if its owner already has that slug.
    async fn insert(&self, role: &Role, events: &[Event]) -> Result<(), StoreError>;
    async fn get_by_id(&self, viewer: &TenantId, id: &str) -> Result<Option<Role>, StoreError>;
    /// The viewer's private role of that slug if any, else the global one.
    async fn get_by_slug(&self, viewer: &TenantId, slug: &str) -> Result<Option<Role>, StoreError>;
    /// One page in slug order and the cursor of the next page, if any.
    async fn list(
        &self,
        viewer: &TenantId,
        filter: &RoleFilter,
        page: &PageSpec,
    ) -> Result<(Vec<Role>, Option<Cursor>), StoreError>;
    /// Replaces a role if its stored version is still `expected_version`, with `events`.
    async fn replace(&self, role: &Role, expected_version: i64, events: &[Event]) -> Result<(), StoreError>;
    /// Deletes a role if its stored version is still `expected_version`, with `events`.
    async fn delete(&self, id: &str, expected_version: i64, events: &[Event]) -> Result<(), StoreError>;
    /// Roles matching any of the lexical `terms`, best first, at most `limit`.
    async fn search(
        &self,
        viewer: &TenantId,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError>;
    /// Every global role, for imports.
    async fn global_roles(&self) -> Result<Vec<Role>, StoreError>;
    /// Every role of every tenant, for search index rebuilds.
    async fn all_roles(&self) -> Result<Vec<Role>, StoreError>;
    /// Writes imported global roles in one transaction: new ones inserted, known ones replaced,
    /// and `events` enqueued.
    async fn write_global(
        &self,
        inserts: &[Role],
        updates: &[Role],
        events: &[Event],
    ) -> Result<(), StoreError>;
    /// Number of roles the viewer sees.
    async fn count(&self, viewer: &TenantId) -> Result<i64, StoreError>;
}
