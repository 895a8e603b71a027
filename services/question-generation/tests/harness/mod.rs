//! The question-generation test harness, shared by its gRPC tests and by the cross-service tests
//! of `nexushr-tests` (`#[path]`): QuestionGeneration in process on port 0 over real gRPC, with
//! the real model, the embedded Qdrant engine, SQLite, the bundled catalog and bank, three
//! tenants' keys, and helpers to ask it.
#![allow(dead_code)] // each including test file uses some of it

use std::sync::Arc;

use nexushr_catalog_store::SqlRoleStore;
use nexushr_embed::Embedder;
use nexushr_platform::{ApiKeys, Settings, grpc};
use nexushr_proto::questions::v1::{
    self as pb, generate_request::Candidate, question_generation_client::QuestionGenerationClient,
};
use nexushr_question_generation::convert::parse_to_proto;
use nexushr_question_generation::service::QuestionService;
use nexushr_question_generation::store::QuestionStore;
use nexushr_vector_store::{EdgeStore, Vectors};
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

pub(crate) const ACME: &str = "acme-key-00000000000";
pub(crate) const GLOBEX: &str = "globex-key-000000000";
pub(crate) const INITECH: &str = "initech-key-00000000";
pub(crate) const SAMPLE: &str = include_str!("../../../../data/samples/backend-engineer.md");

pub(crate) struct App {
    pub(crate) addr: std::net::SocketAddr,
    pub(crate) service: QuestionService,
    pub(crate) pool: sqlx::AnyPool,
    _dir: tempfile::TempDir,
}

pub(crate) async fn spawn() -> App {
    spawn_with(None).await
}

pub(crate) async fn spawn_with(llm_url: Option<String>) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let roles = Arc::new(SqlRoleStore::open_sqlite(&dir.path().join("db.sqlite")).await.expect("store"));
    nexushr_catalog_store::load_bundled_if_empty(roles.as_ref()).await.expect("catalog");
    // The role pages written for the kit reviews (frontend, DevOps, data, QA, SRE, mobile).
    let review = nexushr_catalog_store::parse_dataset(
        nexushr_catalog_store::ImportFormat::RolesJson,
        include_bytes!("../../../../docs/kit-review/round3-roles.json"),
    )
    .expect("review roles");
    nexushr_catalog_store::import(
        roles.as_ref(),
        review,
        chrono::Utc::now(),
        &nexushr_catalog_store::system_change,
    )
    .await
    .expect("review roles imported");
    let store = QuestionStore::new(roles.pool().clone()).await.expect("question store");
    let pool = roles.pool().clone();
    let embedder = Embedder::load(&Embedder::default_dir()).expect("the model (scripts/fetch-data.sh model)");
    let vectors = Vectors::new(
        Arc::new(EdgeStore::new(dir.path().join("vectors")).expect("vectors")),
        Some(Arc::new(embedder)),
    );
    // The bank's vectors are cached per model: share the cache across tests and runs.
    let cache = std::env::temp_dir().join("nexushr-test-cache");
    let settings = Settings {
        data_dir: dir.path().to_path_buf(),
        cache_dir: Some(cache),
        llm_url,
        llm_model: "test-model".into(),
        llm_timeout_ms: 1500,
        ..Settings::default()
    };
    let service = nexushr_question_generation::server::build(
        nexushr_question_generation::roles::CatalogRoles::shared(roles),
        store,
        vectors,
        &settings,
    )
    .await
    .expect("service");
    let keys =
        ApiKeys::parse(&format!("{ACME}=acme,{GLOBEX}=globex,{INITECH}=initech"), "default").expect("keys");
    let (_, health) = tonic_health::server::health_reporter();
    let routes = nexushr_question_generation::server::add_routes(
        tonic::service::Routes::new(health),
        service.clone(),
        &keys,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve(listener, routes, std::future::pending()));
    App { addr, service, pool, _dir: dir }
}

impl App {
    pub(crate) async fn client(&self) -> QuestionGenerationClient<Channel> {
        let channel = Channel::from_shared(format!("http://{}", self.addr))
            .expect("uri")
            .connect()
            .await
            .expect("connect");
        QuestionGenerationClient::new(channel)
    }
}

pub(crate) fn authed<T>(key: &str, msg: T) -> Request<T> {
    let mut req = Request::new(msg);
    req.metadata_mut().insert("authorization", format!("Bearer {key}").parse().expect("ascii"));
    req
}

pub(crate) fn sample() -> nexushr_proto::resumes::v1::ParsedResume {
    parsed_resume(SAMPLE)
}

/// A plain-text resume as the parser gives it over the wire.
pub(crate) fn parsed_resume(text: &str) -> nexushr_proto::resumes::v1::ParsedResume {
    parse_to_proto(&nexushr_resume_parser::parse(text.as_bytes(), &nexushr_resume_parser::Limits::default()))
}

pub(crate) fn generate(role: &str, candidate: Candidate) -> pb::GenerateRequest {
    pb::GenerateRequest {
        role: role.into(),
        candidate: Some(candidate),
        count: Some(10),
        ..Default::default()
    }
}

/// The backend-developer kit of `count` questions for the sample resume, for the tenant of `key`.
pub(crate) async fn sample_kit(
    c: &QuestionGenerationClient<Channel>,
    key: &str,
    count: i32,
) -> pb::InterviewKit {
    let req = pb::GenerateRequest {
        count: Some(count),
        ..generate("backend-developer", Candidate::ParsedResume(sample()))
    };
    c.clone().generate(authed(key, req)).await.expect("kit").into_inner()
}

/// A question's feedback signal in a kit; None when the kit does not ask it.
pub(crate) fn effect_in(kit: &pb::InterviewKit, id: &str) -> Option<f32> {
    kit.questions
        .iter()
        .find(|q| q.question.as_ref().is_some_and(|q| q.id == id))
        .and_then(|q| q.score_breakdown.get("effectiveness").copied())
}

/// What a kit asks and each question's score, to tell whether two kits rank exactly alike.
pub(crate) fn ranking(kit: &pb::InterviewKit) -> Vec<(String, u32)> {
    kit.questions.iter().map(|q| (q.text.clone(), q.score.to_bits())).collect()
}

pub(crate) fn assert_invalid(result: Result<impl std::fmt::Debug, Status>, field: &str) {
    let status = result.expect_err("must be rejected");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().starts_with(field), "{field}: {}", status.message());
}

pub(crate) const SECURITY_RESUME: &str = "Daniela Ruiz\ndaniela.ruiz@example.com\n\nExperience\n\nSecurity Engineer — Seguros Quetzal\nJun 2022 – Present\n- Rolled out SSO and MFA with Okta for 1,800 employees and agents.\n- Led the containment of a ransomware incident: isolated network segments and restored from backups.\n- Wrote Sigma detection rules mapped to MITRE ATT&CK for the Splunk SIEM.\n\nSOC Analyst — Nopal Telecom\nAug 2020 – May 2022\n- Built SOAR playbooks for phishing that cut triage time by 60%.\n\nSkills\nSplunk, CrowdStrike, Okta, AWS IAM, Python, threat modeling\n";
