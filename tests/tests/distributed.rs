//! The distributed mode end to end: `role-catalog`, `resume-ingestion` and two replicas of
//! `question-generation` as separate processes (each service on its own PostgreSQL schema, the
//! replicas sharing theirs), talking over the Kafka-protocol broker. A PDF upload becomes a
//! ResumeParsed event, question generation prepares the resume from it and answers Generate by
//! resume id as soon as Upload returns; feedback recorded on one replica moves the ranking on the
//! other; an erasure reaches both. Roles reach question generation only through the catalog's events: a role created,
//! edited and deleted in the catalog is used, changed and refused by Generate. Needs PostgreSQL (`NEXUSHR_TEST_DATABASE_URL`), the broker
//! (`NEXUSHR_TEST_KAFKA_BROKERS`), a Qdrant server (`NEXUSHR_TEST_QDRANT_URL`, its gRPC address:
//! the services keep their vectors there, through qdrant-client) and the workspace binaries built
//! (`cargo build --workspace`). `scripts/test.sh` starts all three.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nexushr_proto::catalog::v1::{
    self as cpb, GetRoleRequest, get_role_request, role_catalog_client::RoleCatalogClient,
};
use nexushr_proto::questions::v1::{
    self as qpb, GenerateRequest, generate_request::Candidate,
    question_generation_client::QuestionGenerationClient,
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
    /// Its Prometheus endpoint (`host:port`).
    metrics: String,
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
    start_replica(name, 1, database_url, brokers, data, &[])
}

/// Replica `n` of service `name`; replicas share the database and have their own data dirs.
/// `env` adds settings (question generation's resume ingestion address).
fn start_replica(
    name: &str,
    n: u32,
    database_url: &str,
    brokers: &str,
    data: &std::path::Path,
    env: &[(&str, &str)],
) -> Service {
    let mut child = Command::new(binary(name))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::var("HOME").unwrap_or_default())
        .env("NEXUSHR_DATA_DIR", data.join(format!("{name}-{n}")))
        .env("NEXUSHR_GRPC_ADDR", "127.0.0.1:0")
        .env("NEXUSHR_DATABASE_URL", database_url)
        .env("NEXUSHR_KAFKA_BROKERS", brokers)
        .env("QDRANT_URL", qdrant_url())
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("start {name}: {e}"));
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(addr) = line.split("grpc://").nth(1) {
                let _ = tx.send((true, addr.trim().to_string()));
            }
            if let Some(addr) = line.split("metrics on http://").nth(1) {
                let _ = tx.send((false, addr.trim().trim_end_matches("/metrics").to_string()));
            }
        }
    });
    let (mut addr, mut metrics) = (None, None);
    while addr.is_none() || metrics.is_none() {
        match rx.recv_timeout(Duration::from_secs(300)) {
            Ok((true, a)) => addr = Some(a),
            Ok((false, m)) => metrics = Some(m),
            Err(_) => panic!("{name} did not start (or printed no metrics address)"),
        }
    }
    Service { child, addr: addr.unwrap_or_default(), metrics: metrics.unwrap_or_default() }
}

/// `GET /metrics` of a service, as Prometheus scrapes it.
async fn scrape(service: &Service) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(&service.metrics).await.expect("metrics port");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: metrics\r\nConnection: close\r\n\r\n")
        .await
        .expect("scrape");
    let mut text = String::new();
    stream.read_to_string(&mut text).await.expect("read metrics");
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    text
}

/// The value of the series that starts with `series` (name and leading labels), 0 if absent.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(series))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

async fn channel(addr: &str) -> Channel {
    Channel::from_shared(format!("http://{addr}")).expect("uri").connect().await.expect("connect")
}

/// Asks `qg` for `request()` until it answers NOT_FOUND; fails at `deadline` saying that `what`
/// did not reach `whom`.
async fn until_refused(
    qg: &mut QuestionGenerationClient<Channel>,
    request: impl Fn() -> GenerateRequest,
    deadline: Instant,
    what: &str,
    whom: &str,
) {
    loop {
        match qg.generate(request()).await {
            Err(s) if s.code() == Code::NotFound => return,
            _ if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(50)).await,
            other => panic!("{what} did not reach {whom}: {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn upload_becomes_an_event_and_a_kit_across_three_processes() {
    let base = std::env::var("NEXUSHR_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let brokers = std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let data = tempfile::tempdir().expect("temp dir");
    let catalog = start("role-catalog", &schema_url(&base).await, &brokers, data.path());
    let resumes = start("resume-ingestion", &schema_url(&base).await, &brokers, data.path());
    // Two question-generation replicas over one database, as a Deployment runs them.
    let qg_database = schema_url(&base).await;
    // Events name resumes; question generation reads their parses from resume ingestion.
    let ingestion_url = format!("http://{}", resumes.addr);
    let qg_env = [("NEXUSHR_RESUME_INGESTION_URL", ingestion_url.as_str())];
    let questions = start_replica("question-generation", 1, &qg_database, &brokers, data.path(), &qg_env);
    let questions2 = start_replica("question-generation", 2, &qg_database, &brokers, data.path(), &qg_env);

    let role = RoleCatalogClient::new(channel(&catalog.addr).await)
        .get_role(GetRoleRequest {
            key: Some(get_role_request::Key::Slug("backend-developer".into())),
            ..Default::default()
        })
        .await
        .expect("the catalog serves the bundled roles")
        .into_inner();
    assert_eq!(role.slug, "backend-developer");

    // Roles reach question generation only through the catalog's events (each carries the
    // role): first the bundled catalog the catalog loaded at its start.
    let mut qg = QuestionGenerationClient::new(channel(&questions.addr).await);
    let inline = || GenerateRequest {
        role: "backend-developer".into(),
        candidate: Some(Candidate::ParsedResume(rpb::ParsedResume {
            language: "en".into(),
            skills: ["Go", "PostgreSQL", "Kubernetes"]
                .iter()
                .map(|s| rpb::ResumeSkill { raw: s.to_string(), confidence: 0.9, ..Default::default() })
                .collect(),
            ..Default::default()
        })),
        count: Some(8),
        ..Default::default()
    };
    let started = Instant::now();
    loop {
        match qg.generate(inline()).await {
            Ok(_) => break,
            Err(s) if s.code() == Code::NotFound && started.elapsed() < Duration::from_secs(60) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(s) => panic!("the bundled roles did not reach question generation: {s:?}"),
        }
    }
    println!("the bundled catalog reached Generate after {:?}", started.elapsed());
    let mut catalog_client = RoleCatalogClient::new(channel(&catalog.addr).await);
    // A private role created in the catalog is used by Generate, an edit changes the next kit,
    // a deletion makes Generate answer NOT_FOUND.
    let slug = format!("ledger-engineer-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let ledger = |requirements: &[&str]| cpb::Role {
        slug: slug.clone(),
        title: "Ledger Engineer".into(),
        category: "Technology".into(),
        summary: "Keeps the payments ledger correct.".into(),
        requirements: requirements.iter().map(|r| r.to_string()).collect(),
        ..Default::default()
    };
    let created = catalog_client
        .create_role(cpb::CreateRoleRequest {
            role: Some(ledger(&["Design and version REST APIs and gRPC services for other teams"])),
        })
        .await
        .expect("create a private role")
        .into_inner();
    let for_ledger = || GenerateRequest { role: slug.clone(), ..inline() };
    let areas = |kit: &qpb::InterviewKit| {
        let mut areas: Vec<String> =
            kit.covered_requirements.iter().chain(&kit.uncovered_requirements).cloned().collect();
        areas.sort();
        areas
    };
    let started = Instant::now();
    let first = loop {
        match qg.generate(for_ledger()).await {
            Ok(kit) => break kit.into_inner(),
            Err(s) if s.code() == Code::NotFound && started.elapsed() < Duration::from_secs(30) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(s) => panic!("the created role did not reach question generation: {s:?}"),
        }
    };
    println!("a created role reached Generate after {:?}: areas {:?}", started.elapsed(), areas(&first));
    let edited = catalog_client
        .update_role(cpb::UpdateRoleRequest {
            role: Some(cpb::Role {
                id: created.id.clone(),
                etag: created.etag.clone(),
                ..ledger(&[
                    "Tune PostgreSQL queries and indexes on the ledger tables",
                    "Design relational schemas and their migrations",
                ])
            }),
            update_mask: Some(prost_types::FieldMask { paths: vec!["requirements".into()] }),
        })
        .await
        .expect("edit the role")
        .into_inner();
    assert_eq!(edited.version, created.version + 1);
    let started = Instant::now();
    loop {
        let kit = qg.generate(for_ledger()).await.expect("a kit for the edited role").into_inner();
        if areas(&kit) != areas(&first) {
            println!("the edit reached Generate after {:?}: areas {:?}", started.elapsed(), areas(&kit));
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the edit did not reach question generation");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    catalog_client
        .delete_role(cpb::DeleteRoleRequest { id: created.id.clone(), etag: String::new() })
        .await
        .expect("delete the role");
    let started = Instant::now();
    until_refused(
        &mut qg,
        for_ledger,
        started + Duration::from_secs(30),
        "the deletion",
        "question generation",
    )
    .await;
    println!("the deletion reached Generate after {:?}", started.elapsed());

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

    // The ResumeParsed event crosses Kafka; Generate right after Upload waits for question
    // generation to prepare the resume (read your writes), so the first call returns a kit.
    let generate = || GenerateRequest {
        role: "backend-developer".into(),
        candidate: Some(Candidate::ResumeId(resume.id.clone())),
        count: Some(10),
        ..Default::default()
    };
    let started = Instant::now();
    let kit = qg.generate(generate()).await.expect("a kit right after Upload").into_inner();
    println!("kit after {:?}: {} questions", started.elapsed(), kit.questions.len());
    assert_eq!(kit.questions.len(), 10);
    assert!(kit.questions.iter().all(|q| !q.evidence.is_empty()), "every question carries evidence");

    // The other replica serves the same resume (and now holds it in memory).
    let mut qg2 = QuestionGenerationClient::new(channel(&questions2.addr).await);
    qg2.generate(generate()).await.expect("a kit from the second replica");

    // Feedback recorded on one replica changes the ranking on the other: the rated question's
    // score carries its effectiveness there.
    let rated = kit.questions[0].question.as_ref().expect("question").id.clone();
    let started = Instant::now();
    loop {
        let feedback = qpb::RecordFeedbackRequest {
            kit_id: kit.id.clone(),
            question_id: rated.clone(),
            asked: true,
            rating: 5,
            ..Default::default()
        };
        match qg.record_feedback(feedback).await {
            Ok(_) => break,
            // Kits are written in batches just after they are returned.
            Err(s) if s.code() == Code::NotFound && started.elapsed() < Duration::from_secs(10) => {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(s) => panic!("feedback: {s:?}"),
        }
    }
    let started = Instant::now();
    loop {
        let other = qg2.generate(generate()).await.expect("a kit from the second replica").into_inner();
        let effect = other
            .questions
            .iter()
            .find(|q| q.question.as_ref().is_some_and(|q| q.id == rated))
            .and_then(|q| q.score_breakdown.get("effectiveness").copied())
            .unwrap_or(0.0);
        if effect > 0.0 {
            println!("feedback on one replica reached the other after {:?}", started.elapsed());
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "feedback did not reach the second replica");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Erasure travels the same way: the resume is gone from both replicas, the one whose
    // consumer took the event and the one that only held it in memory.
    ingestion.delete_resume(rpb::DeleteResumeRequest { id: resume.id.clone() }).await.expect("erase");
    let started = Instant::now();
    for (name, client) in [("the first replica", &mut qg), ("the second replica", &mut qg2)] {
        until_refused(client, generate, started + Duration::from_secs(120), "the erasure", name).await;
        println!("erasure reached {name} after {:?}", started.elapsed());
    }

    // Every service serves its own metrics: calls by method and code, latency histograms from
    // which p99 can be computed, the event pipeline's gauges.
    let catalog_metrics = scrape(&catalog).await;
    let get_role = "nexushr_grpc_requests_total{service=\"nexushr.catalog.v1.RoleCatalog\",method=\"GetRole\",code=\"OK\"}";
    assert!(value(&catalog_metrics, get_role) >= 1.0, "{catalog_metrics}");
    let ingestion_metrics = scrape(&resumes).await;
    let upload = "nexushr_grpc_request_duration_seconds_count{service=\"nexushr.resumes.v1.ResumeIngestion\",method=\"Upload\"}";
    assert!(value(&ingestion_metrics, upload) >= 1.0, "{ingestion_metrics}");
    assert!(ingestion_metrics.contains("# TYPE nexushr_outbox_backlog gauge"), "{ingestion_metrics}");
    let (mut m1, mut m2) = (scrape(&questions).await, scrape(&questions2).await);
    let generate_le = "nexushr_grpc_request_duration_seconds_bucket{service=\"nexushr.questions.v1.QuestionGeneration\",method=\"Generate\",le=\"+Inf\"}";
    assert!(value(&m1, generate_le) >= 1.0 && value(&m2, generate_le) >= 1.0, "{m1}\n{m2}");
    let refused = "nexushr_grpc_requests_total{service=\"nexushr.questions.v1.QuestionGeneration\",method=\"Generate\",code=\"NOT_FOUND\"}";
    assert!(value(&m1, refused) >= 1.0, "the refused kits are counted as NOT_FOUND: {m1}");
    let prepared = "nexushr_preparation_duration_seconds_count";
    assert!(value(&m1, prepared) + value(&m2, prepared) >= 1.0, "{m1}\n{m2}");
    // librdkafka reports lag with its statistics, every 5 s.
    let started = Instant::now();
    while !m1.contains("nexushr_kafka_consumer_lag{") && !m2.contains("nexushr_kafka_consumer_lag{") {
        assert!(started.elapsed() < Duration::from_secs(30), "no consumer lag reported: {m1}\n{m2}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        (m1, m2) = (scrape(&questions).await, scrape(&questions2).await);
    }
    println!("consumer lag reported after {:?} more", started.elapsed());
}
