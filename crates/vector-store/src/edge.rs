//! The embedded back end: one qdrant-edge shard per collection, in a directory per physical
//! collection under the store's root, persisted across restarts (write-ahead log plus segments).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use qdrant_edge::external::ordered_float::OrderedFloat;
use qdrant_edge::{
    Condition, CountRequest, CreateIndex, Distance, EdgeConfig, EdgeShard, EdgeSparseVectorParams,
    EdgeVectorParams, FieldCondition, FieldIndexOperations, Fusion, JsonPath, Match, Modifier, NamedQuery,
    PayloadFieldSchema, PayloadSchemaType, PointId, PointInsertOperations, PointOperations, PointStruct,
    Prefetch, QueryEnum, QueryRequest, Range, ScoringQuery, SearchParams, UpdateOperation, Vector,
    VectorInternal, Vectors, WithPayloadInterface, WithVector,
};

use crate::{
    CollectionSpec, DENSE, Filter, Hit, INTEGER_FIELDS, KEYWORD_FIELDS, Opened, Point, Query, RRF_K, SPARSE,
    Scope, StoreError, VectorStore, validate_points,
};

/// Cheap to clone: clones share the open shards.
#[derive(Clone)]
pub struct EdgeStore {
    inner: Arc<Inner>,
}

struct Inner {
    root: PathBuf,
    shards: RwLock<HashMap<String, (Arc<EdgeShard>, usize)>>,
}

impl std::fmt::Debug for EdgeStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EdgeStore").field("root", &self.inner.root).finish()
    }
}

impl EdgeStore {
    /// A store keeping its collections under `root` (created if missing).
    pub fn new(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let root = root.into();
        std::fs::create_dir_all(&root)
            .map_err(|e| StoreError::Backend(format!("{}: {e}", root.display())))?;
        Ok(Self { inner: Arc::new(Inner { root, shards: RwLock::new(HashMap::new()) }) })
    }

    /// Flushes every open collection to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        let shards =
            self.inner.shards.read().map_err(|_| StoreError::Backend("shard map poisoned".into()))?;
        shards.values().for_each(|(shard, _)| shard.flush());
        Ok(())
    }
}

impl Inner {
    fn shard(&self, collection: &str) -> Result<(Arc<EdgeShard>, usize), StoreError> {
        let shards = self.shards.read().map_err(|_| StoreError::Backend("shard map poisoned".into()))?;
        shards.get(collection).cloned().ok_or_else(|| StoreError::UnknownCollection(collection.to_string()))
    }

    fn open_blocking(&self, spec: &CollectionSpec) -> Result<Opened, StoreError> {
        let physical = spec.physical_name();
        if let Ok((shard, _)) = self.shard(&spec.name)
            && shard.path().ends_with(&physical)
        {
            return Ok(Opened::Existing);
        }
        let dir = self.root.join(&physical);
        let (shard, opened) = if dir.join("edge_config.json").exists() {
            (EdgeShard::load(&dir, None).map_err(StoreError::backend)?, Opened::Existing)
        } else {
            let _ = std::fs::remove_dir_all(&dir); // a half-created directory from a crash
            std::fs::create_dir_all(&dir).map_err(StoreError::backend)?;
            let config = EdgeConfig::builder()
                .vector(DENSE, EdgeVectorParams::builder(spec.dense_dim, Distance::Cosine).build())
                .sparse_vector(SPARSE, EdgeSparseVectorParams::builder().modifier(Modifier::Idf).build())
                .build();
            let shard = EdgeShard::new(&dir, config).map_err(StoreError::backend)?;
            for field in KEYWORD_FIELDS {
                create_index(&shard, field, PayloadSchemaType::Keyword)?;
            }
            for field in INTEGER_FIELDS {
                create_index(&shard, field, PayloadSchemaType::Integer)?;
            }
            shard.flush();
            (shard, Opened::Created)
        };
        let previous = {
            let mut shards =
                self.shards.write().map_err(|_| StoreError::Backend("shard map poisoned".into()))?;
            shards.insert(spec.name.clone(), (Arc::new(shard), spec.dense_dim))
        };
        drop(previous);
        drop_other_versions(&self.root, &spec.name, &physical);
        Ok(opened)
    }
}

fn create_index(shard: &EdgeShard, field: &str, kind: PayloadSchemaType) -> Result<(), StoreError> {
    shard
        .update(UpdateOperation::FieldIndexOperation(FieldIndexOperations::CreateIndex(CreateIndex {
            field_name: path(field)?,
            field_schema: Some(PayloadFieldSchema::FieldType(kind)),
        })))
        .map_err(StoreError::backend)
}

/// Removes the directories of other versions of the logical collection `name`.
fn drop_other_versions(root: &Path, name: &str, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else { return };
    let prefix = format!("{name}__");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with(&prefix) && file_name != keep {
            tracing::info!(collection = %file_name, "dropping a collection of an older model version");
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn path(field: &str) -> Result<JsonPath, StoreError> {
    field
        .parse()
        .map_err(|()| StoreError::Invalid { field: "filter", reason: format!("bad field name {field:?}") })
}

fn keyword_any(field: &str, values: &[String]) -> Result<Condition, StoreError> {
    Ok(Condition::Field(FieldCondition::new_match(path(field)?, Match::from(values.to_vec()))))
}

/// The scope's tenant condition plus the filter's conditions.
fn edge_filter(scope: &Scope, filter: &Filter) -> Result<qdrant_edge::Filter, StoreError> {
    let mut must = vec![keyword_any("tenant", &scope.tenants())?];
    for (field, values) in &filter.any_of {
        must.push(keyword_any(field, values)?);
    }
    for (field, (min, max)) in &filter.ranges {
        let range = Range {
            gte: Some(OrderedFloat(*min as f64)),
            lte: Some(OrderedFloat(*max as f64)),
            ..Default::default()
        };
        must.push(Condition::Field(FieldCondition::new_range(path(field)?, range)));
    }
    let mut must_not = Vec::new();
    for (field, values) in &filter.none_of {
        must_not.push(keyword_any(field, values)?);
    }
    Ok(qdrant_edge::Filter {
        must: Some(must),
        must_not: if must_not.is_empty() { None } else { Some(must_not) },
        ..qdrant_edge::Filter::new()
    })
}

fn request(
    prefetches: Vec<Prefetch>,
    query: Option<ScoringQuery>,
    filter: qdrant_edge::Filter,
    params: Option<SearchParams>,
    limit: usize,
) -> QueryRequest {
    QueryRequest {
        prefetches,
        query,
        filter: Some(filter),
        score_threshold: None,
        limit,
        offset: 0,
        params,
        with_vector: WithVector::Bool(false),
        with_payload: WithPayloadInterface::Bool(true),
    }
}

fn nearest(using: &str, v: VectorInternal) -> ScoringQuery {
    ScoringQuery::Vector(QueryEnum::Nearest(NamedQuery::new(v, using)))
}

fn to_point(p: Point) -> Result<qdrant_edge::PointStructPersisted, StoreError> {
    let mut named: Vec<(&str, Vector)> = Vec::with_capacity(2);
    if let Some(d) = p.dense {
        named.push((DENSE, Vector::new_dense(d)));
    }
    if let Some(s) = p.sparse.filter(|s| !s.is_empty()) {
        let v = Vector::new_sparse(s.indices, s.values)
            .map_err(|e| StoreError::Invalid { field: "point.sparse", reason: e.to_string() })?;
        named.push((SPARSE, v));
    }
    let mut payload = p.payload;
    payload.insert("tenant".into(), serde_json::Value::String(p.tenant));
    Ok(PointStruct::new(p.id, Vectors::new_named(named), serde_json::Value::Object(payload)).0)
}

fn point_number(id: &PointId) -> u64 {
    match id {
        PointId::NumId(n) => *n,
        PointId::Uuid(u) => u.as_u64_pair().0,
    }
}

async fn run<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| StoreError::Backend(format!("worker: {e}")))?
}

#[async_trait::async_trait]
impl VectorStore for EdgeStore {
    async fn open(&self, spec: &CollectionSpec) -> Result<Opened, StoreError> {
        let (inner, spec) = (Arc::clone(&self.inner), spec.clone());
        run(move || inner.open_blocking(&spec)).await
    }

    async fn upsert(&self, collection: &str, points: Vec<Point>) -> Result<(), StoreError> {
        let (shard, dim) = self.inner.shard(collection)?;
        validate_points(&points, dim)?;
        run(move || {
            let points = points.into_iter().map(to_point).collect::<Result<Vec<_>, _>>()?;
            shard
                .update(UpdateOperation::PointOperation(PointOperations::UpsertPoints(
                    PointInsertOperations::PointsList(points),
                )))
                .map_err(StoreError::backend)
        })
        .await
    }

    async fn delete(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<(), StoreError> {
        let (shard, _) = self.inner.shard(collection)?;
        let filter = edge_filter(scope, filter)?;
        run(move || {
            shard
                .update(UpdateOperation::PointOperation(PointOperations::DeletePointsByFilter(filter)))
                .map_err(StoreError::backend)?;
            shard.flush();
            Ok(())
        })
        .await
    }

    async fn query(&self, collection: &str, query: &Query) -> Result<Vec<Hit>, StoreError> {
        let (shard, dim) = self.inner.shard(collection)?;
        query.validate(dim)?;
        let filter = edge_filter(&query.scope, &query.filter)?;
        let params = Some(SearchParams { exact: query.exact, ..Default::default() });
        let mut sources = Vec::new();
        if let Some(d) = &query.dense {
            sources.push(nearest(DENSE, VectorInternal::Dense(d.clone())));
        }
        if let Some(s) = &query.sparse {
            let v = Vector::new_sparse(s.indices.clone(), s.values.clone())
                .map_err(|e| StoreError::Invalid { field: "query.sparse", reason: e.to_string() })?;
            sources.push(nearest(SPARSE, v.0));
        }
        let request = match sources.len() {
            0 => {
                return Err(StoreError::Invalid {
                    field: "query",
                    reason: "needs a dense or a sparse vector".into(),
                });
            }
            1 => request(Vec::new(), sources.pop(), filter, params, query.limit),
            _ => {
                let prefetches = sources
                    .into_iter()
                    .map(|q| Prefetch {
                        prefetches: Vec::new(),
                        query: Some(q),
                        limit: query.candidates.max(query.limit),
                        params,
                        filter: None,
                        score_threshold: None,
                    })
                    .collect();
                let fusion = ScoringQuery::Fusion(Fusion::Rrf { k: RRF_K as usize, weights: None });
                request(prefetches, Some(fusion), filter, None, query.limit)
            }
        };
        let points = shard.query(request).map_err(StoreError::backend)?;
        Ok(points
            .into_iter()
            .map(|p| Hit {
                id: point_number(&p.id),
                score: p.score,
                payload: p.payload.map(|p| p.0).unwrap_or_default(),
            })
            .collect())
    }

    async fn count(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<usize, StoreError> {
        let (shard, _) = self.inner.shard(collection)?;
        let filter = edge_filter(scope, filter)?;
        shard.count(CountRequest { filter: Some(filter), exact: true }).map_err(StoreError::backend)
    }

    async fn optimize(&self, collection: &str) -> Result<(), StoreError> {
        let (shard, _) = self.inner.shard(collection)?;
        run(move || {
            shard.optimize().map_err(StoreError::backend)?;
            shard.flush();
            Ok(())
        })
        .await
    }
}
