//! One conformance suite for both back ends: embedded Qdrant (qdrant-edge) and a Qdrant server
//! (qdrant-client) at `NEXUSHR_TEST_QDRANT_URL` (its gRPC address, e.g. `http://127.0.0.1:6334`;
//! `scripts/test.sh` starts the server from `../shared/tools/qdrant`). Without a server the
//! remote cases fail: they never pass without having run.

// The cases are plain functions the generated tests call, so clippy's test exemption for unwrap
// does not reach them.
#![allow(clippy::unwrap_used)]

use nexushr_embed::SparseVector;
use nexushr_vector_store::{
    CollectionSpec, EdgeStore, Filter, Opened, Point, Query, RemoteStore, SHARED, Scope, StoreError,
    VectorStore,
};
use serde_json::json;

const DIM: usize = 8;

fn spec(name: &str, version: &str) -> CollectionSpec {
    CollectionSpec { name: name.to_string(), dense_dim: DIM, version: version.to_string() }
}

fn unit(i: usize) -> Vec<f32> {
    let mut v = vec![0.05; DIM];
    v[i % DIM] = 1.0;
    v
}

fn sparse(ids: &[u32]) -> SparseVector {
    SparseVector { indices: ids.to_vec(), values: vec![1.0; ids.len()] }
}

fn point(id: u64, tenant: &str, dense: usize, words: &[u32], payload: serde_json::Value) -> Point {
    let serde_json::Value::Object(payload) = payload else { panic!("payload must be an object") };
    Point { id, tenant: tenant.to_string(), dense: Some(unit(dense)), sparse: Some(sparse(words)), payload }
}

fn name(base: &str) -> String {
    format!("{base}_{}", std::process::id())
}

async fn seeded(store: &dyn VectorStore, collection: &str) {
    assert_eq!(store.open(&spec(collection, "v1")).await.unwrap(), Opened::Created);
    let points = vec![
        point(1, SHARED, 0, &[10, 11], json!({"kind": "technical", "skill_ids": ["rust"], "difficulty": 2})),
        point(2, SHARED, 1, &[12], json!({"kind": "behavioral", "competency": "ownership", "difficulty": 1})),
        point(
            3,
            SHARED,
            2,
            &[10, 13],
            json!({"kind": "technical", "skill_ids": ["go", "kafka"], "difficulty": 3}),
        ),
        point(
            4,
            "acme",
            0,
            &[10],
            json!({"kind": "technical", "skill_ids": ["rust"], "difficulty": 2, "resume_id": "r1"}),
        ),
        point(
            5,
            "globex",
            0,
            &[10],
            json!({"kind": "technical", "skill_ids": ["rust"], "difficulty": 2, "resume_id": "r1"}),
        ),
    ];
    store.upsert(collection, points).await.unwrap();
}

fn ids(hits: &[nexushr_vector_store::Hit]) -> Vec<u64> {
    hits.iter().map(|h| h.id).collect()
}

async fn dense_query_finds_the_nearest_and_returns_payload(store: &dyn VectorStore) {
    let c = name("dense");
    seeded(store, &c).await;
    let hits = store
        .query(&c, &Query::new(Scope::tenant_and_shared("acme").unwrap(), 3).dense(unit(2)))
        .await
        .unwrap();
    assert_eq!(hits[0].id, 3);
    assert_eq!(hits[0].payload["kind"], "technical");
    assert_eq!(hits[0].payload["tenant"], SHARED);
}

async fn tenants_are_isolated(store: &dyn VectorStore) {
    let c = name("tenants");
    seeded(store, &c).await;
    let q = Query::new(Scope::tenant("acme").unwrap(), 10).dense(unit(0));
    assert_eq!(ids(&store.query(&c, &q).await.unwrap()), vec![4], "acme sees only its own point");
    let q = Query::new(Scope::tenant_and_shared("globex").unwrap(), 10).dense(unit(0));
    let seen = ids(&store.query(&c, &q).await.unwrap());
    assert!(seen.contains(&5) && seen.contains(&1) && !seen.contains(&4), "{seen:?}");
    assert!(matches!(Scope::tenant(""), Err(StoreError::Invalid { .. })));
    assert!(matches!(Scope::tenant(SHARED), Err(StoreError::Invalid { .. })));
}

async fn filters_select_by_payload(store: &dyn VectorStore) {
    let c = name("filters");
    seeded(store, &c).await;
    let scope = Scope::tenant_and_shared("acme").unwrap();
    let run = |f: Filter| {
        let q = Query::new(scope.clone(), 10).dense(unit(0)).filter(f);
        let c = c.clone();
        async move {
            let mut v = ids(&store.query(&c, &q).await.unwrap());
            v.sort();
            v
        }
    };
    assert_eq!(run(Filter::default().eq("kind", "behavioral")).await, vec![2]);
    assert_eq!(run(Filter::default().any_of("skill_ids", ["kafka", "rust"])).await, vec![1, 3, 4]);
    assert_eq!(run(Filter::default().range("difficulty", 2, 3)).await, vec![1, 3, 4]);
    assert_eq!(run(Filter::default().eq("kind", "technical").none_of("skill_ids", ["rust"])).await, vec![3]);
    let n = store.count(&c, &scope, &Filter::default().eq("kind", "technical")).await.unwrap();
    assert_eq!(n, 3);
}

async fn hybrid_queries_fuse_dense_and_sparse(store: &dyn VectorStore) {
    let c = name("hybrid");
    seeded(store, &c).await;
    let scope = Scope::tenant_and_shared("acme").unwrap();
    let lexical = store.query(&c, &Query::new(scope.clone(), 10).sparse(sparse(&[13]))).await.unwrap();
    assert_eq!(ids(&lexical), vec![3], "only point 3 has word 13");
    // Dense favours point 2, sparse favours point 3: both lead the fused list.
    let fused = store.query(&c, &Query::new(scope, 2).dense(unit(1)).sparse(sparse(&[13]))).await.unwrap();
    let mut top = ids(&fused);
    top.sort();
    assert_eq!(top, vec![2, 3]);
}

async fn deletes_stay_inside_the_scope(store: &dyn VectorStore) {
    let c = name("delete");
    seeded(store, &c).await;
    store
        .delete(&c, &Scope::tenant("acme").unwrap(), &Filter::default().eq("resume_id", "r1"))
        .await
        .unwrap();
    let globex = Scope::tenant("globex").unwrap();
    assert_eq!(store.count(&c, &globex, &Filter::default().eq("resume_id", "r1")).await.unwrap(), 1);
    assert_eq!(store.count(&c, &Scope::tenant("acme").unwrap(), &Filter::default()).await.unwrap(), 0);
    assert_eq!(store.count(&c, &Scope::shared(), &Filter::default()).await.unwrap(), 3);
}

async fn a_new_version_starts_an_empty_collection(store: &dyn VectorStore) {
    let c = name("version");
    seeded(store, &c).await;
    assert_eq!(store.open(&spec(&c, "v1")).await.unwrap(), Opened::Existing);
    assert_eq!(store.open(&spec(&c, "v2")).await.unwrap(), Opened::Created);
    assert_eq!(store.count(&c, &Scope::shared(), &Filter::default()).await.unwrap(), 0);
}

async fn bad_input_is_a_typed_error(store: &dyn VectorStore) {
    let c = name("invalid");
    seeded(store, &c).await;
    let scope = Scope::tenant("acme").unwrap();
    let short = Query::new(scope.clone(), 5).dense(vec![1.0; DIM - 1]);
    assert!(matches!(store.query(&c, &short).await, Err(StoreError::Invalid { field: "dense", .. })));
    let empty = Query::new(scope.clone(), 5);
    assert!(matches!(store.query(&c, &empty).await, Err(StoreError::Invalid { field: "query", .. })));
    let mut nan = point(9, "acme", 0, &[1], json!({}));
    nan.dense = Some(vec![f32::NAN; DIM]);
    assert!(matches!(store.upsert(&c, vec![nan]).await, Err(StoreError::Invalid { .. })));
    assert!(matches!(
        store.query("nope", &Query::new(scope, 5).dense(unit(0))).await,
        Err(StoreError::UnknownCollection(_))
    ));
}

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod edge {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let dir = tempfile::tempdir().unwrap();
                    let store = super::EdgeStore::new(dir.path()).unwrap();
                    super::$case(&store).await;
                }
            )*
        }
        mod remote {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let url = std::env::var("NEXUSHR_TEST_QDRANT_URL").unwrap_or_else(|_| {
                        panic!(
                            "NEXUSHR_TEST_QDRANT_URL names no Qdrant server, so the remote case {} cannot run (scripts/test.sh starts one)",
                            stringify!($case)
                        )
                    });
                    let store = super::RemoteStore::connect(&url, std::env::var("QDRANT_API_KEY").ok()).unwrap();
                    super::$case(&store).await;
                }
            )*
        }
    };
}

conformance!(
    dense_query_finds_the_nearest_and_returns_payload,
    tenants_are_isolated,
    filters_select_by_payload,
    hybrid_queries_fuse_dense_and_sparse,
    deletes_stay_inside_the_scope,
    a_new_version_starts_an_empty_collection,
    bad_input_is_a_typed_error,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_store_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = EdgeStore::new(dir.path()).unwrap();
        seeded(&store, "restart").await;
        store.optimize("restart").await.unwrap();
        store
            .upsert("restart", vec![point(6, "acme", 3, &[14], json!({"kind": "situational"}))])
            .await
            .unwrap();
    }
    let store = EdgeStore::new(dir.path()).unwrap();
    assert_eq!(store.open(&spec("restart", "v1")).await.unwrap(), Opened::Existing);
    assert_eq!(
        store.count("restart", &Scope::tenant_and_shared("acme").unwrap(), &Filter::default()).await.unwrap(),
        5
    );
    let hits =
        store.query("restart", &Query::new(Scope::tenant("acme").unwrap(), 1).dense(unit(3))).await.unwrap();
    assert_eq!(ids(&hits), vec![6]);
}
