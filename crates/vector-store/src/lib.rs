//! One vector store interface for NexusHR, on embedded Qdrant and on a Qdrant server.
//!
//! A collection holds points with a dense vector (the sentence embedding), a sparse vector (the
//! BM25-style lexical encoding) or both, and a JSON payload. Queries are hybrid: a dense and a
//! sparse candidate list fused by reciprocal rank, under payload filters.
//!
//! Tenancy is part of the interface, not a convention: every point belongs to a tenant (or to
//! the shared space, [`SHARED`]), and a [`Query`] or a delete can only be built from a
//! [`Scope`], which always names one tenant. There is no way to write a query that sees every
//! tenant's points.
//!
//! Collections carry a version stamp (the model's and the encoder's): [`VectorStore::open`]
//! with a new stamp starts an empty collection under a new physical name and drops the old one,
//! so vectors of two models are never mixed. The database stays the source of truth; callers
//! rebuild a collection from it when `open` reports [`Opened::Created`].

mod edge;
#[cfg(feature = "remote")]
mod remote;
mod runtime;

use std::collections::BTreeMap;

pub use edge::EdgeStore;
use nexushr_embed::SparseVector;
#[cfg(feature = "remote")]
pub use remote::RemoteStore;
pub use runtime::{VectorSettings, Vectors};

/// The tenant value of points every tenant may read (the bundled question bank).
pub const SHARED: &str = "_shared";

/// The dense vector's name in every collection.
pub const DENSE: &str = "dense";
/// The sparse vector's name in every collection.
pub const SPARSE: &str = "sparse";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("collection {0} is not open")]
    UnknownCollection(String),
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("vector store: {0}")]
    Backend(String),
    #[error("{0} was configured, but this binary is built without it (build with the `distributed` feature)")]
    NotBuilt(&'static str),
}

impl StoreError {
    fn backend(e: impl std::fmt::Display) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// What a collection holds: its logical name, the dense dimension and the version stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionSpec {
    pub name: String,
    pub dense_dim: usize,
    /// Names the model and encoder that made the vectors, e.g. `all-MiniLM-L6-v2/384d|bm25/v1`.
    pub version: String,
}

impl CollectionSpec {
    /// The physical collection name: the logical name and a hash of the version stamp.
    pub fn physical_name(&self) -> String {
        format!("{}__{:08x}", self.name, fnv32(&format!("{}|{}", self.version, self.dense_dim)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The collection exists with this version and holds its vectors.
    Existing,
    /// The collection is new (first start or a version change): fill it from the database.
    Created,
}

/// Which tenant's points an operation may see. Always exactly one tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    tenant: String,
    with_shared: bool,
}

impl Scope {
    /// One tenant's own points only.
    pub fn tenant(tenant: &str) -> Result<Self, StoreError> {
        if tenant.trim().is_empty() || tenant == SHARED {
            return Err(StoreError::Invalid { field: "scope.tenant", reason: "must name a tenant".into() });
        }
        Ok(Self { tenant: tenant.to_string(), with_shared: false })
    }

    /// A tenant's own points and the shared ones.
    pub fn tenant_and_shared(tenant: &str) -> Result<Self, StoreError> {
        Ok(Self { with_shared: true, ..Self::tenant(tenant)? })
    }

    /// The shared points only (to maintain the bundled bank).
    pub fn shared() -> Self {
        Self { tenant: SHARED.to_string(), with_shared: false }
    }

    pub fn tenant_id(&self) -> &str {
        &self.tenant
    }

    fn tenants(&self) -> Vec<String> {
        if self.with_shared {
            vec![self.tenant.clone(), SHARED.to_string()]
        } else {
            vec![self.tenant.clone()]
        }
    }
}

/// Payload conditions, all of which must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Field equals one of the values (keyword fields: kind, role, skill_ids, resume_id...).
    pub any_of: BTreeMap<String, Vec<String>>,
    /// Field must not equal any of the values.
    pub none_of: BTreeMap<String, Vec<String>>,
    /// Integer field within `[min, max]`.
    pub ranges: BTreeMap<String, (i64, i64)>,
}

impl Filter {
    pub fn any_of(mut self, field: &str, values: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.any_of.entry(field.to_string()).or_default().extend(values.into_iter().map(Into::into));
        self
    }

    pub fn eq(self, field: &str, value: impl Into<String>) -> Self {
        self.any_of(field, [value.into()])
    }

    pub fn none_of(mut self, field: &str, values: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.none_of.entry(field.to_string()).or_default().extend(values.into_iter().map(Into::into));
        self
    }

    pub fn range(mut self, field: &str, min: i64, max: i64) -> Self {
        self.ranges.insert(field.to_string(), (min, max));
        self
    }
}

/// A point to store. `tenant` is [`SHARED`] or a tenant id; the payload must be a JSON object.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub id: u64,
    pub tenant: String,
    pub dense: Option<Vec<f32>>,
    pub sparse: Option<SparseVector>,
    pub payload: serde_json::Map<String, serde_json::Value>,
}

/// A stable point id for a string key (FNV-1a, 64 bits).
pub fn point_id(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn fnv32(key: &str) -> u32 {
    let h = point_id(key);
    (h ^ (h >> 32)) as u32
}

/// A hybrid query. Built from a [`Scope`], so it always names its tenant.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    scope: Scope,
    pub dense: Option<Vec<f32>>,
    pub sparse: Option<SparseVector>,
    pub filter: Filter,
    pub limit: usize,
    /// Candidates taken from each side before fusion.
    pub candidates: usize,
    /// Exact (brute-force) search instead of the HNSW index: for measuring recall.
    pub exact: bool,
}

impl Query {
    pub fn new(scope: Scope, limit: usize) -> Self {
        Self {
            scope,
            dense: None,
            sparse: None,
            filter: Filter::default(),
            limit,
            candidates: limit * 4,
            exact: false,
        }
    }

    pub fn dense(mut self, v: Vec<f32>) -> Self {
        self.dense = Some(v);
        self
    }

    pub fn sparse(mut self, v: SparseVector) -> Self {
        self.sparse = if v.is_empty() { None } else { Some(v) };
        self
    }

    pub fn filter(mut self, f: Filter) -> Self {
        self.filter = f;
        self
    }

    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    fn validate(&self, dim: usize) -> Result<(), StoreError> {
        if self.limit == 0 || self.limit > 1000 {
            return Err(StoreError::Invalid { field: "limit", reason: "must be within 1..=1000".into() });
        }
        if let Some(d) = &self.dense
            && d.len() != dim
        {
            return Err(StoreError::Invalid {
                field: "dense",
                reason: format!("{} values, expected {dim}", d.len()),
            });
        }
        Ok(())
    }
}

/// One result: the point id, its fused score and its payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: u64,
    pub score: f32,
    pub payload: serde_json::Map<String, serde_json::Value>,
}

#[async_trait::async_trait]
pub trait VectorStore: Send + Sync {
    /// Opens (creating if needed) a collection with this version stamp; an older version of
    /// the same logical collection is dropped.
    async fn open(&self, spec: &CollectionSpec) -> Result<Opened, StoreError>;

    /// Inserts or replaces points.
    async fn upsert(&self, collection: &str, points: Vec<Point>) -> Result<(), StoreError>;

    /// Deletes the scope's points matching the filter (an empty filter: all of the scope's).
    async fn delete(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<(), StoreError>;

    /// The best `limit` points by reciprocal-rank fusion of the dense and sparse candidates.
    async fn query(&self, collection: &str, query: &Query) -> Result<Vec<Hit>, StoreError>;

    /// Points in the scope matching the filter.
    async fn count(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<usize, StoreError>;

    /// Builds search indexes after a bulk load (a no-op where the server does it).
    async fn optimize(&self, collection: &str) -> Result<(), StoreError>;
}

fn validate_points(points: &[Point], dim: usize) -> Result<(), StoreError> {
    for p in points {
        if p.tenant.trim().is_empty() {
            return Err(StoreError::Invalid { field: "point.tenant", reason: "must not be empty".into() });
        }
        if p.dense.is_none() && p.sparse.as_ref().is_none_or(SparseVector::is_empty) {
            return Err(StoreError::Invalid {
                field: "point.vectors",
                reason: "a point needs a dense or sparse vector".into(),
            });
        }
        if let Some(d) = &p.dense
            && (d.len() != dim || d.iter().any(|x| !x.is_finite()))
        {
            return Err(StoreError::Invalid {
                field: "point.dense",
                reason: format!("{} finite values expected", dim),
            });
        }
    }
    Ok(())
}

/// Payload fields indexed in every collection, on both back ends.
const KEYWORD_FIELDS: &[&str] = &["tenant", "kind", "role", "skill_ids", "resume_id", "competency"];
const INTEGER_FIELDS: &[&str] = &["difficulty", "seniority"];

/// Reciprocal-rank fusion constant used on both back ends.
pub const RRF_K: u32 = 60;
