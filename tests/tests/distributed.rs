//! The distributed mode end to end: `role-catalog`, `resume-ingestion`, two replicas of
//! `question-generation` and the HTTP `gateway` in front of them, as separate processes (each
//! service on its own PostgreSQL schema, the replicas sharing theirs), talking over the
//! Kafka-protocol broker and gRPC. A PDF uploaded through the gateway becomes a ResumeParsed
//! event, question generation prepares the resume from it and the gateway's Generate by resume id
//! answers a kit as soon as the upload returns; roles reach question generation only through the
//! catalog's events: a private role created, edited and deleted in the catalog is used, changed
//! and refused by Generate through the gateway within 2 s; feedback recorded through the gateway
//! moves the ranking on both replicas; an erasure through the gateway is refused by both replicas
//! within 2 s. Needs PostgreSQL (`NEXUSHR_TEST_DATABASE_URL`), the broker
//! (`NEXUSHR_TEST_KAFKA_BROKERS`), a Qdrant server (`NEXUSHR_TEST_QDRANT_URL`, its gRPC address:
//! the services keep their vectors there, through qdrant-client) and the workspace binaries built
//! (`cargo build --workspace`). `scripts/test.sh` starts all three.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nexushr_proto::catalog::v1::{
    self as cpb, GetRoleRequest, get_role_request, role_catalog_client::RoleCatalogClient,
};
use nexushr_proto::questions::v1::{
    self as qpb, GenerateRequest, generate_request::Candidate,
    question_generation_client::QuestionGenerationClient,
};
use nexushr_proto::resumes::v1 as rpb;
use tonic::Code;
use tonic::transport::Channel;

#[path = "../support/stack.rs"]
mod stack;

use stack::{Backing, Http, Service, connect};

/// The workspace binary `name`, next to this test's directory.
fn binary(name: &str) -> PathBuf {
    // target/debug/deps/<this test> -> target/debug/<name>
    let exe = std::env::current_exe().expect("test binary");
    stack::binary_in(exe.parent().and_then(|d| d.parent()).expect("target dir"), name)
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

/// How long a change in one service may take to show in another's answers.
const PROPAGATION: Duration = Duration::from_secs(2);

impl Http {
    /// Calls `call` until four answers in a row satisfy `done` (the gateway balances over the
    /// replicas, so one answer may come from a replica that has not seen the change); fails
    /// when that takes longer than [`PROPAGATION`] from `started`, saying that `what` did not
    /// reach Generate. Returns the last answer.
    async fn until<F, Fut>(
        &self,
        what: &str,
        started: Instant,
        done: impl Fn(u16, &serde_json::Value) -> bool,
        call: F,
    ) -> serde_json::Value
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = (u16, serde_json::Value)>,
    {
        let mut in_a_row = 0;
        loop {
            let (status, answer) = call().await;
            in_a_row = if done(status, &answer) { in_a_row + 1 } else { 0 };
            if in_a_row == 4 {
                return answer;
            }
            assert!(
                started.elapsed() < PROPAGATION,
                "{what} did not reach Generate through the gateway within {PROPAGATION:?}: {status} {answer}"
            );
            if in_a_row == 0 {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
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
    let backing = Backing::from_env();
    let data = tempfile::tempdir().expect("temp dir");
    let data = data.path();
    let catalog = backing.start(&binary("role-catalog"), 1, &backing.schema().await, data, &[]);
    let resumes = backing.start(&binary("resume-ingestion"), 1, &backing.schema().await, data, &[]);
    // Two question-generation replicas over one database, as a Deployment runs them.
    let qg_database = backing.schema().await;
    // Events name resumes; question generation reads their parses from resume ingestion.
    let ingestion_url = format!("http://{}", resumes.addr);
    let qg_env = [("NEXUSHR_RESUME_INGESTION_URL", ingestion_url.as_str())];
    let qg_bin = binary("question-generation");
    let questions = backing.start(&qg_bin, 1, &qg_database, data, &qg_env);
    let questions2 = backing.start(&qg_bin, 2, &qg_database, data, &qg_env);
    // The gateway balances question generation's calls over both replicas.
    let qg_urls = format!("http://{},http://{}", questions.addr, questions2.addr);
    let catalog_url = format!("http://{}", catalog.addr);
    let gateway = backing.start(
        &binary("gateway"),
        1,
        "",
        data,
        &[
            ("NEXUSHR_HTTP_ADDR", "127.0.0.1:0"),
            ("NEXUSHR_ROLE_CATALOG_URL", catalog_url.as_str()),
            ("NEXUSHR_RESUME_INGESTION_URL", ingestion_url.as_str()),
            ("NEXUSHR_QUESTION_GENERATION_URL", qg_urls.as_str()),
        ],
    );
    let http = Http::new(&gateway.addr);

    let role = RoleCatalogClient::new(connect(&catalog.addr).await)
        .get_role(GetRoleRequest {
            key: Some(get_role_request::Key::Slug("backend-developer".into())),
            ..Default::default()
        })
        .await
        .expect("the catalog serves the bundled roles")
        .into_inner();
    assert_eq!(role.slug, "backend-developer");
    let (status, listed) = http.call("GET", "/v1/roles?q=backend", None).await;
    assert_eq!(status, 200, "{listed}");
    assert!(listed["roles"].as_array().is_some_and(|r| r.iter().any(|r| r["slug"] == "backend-developer")));

    // Roles reach question generation only through the catalog's events (each carries the
    // role): first the bundled catalog the catalog loaded at its start, on both replicas.
    let mut qg = QuestionGenerationClient::new(connect(&questions.addr).await);
    let mut qg2 = QuestionGenerationClient::new(connect(&questions2.addr).await);
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
    for client in [&mut qg, &mut qg2] {
        loop {
            match client.generate(inline()).await {
                Ok(_) => break,
                Err(s) if s.code() == Code::NotFound && started.elapsed() < Duration::from_secs(60) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(s) => panic!("the bundled roles did not reach question generation: {s:?}"),
            }
        }
    }
    println!("the bundled catalog reached Generate after {:?}", started.elapsed());

    // A PDF uploaded through the gateway; Generate right after the upload returns a kit (read
    // your writes: the ResumeParsed event crosses Kafka while question generation waits for its
    // preparation, or prepares the resume itself), on whichever replica the gateway picks.
    let pdf = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/resumes/en-olivia-bennett-macchiato-chromium.pdf"),
    )
    .expect("corpus PDF");
    let (status, resume) =
        http.upload("/v1/resumes?file_name=olivia.pdf&candidate=ats-42", pdf.clone()).await;
    assert_eq!(status, 200, "{resume}");
    assert_eq!(resume["parse"]["contact"]["name"]["value"], "Olivia Bennett", "{resume}");
    let resume_id = resume["id"].as_str().expect("resume id").to_string();
    let kit_body = |role: &str| serde_json::json!({ "role": role, "resume_id": resume_id, "count": 10 });
    let started = Instant::now();
    let (status, kit) = http.call("POST", "/v1/kits", Some(kit_body("backend-developer"))).await;
    assert_eq!(status, 200, "a kit right after the upload: {kit}");
    println!("kit through the gateway after {:?}", started.elapsed());
    let questions_of = |kit: &serde_json::Value| kit["questions"].as_array().cloned().unwrap_or_default();
    assert_eq!(questions_of(&kit).len(), 10, "{kit}");
    assert!(
        questions_of(&kit).iter().all(|q| q["evidence"].as_array().is_some_and(|e| !e.is_empty())
            && q["question_id"].as_str().is_some_and(|id| !id.is_empty())),
        "every question carries evidence and its id: {kit}"
    );
    // Both replicas serve the same resume by id over gRPC.
    let generate = || GenerateRequest {
        role: "backend-developer".into(),
        candidate: Some(Candidate::ResumeId(resume_id.clone())),
        count: Some(10),
        ..Default::default()
    };
    qg.generate(generate()).await.expect("a kit from the first replica");
    qg2.generate(generate()).await.expect("a kit from the second replica");

    // A private role created in the catalog is used by Generate through the gateway, an edit
    // changes the next kit, a deletion makes it answer 404: each within 2 s, on both replicas
    // (the gateway picks a replica per call, so each step asks it a few times, then each replica
    // directly).
    let mut catalog_client = RoleCatalogClient::new(connect(&catalog.addr).await);
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
    let areas = |kit: &serde_json::Value| {
        let mut areas: Vec<String> = ["covered_requirements", "uncovered_requirements"]
            .iter()
            .flat_map(|k| kit[k].as_array().cloned().unwrap_or_default())
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        areas.sort();
        areas
    };
    let started = Instant::now();
    let first = http
        .until(
            "a created role",
            started,
            |status, kit| status == 200 && !areas(kit).is_empty(),
            || http.call("POST", "/v1/kits", Some(kit_body(&slug))),
        )
        .await;
    // Each replica directly, with an inline resume: what its kit for the role covers now.
    let wire_areas = |kit: &qpb::InterviewKit| {
        let mut areas: Vec<String> =
            kit.covered_requirements.iter().chain(&kit.uncovered_requirements).cloned().collect();
        areas.sort();
        areas
    };
    let mut inline_areas = Vec::new();
    for client in [&mut qg, &mut qg2] {
        loop {
            match client.generate(GenerateRequest { role: slug.clone(), ..inline() }).await {
                Ok(kit) => break inline_areas.push(wire_areas(kit.get_ref())),
                Err(s) => {
                    assert!(
                        started.elapsed() < PROPAGATION,
                        "a replica does not know the created role: {s:?}"
                    );
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }
    }
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
    let changed = http
        .until(
            "the edit",
            started,
            |status, kit| status == 200 && areas(kit) != areas(&first),
            || http.call("POST", "/v1/kits", Some(kit_body(&slug))),
        )
        .await;
    // And on each replica directly: its kit for the same inline resume changes too.
    let replicas = [("the first replica", &mut qg), ("the second replica", &mut qg2)];
    for ((name, client), before) in replicas.into_iter().zip(&inline_areas) {
        loop {
            let kit = client.generate(GenerateRequest { role: slug.clone(), ..inline() }).await;
            if kit.is_ok_and(|k| wire_areas(k.get_ref()) != *before) {
                break;
            }
            assert!(started.elapsed() < PROPAGATION, "the edit did not reach {name}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    println!("the edit reached Generate after {:?}: areas {:?}", started.elapsed(), areas(&changed));
    catalog_client
        .delete_role(cpb::DeleteRoleRequest { id: created.id.clone(), etag: String::new() })
        .await
        .expect("delete the role");
    let started = Instant::now();
    http.until(
        "the deletion",
        started,
        |status, _| status == 404,
        || http.call("POST", "/v1/kits", Some(kit_body(&slug))),
    )
    .await;
    let for_ledger = || GenerateRequest { role: slug.clone(), ..inline() };
    for (name, client) in [("the first replica", &mut qg), ("the second replica", &mut qg2)] {
        until_refused(client, for_ledger, started + PROPAGATION, "the deletion", name).await;
    }
    println!("the deletion reached Generate after {:?}", started.elapsed());

    // Feedback recorded through the gateway (on either replica) changes the ranking on both:
    // the rated question's score carries its effectiveness there.
    let rated = questions_of(&kit)[0]["question_id"].as_str().expect("question id").to_string();
    let kit_id = kit["id"].as_str().expect("kit id").to_string();
    let started = Instant::now();
    loop {
        let feedback = serde_json::json!({ "question_id": rated, "asked": true, "rating": 5 });
        let (status, answer) =
            http.call("POST", &format!("/v1/kits/{kit_id}/feedback"), Some(feedback)).await;
        match status {
            200 => break,
            // Kits are written in batches just after they are returned.
            404 if started.elapsed() < Duration::from_secs(10) => {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            _ => panic!("feedback: {status} {answer}"),
        }
    }
    let started = Instant::now();
    for (name, client) in [("the first replica", &mut qg), ("the second replica", &mut qg2)] {
        loop {
            let other = client.generate(generate()).await.expect("a kit").into_inner();
            let effect = other
                .questions
                .iter()
                .find(|q| q.question.as_ref().is_some_and(|q| q.id == rated))
                .and_then(|q| q.score_breakdown.get("effectiveness").copied())
                .unwrap_or(0.0);
            if effect > 0.0 {
                println!("feedback reached {name} after {:?}", started.elapsed());
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(30), "feedback did not reach {name}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    // An erasure through the gateway is refused by both replicas within 2 s: the one whose
    // consumer took the ResumeErased event and the one that only held the resume in memory.
    let (status, erased) = http.call("DELETE", &format!("/v1/resumes/{resume_id}"), None).await;
    assert_eq!(status, 200, "{erased}");
    let started = Instant::now();
    for (name, client) in [("the first replica", &mut qg), ("the second replica", &mut qg2)] {
        until_refused(client, generate, started + PROPAGATION, "the erasure", name).await;
        println!("erasure reached {name} after {:?}", started.elapsed());
    }
    let (status, _) = http.call("POST", "/v1/kits", Some(kit_body("backend-developer"))).await;
    assert_eq!(status, 404, "the gateway's Generate refuses the erased resume");
    let (status, _) = http.call("GET", &format!("/v1/resumes/{resume_id}"), None).await;
    assert_eq!(status, 404);

    // The gateway's own metrics: its routes by status, and their latency histograms.
    let gateway_metrics = scrape(&gateway).await;
    let kits = "nexushr_http_requests_total{route=\"/v1/kits\",status=\"200\"}";
    assert!(value(&gateway_metrics, kits) >= 1.0, "{gateway_metrics}");
    assert!(
        gateway_metrics.contains("nexushr_http_request_duration_seconds_bucket{route=\"/v1/kits\""),
        "{gateway_metrics}"
    );
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
