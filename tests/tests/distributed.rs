//! The distributed mode end to end: `role-catalog`, `resume-ingestion` and
//! `question-generation` as three processes, each on its own PostgreSQL schema, talking over
//! the Kafka-protocol broker. A PDF upload becomes a ResumeParsed event, question generation
//! prepares the resume from it and answers Generate by resume id; an erasure travels the same
//! way. Needs PostgreSQL (`NEXUSHR_TEST_DATABASE_URL`), the broker
//! (`NEXUSHR_TEST_KAFKA_BROKERS`), a Qdrant server (`NEXUSHR_TEST_QDRANT_URL`, its gRPC address:
//! the services keep their vectors there, through qdrant-client) and the workspace binaries built
//! (`cargo build --workspace`). `scripts/test.sh` starts all three.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nexushr_proto::catalog::v1::{GetRoleRequest, get_role_request, role_catalog_client::RoleCatalogClient};
use nexushr_proto::questions::v1::{
    GenerateRequest, generate_request::Candidate, question_generation_client::QuestionGenerationClient,
};
use nexushr_proto::resumes::v1::{
    self as rpb, resume_ingestion_client::ResumeIngestionClient, upload_request::Part,
};
use sqlx::Connection;
use tonic::Code;
use tonic::transport::Channel;

/// A service process, killed when dropped.
struct Service {
    child: Child,
    addr: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary(name: &str) -> PathBuf {
    // target/debug/deps/<this test> -> target/debug/<name>
    let exe = std::env::current_exe().expect("test binary");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let bin = dir.join(name);
    assert!(bin.exists(), "{} is missing: run `cargo build --workspace` first", bin.display());
    bin
}

async fn schema_url(base: &str) -> String {
    let schema = format!("nexushr_e2e_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(base)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {base} is required: {e}"));
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("create schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{schema}")
}

/// Starts `name` with its own data dir and database, and waits for its "listening" line.
/// The Qdrant server the services use; the test fails without one.
fn qdrant_url() -> String {
    std::env::var("NEXUSHR_TEST_QDRANT_URL")
        .expect("NEXUSHR_TEST_QDRANT_URL names no Qdrant server (scripts/test.sh starts one)")
}

fn start(name: &str, database_url: &str, brokers: &str, data: &std::path::Path) -> Service {
    let mut child = Command::new(binary(name))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::var("HOME").unwrap_or_default())
        .env("NEXUSHR_DATA_DIR", data.join(name))
        .env("NEXUSHR_GRPC_ADDR", "127.0.0.1:0")
        .env("NEXUSHR_DATABASE_URL", database_url)
        .env("NEXUSHR_KAFKA_BROKERS", brokers)
        .env("QDRANT_URL", qdrant_url())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("start {name}: {e}"));
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(addr) = line.split("grpc://").nth(1) {
                let _ = tx.send(addr.trim().to_string());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(300)).unwrap_or_else(|_| panic!("{name} did not start"));
    Service { child, addr }
}

async fn channel(addr: &str) -> Channel {
    Channel::from_shared(format!("http://{addr}")).expect("uri").connect().await.expect("connect")
}

#[tokio::test(flavor = "multi_thread")]
async fn upload_becomes_an_event_and_a_kit_across_three_processes() {
    let base = std::env::var("NEXUSHR_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let brokers = std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let data = tempfile::tempdir().expect("temp dir");
    let catalog = start("role-catalog", &schema_url(&base).await, &brokers, data.path());
    let resumes = start("resume-ingestion", &schema_url(&base).await, &brokers, data.path());
    let questions = start("question-generation", &schema_url(&base).await, &brokers, data.path());

    let role = RoleCatalogClient::new(channel(&catalog.addr).await)
        .get_role(GetRoleRequest {
            key: Some(get_role_request::Key::Slug("backend-developer".into())),
            ..Default::default()
        })
        .await
        .expect("the catalog serves the bundled roles")
        .into_inner();
    assert_eq!(role.slug, "backend-developer");

    let pdf = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/resumes/en-olivia-bennett-macchiato-chromium.pdf"),
    )
    .expect("corpus PDF");
    let mut messages = vec![rpb::UploadRequest {
        part: Some(Part::Metadata(rpb::UploadMetadata {
            external_candidate_id: "ats-42".into(),
            idempotency_key: uuid::Uuid::new_v4().to_string(),
            file_name: "olivia.pdf".into(),
            size_bytes: pdf.len() as u64,
            ..Default::default()
        })),
    }];
    messages
        .extend(pdf.chunks(32 * 1024).map(|c| rpb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
    let mut ingestion = ResumeIngestionClient::new(channel(&resumes.addr).await);
    let resume = ingestion.upload(tokio_stream::iter(messages)).await.expect("upload").into_inner();

    // The ResumeParsed event crosses Kafka; question generation answers once it prepared it.
    let mut qg = QuestionGenerationClient::new(channel(&questions.addr).await);
    let generate = || GenerateRequest {
        role: "backend-developer".into(),
        candidate: Some(Candidate::ResumeId(resume.id.clone())),
        count: Some(10),
        ..Default::default()
    };
    let started = Instant::now();
    let kit = loop {
        match qg.generate(generate()).await {
            Ok(kit) => break kit.into_inner(),
            Err(s) if s.code() == Code::NotFound && started.elapsed() < Duration::from_secs(120) => {
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(s) => panic!("no kit after {:?}: {s:?}", started.elapsed()),
        }
    };
    println!("kit after {:?}: {} questions", started.elapsed(), kit.questions.len());
    assert_eq!(kit.questions.len(), 10);
    assert!(kit.questions.iter().all(|q| !q.evidence.is_empty()), "every question carries evidence");

    // Erasure travels the same way: the resume is gone from question generation too.
    ingestion.delete_resume(rpb::DeleteResumeRequest { id: resume.id.clone() }).await.expect("erase");
    let started = Instant::now();
    loop {
        match qg.generate(generate()).await {
            Err(s) if s.code() == Code::NotFound => break,
            _ if started.elapsed() < Duration::from_secs(120) => {
                tokio::time::sleep(Duration::from_millis(250)).await
            }
            other => panic!("the erasure did not reach question generation: {other:?}"),
        }
    }
    println!("erasure reached question generation after {:?}", started.elapsed());
}
