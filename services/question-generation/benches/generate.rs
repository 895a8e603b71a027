//! Generate under load: 100 concurrent gRPC clients for 20 s against the service in-process
//! (embedded mode: SQLite, qdrant-edge, the real model, the full bank, no LLM), each asking for
//! a 10-question kit for a prepared resume and one of several roles. Prints p50, p99 and
//! throughput, and the error count.
//!
//!   cargo bench -p nexushr-question-generation --bench generate
//!   (NEXUSHR_BENCH_SECONDS and NEXUSHR_BENCH_CONCURRENCY override the defaults)

use std::sync::Arc;
use std::time::{Duration, Instant};

use nexushr_catalog_store::SqlRoleStore;
use nexushr_embed::Embedder;
use nexushr_platform::{ApiKeys, Settings, grpc};
use nexushr_proto::questions::v1::{
    self as pb, generate_request::Candidate, question_generation_client::QuestionGenerationClient,
};
use nexushr_question_generation::convert::parse_to_proto;
use nexushr_question_generation::store::QuestionStore;
use nexushr_vector_store::{EdgeStore, Vectors};
use tonic::transport::Channel;

const SAMPLE: &str = include_str!("../../../data/samples/backend-engineer.md");
const ROLES: &[&str] =
    &["backend-developer", "software-developer", "database-designer", "ict-system-architect"];

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() { 0.0 } else { sorted[((sorted.len() as f64 - 1.0) * p).round() as usize] }
}

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

#[tokio::main]
async fn main() {
    let seconds = env("NEXUSHR_BENCH_SECONDS", 20);
    let concurrency = env("NEXUSHR_BENCH_CONCURRENCY", 100) as usize;
    // Kept until the process exits: the server task's shards flush on drop after main returns.
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let roles = Arc::new(SqlRoleStore::open_sqlite(&dir.as_path().join("db.sqlite")).await.expect("store"));
    nexushr_catalog_store::load_bundled_if_empty(roles.as_ref()).await.expect("catalog");
    let store = QuestionStore::new(roles.pool().clone()).await.expect("question store");
    let embedder = Embedder::load(&Embedder::default_dir()).expect("the model (scripts/fetch-data.sh model)");
    let vectors = Vectors::new(
        Arc::new(EdgeStore::new(dir.as_path().join("vectors")).expect("vectors")),
        Some(Arc::new(embedder)),
    );
    let settings = Settings { data_dir: dir.as_path().to_path_buf(), ..Settings::default() };
    let service = nexushr_question_generation::server::build(
        nexushr_question_generation::roles::CatalogRoles::shared(roles.clone()),
        store,
        vectors,
        &settings,
    )
    .await
    .expect("service");
    let parse = nexushr_resume_parser::parse(SAMPLE.as_bytes(), &nexushr_resume_parser::Limits::default());
    for i in 0..50 {
        service
            .prepare(
                "default",
                &format!("resume-{i}"),
                nexushr_question_generation::convert::candidate(&parse_to_proto(&parse)),
            )
            .await
            .expect("prepare");
    }
    let keys = ApiKeys::parse("", "default").expect("keys");
    let (_, health) = tonic_health::server::health_reporter();
    let routes =
        nexushr_question_generation::server::add_routes(tonic::service::Routes::new(health), service, &keys);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve(listener, routes, std::future::pending()));
    let channel =
        Channel::from_shared(format!("http://{addr}")).expect("uri").connect().await.expect("connect");
    let request = |i: usize| pb::GenerateRequest {
        role: ROLES[i % ROLES.len()].into(),
        candidate: Some(Candidate::ResumeId(format!("resume-{}", i % 50))),
        count: Some(10),
        ..Default::default()
    };
    // Warm-up: every role's pool is built once (cached afterwards, as in a running server).
    let mut client = QuestionGenerationClient::new(channel.clone());
    for i in 0..ROLES.len() {
        client.generate(request(i)).await.expect("warm-up");
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let mut client = QuestionGenerationClient::new(channel.clone());
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut errors, mut i) = (Vec::new(), 0u64, worker);
            while Instant::now() < deadline {
                let t = Instant::now();
                match client.generate(request(i)).await {
                    Ok(_) => latencies.push(t.elapsed().as_secs_f64() * 1000.0),
                    Err(_) => errors += 1,
                }
                i += concurrency;
            }
            (latencies, errors)
        }));
    }
    let (mut latencies, mut errors) = (Vec::new(), 0);
    for t in tasks {
        let (l, e) = t.await.expect("worker");
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    println!(
        "Generate, {concurrency} concurrent clients, {seconds} s, 10-question kits, {} threads: {} kits, {:.0} kits/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {errors} errors (goal: p99 < 25 ms)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0.0),
    );
}
