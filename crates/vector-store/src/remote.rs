//! The server back end: a Qdrant server over gRPC (qdrant-client), one Qdrant collection per
//! physical collection, with the same payload indexes, filters and fusion as the embedded one.

use std::collections::HashMap;
use std::sync::RwLock;

use qdrant_client::Qdrant;
use qdrant_client::qdrant::r#match::MatchValue;
use qdrant_client::qdrant::{
    CollectionStatus, Condition, CountPointsBuilder, CreateCollectionBuilder,
    CreateFieldIndexCollectionBuilder, DeletePointsBuilder, Distance, FieldType, Modifier, NamedVectors,
    PointStruct, PrefetchQueryBuilder, Query as QdrantQuery, QueryPointsBuilder, Range, RrfBuilder,
    SearchParamsBuilder, SparseVectorParamsBuilder, SparseVectorsConfigBuilder, UpsertPointsBuilder, Vector,
    VectorInput, VectorParamsBuilder, VectorsConfigBuilder, point_id::PointIdOptions,
};

use crate::{
    CollectionSpec, DENSE, Filter, Hit, INTEGER_FIELDS, KEYWORD_FIELDS, Opened, Point, Query, RRF_K, SPARSE,
    Scope, StoreError, VectorStore, validate_points,
};

/// The longest [`VectorStore::optimize`] waits for the server to finish indexing.
const OPTIMIZE_WAIT: std::time::Duration = std::time::Duration::from_secs(600);

/// Cheap to clone (the gRPC client is shared).
#[derive(Clone)]
pub struct RemoteStore {
    client: Qdrant,
    /// Logical name → (physical name, dense dimension).
    collections: std::sync::Arc<RwLock<HashMap<String, (String, usize)>>>,
}

impl std::fmt::Debug for RemoteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteStore").finish_non_exhaustive()
    }
}

impl RemoteStore {
    /// Connects to a Qdrant server's gRPC endpoint, e.g. `http://qdrant:6334`.
    pub fn connect(url: &str, api_key: Option<String>) -> Result<Self, StoreError> {
        let client = Qdrant::from_url(url)
            .api_key(api_key)
            .timeout(std::time::Duration::from_secs(10))
            .skip_compatibility_check()
            .build()
            .map_err(StoreError::backend)?;
        Ok(Self { client, collections: Default::default() })
    }

    fn physical(&self, collection: &str) -> Result<(String, usize), StoreError> {
        let map =
            self.collections.read().map_err(|_| StoreError::Backend("collection map poisoned".into()))?;
        map.get(collection).cloned().ok_or_else(|| StoreError::UnknownCollection(collection.to_string()))
    }
}

fn keywords(field: &str, values: &[String]) -> Condition {
    Condition::matches(
        field,
        MatchValue::Keywords(qdrant_client::qdrant::RepeatedStrings { strings: values.to_vec() }),
    )
}

fn remote_filter(scope: &Scope, filter: &Filter) -> qdrant_client::qdrant::Filter {
    let mut must = vec![keywords("tenant", &scope.tenants())];
    must.extend(filter.any_of.iter().map(|(f, v)| keywords(f, v)));
    must.extend(filter.ranges.iter().map(|(f, (min, max))| {
        Condition::range(f, Range { gte: Some(*min as f64), lte: Some(*max as f64), ..Default::default() })
    }));
    let must_not: Vec<Condition> = filter.none_of.iter().map(|(f, v)| keywords(f, v)).collect();
    qdrant_client::qdrant::Filter { must, must_not, ..Default::default() }
}

#[async_trait::async_trait]
impl VectorStore for RemoteStore {
    async fn open(&self, spec: &CollectionSpec) -> Result<Opened, StoreError> {
        let physical = spec.physical_name();
        let opened = if self.client.collection_exists(&physical).await.map_err(StoreError::backend)? {
            Opened::Existing
        } else {
            let mut vectors = VectorsConfigBuilder::default();
            vectors.add_named_vector_params(
                DENSE,
                VectorParamsBuilder::new(spec.dense_dim as u64, Distance::Cosine),
            );
            let mut sparse = SparseVectorsConfigBuilder::default();
            sparse.add_named_vector_params(
                SPARSE,
                SparseVectorParamsBuilder::default().modifier(Modifier::Idf),
            );
            self.client
                .create_collection(
                    CreateCollectionBuilder::new(&physical)
                        .vectors_config(vectors)
                        .sparse_vectors_config(sparse),
                )
                .await
                .map_err(StoreError::backend)?;
            let fields = KEYWORD_FIELDS
                .iter()
                .map(|f| (f, FieldType::Keyword))
                .chain(INTEGER_FIELDS.iter().map(|f| (f, FieldType::Integer)));
            for (field, kind) in fields {
                self.client
                    .create_field_index(
                        CreateFieldIndexCollectionBuilder::new(&physical, *field, kind).wait(true),
                    )
                    .await
                    .map_err(StoreError::backend)?;
            }
            Opened::Created
        };
        let prefix = format!("{}__", spec.name);
        let existing = self.client.list_collections().await.map_err(StoreError::backend)?;
        for other in
            existing.collections.iter().map(|c| &c.name).filter(|n| n.starts_with(&prefix) && **n != physical)
        {
            tracing::info!(collection = %other, "dropping a collection of an older model version");
            self.client.delete_collection(other).await.map_err(StoreError::backend)?;
        }
        let mut map =
            self.collections.write().map_err(|_| StoreError::Backend("collection map poisoned".into()))?;
        map.insert(spec.name.clone(), (physical, spec.dense_dim));
        Ok(opened)
    }

    async fn upsert(&self, collection: &str, points: Vec<Point>) -> Result<(), StoreError> {
        let (physical, dim) = self.physical(collection)?;
        validate_points(&points, dim)?;
        let mut out = Vec::with_capacity(points.len());
        for p in points {
            let mut vectors = NamedVectors::default();
            if let Some(d) = p.dense {
                vectors = vectors.add_vector(DENSE, d);
            }
            if let Some(s) = p.sparse.filter(|s| !s.is_empty()) {
                vectors = vectors.add_vector(SPARSE, Vector::new_sparse(s.indices, s.values));
            }
            let mut payload = p.payload;
            payload.insert("tenant".into(), serde_json::Value::String(p.tenant));
            let payload = qdrant_client::Payload::try_from(serde_json::Value::Object(payload))
                .map_err(|e| StoreError::Invalid { field: "point.payload", reason: e.to_string() })?;
            out.push(PointStruct::new(p.id, vectors, payload));
        }
        self.client
            .upsert_points(UpsertPointsBuilder::new(physical, out).wait(true))
            .await
            .map_err(StoreError::backend)?;
        Ok(())
    }

    async fn delete(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<(), StoreError> {
        let (physical, _) = self.physical(collection)?;
        self.client
            .delete_points(DeletePointsBuilder::new(physical).points(remote_filter(scope, filter)).wait(true))
            .await
            .map_err(StoreError::backend)?;
        Ok(())
    }

    async fn query(&self, collection: &str, query: &Query) -> Result<Vec<Hit>, StoreError> {
        let (physical, dim) = self.physical(collection)?;
        query.validate(dim)?;
        let mut sources: Vec<(QdrantQuery, &str)> = Vec::new();
        if let Some(d) = &query.dense {
            sources.push((QdrantQuery::new_nearest(VectorInput::new_dense(d.clone())), DENSE));
        }
        if let Some(s) = &query.sparse {
            sources.push((
                QdrantQuery::new_nearest(VectorInput::new_sparse(s.indices.clone(), s.values.clone())),
                SPARSE,
            ));
        }
        let params = SearchParamsBuilder::default().exact(query.exact);
        let mut builder = QueryPointsBuilder::new(physical)
            .filter(remote_filter(&query.scope, &query.filter))
            .limit(query.limit as u64)
            .with_payload(true);
        builder = match sources.len() {
            0 => {
                return Err(StoreError::Invalid {
                    field: "query",
                    reason: "needs a dense or a sparse vector".into(),
                });
            }
            1 => {
                let (q, using) = sources.remove(0);
                builder.query(q).using(using).params(params)
            }
            _ => {
                for (q, using) in sources {
                    builder = builder.add_prefetch(
                        PrefetchQueryBuilder::default()
                            .query(q)
                            .using(using)
                            .params(params.clone())
                            .limit(query.candidates.max(query.limit) as u64),
                    );
                }
                builder.query(QdrantQuery::new_rrf(RrfBuilder::with_k(RRF_K)))
            }
        };
        let response = self.client.query(builder).await.map_err(StoreError::backend)?;
        let mut hits = Vec::with_capacity(response.result.len());
        for p in response.result {
            let id = match p.id.and_then(|i| i.point_id_options) {
                Some(PointIdOptions::Num(n)) => n,
                _ => continue,
            };
            let payload = p.payload.into_iter().map(|(k, v)| (k, v.into_json())).collect();
            hits.push(Hit { id, score: p.score, payload });
        }
        Ok(hits)
    }

    async fn count(&self, collection: &str, scope: &Scope, filter: &Filter) -> Result<usize, StoreError> {
        let (physical, _) = self.physical(collection)?;
        let response = self
            .client
            .count(CountPointsBuilder::new(physical).filter(remote_filter(scope, filter)).exact(true))
            .await
            .map_err(StoreError::backend)?;
        Ok(response.result.map_or(0, |r| r.count as usize))
    }

    /// The server indexes in the background: waits (up to [`OPTIMIZE_WAIT`]) until it reports the
    /// collection green, every segment optimized, so queries after a bulk load use the index.
    async fn optimize(&self, collection: &str) -> Result<(), StoreError> {
        let (physical, _) = self.physical(collection)?;
        let deadline = std::time::Instant::now() + OPTIMIZE_WAIT;
        loop {
            let info = self.client.collection_info(physical.as_str()).await.map_err(StoreError::backend)?;
            let status = info.result.map(|r| r.status).unwrap_or_default();
            if status == CollectionStatus::Green as i32 {
                return Ok(());
            }
            if std::time::Instant::now() >= deadline {
                tracing::warn!(collection, status, "the server has not finished indexing; querying anyway");
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }
}
