//! Question generation reading the resumes its events name from a real resume ingestion over
//! gRPC, with a service key: both services in process on free ports over one SQLite database
//! (the question-generation harness is shared with its own gRPC tests). Here, not in either
//! service's tests, so that no service crate depends on another, not even for its tests.

use std::sync::Arc;

use nexushr_platform::{ApiKeys, Settings, grpc};
use nexushr_proto::questions::v1::{self as pb, generate_request::Candidate};
use nexushr_question_generation::store::QuestionStore;
use tonic::Code;
use tonic::transport::Channel;

#[path = "../../services/question-generation/tests/harness/mod.rs"]
mod harness;

use harness::*;

/// The service key resume ingestion accepts from question generation in these tests.
const SERVICE_KEY: &str = "service-key-0000000000";

/// Resume ingestion on `app`'s database and a free port, with the tenants' keys and a service
/// key; its `http://` address and a client of it (as `ACME`).
async fn resume_ingestion(
    app: &App,
) -> (String, nexushr_proto::resumes::v1::resume_ingestion_client::ResumeIngestionClient<Channel>) {
    let service = nexushr_resume_ingestion::server::build(app.pool.clone(), &Settings::default())
        .await
        .expect("resume ingestion");
    let keys = ApiKeys::parse(&format!("{ACME}=acme,{GLOBEX}=globex,{SERVICE_KEY}=*:service"), "default")
        .expect("keys");
    let (_, health) = tonic_health::server::health_reporter();
    let routes =
        nexushr_resume_ingestion::server::add_routes(tonic::service::Routes::new(health), service, &keys);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(grpc::serve(listener, routes, std::future::pending()));
    let channel = Channel::from_shared(url.clone()).expect("uri").connect().await.expect("connect");
    (url, nexushr_proto::resumes::v1::resume_ingestion_client::ResumeIngestionClient::new(channel))
}

/// An Upload call's messages for a plain-text resume.
fn upload_text(candidate: &str, name: &str, text: &str) -> Vec<nexushr_proto::resumes::v1::UploadRequest> {
    use nexushr_proto::resumes::v1::{UploadMetadata, UploadRequest, upload_request::Part};
    vec![
        UploadRequest {
            part: Some(Part::Metadata(UploadMetadata {
                external_candidate_id: candidate.into(),
                file_name: name.into(),
                size_bytes: text.len() as u64,
                ..Default::default()
            })),
        },
        UploadRequest { part: Some(Part::Chunk(text.as_bytes().to_vec())) },
    ]
}

/// An upload to resume ingestion becomes a ResumeParsed event that names the resume; question
/// generation reads the parse over gRPC with its service key, for the event's tenant, and
/// prepares it; deleting the resume erases what was derived from it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resume_events_prepare_and_erase_through_the_bus() {
    use nexushr_proto::resumes::v1::DeleteResumeRequest;
    use nexushr_question_generation::resumes::GrpcResumes;
    let app = spawn().await;
    let (url, mut ingestion) = resume_ingestion(&app).await;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let consumer = nexushr_question_generation::server::start_consumer(
        app.service.clone(),
        Arc::new(GrpcResumes::new(&url, Some(SERVICE_KEY.into())).expect("client")),
        app.pool.clone(),
        &Settings::default(),
        stopped,
    )
    .expect("consumer");
    let uploaded = ingestion
        .upload(authed(ACME, tokio_stream::iter(upload_text("ats-1", "cv.md", SAMPLE))))
        .await
        .expect("upload")
        .into_inner();
    let mut c = app.client().await;
    let by_id = || generate("backend-developer", Candidate::ResumeId(uploaded.id.clone()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match c.generate(authed(ACME, by_id())).await {
            Ok(kit) => {
                assert_eq!(kit.into_inner().resume_id, uploaded.id);
                break;
            }
            Err(s) if s.code() == Code::NotFound && std::time::Instant::now() < deadline => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(s) => panic!("the ResumeParsed event was not applied: {s:?}"),
        }
    }
    // Another tenant neither reads it through the service key's reads nor gets a kit from it.
    let status = c.generate(authed(GLOBEX, by_id())).await.expect_err("acme's resume");
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    ingestion
        .delete_resume(authed(ACME, DeleteResumeRequest { id: uploaded.id.clone() }))
        .await
        .expect("delete");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while c.generate(authed(ACME, by_id())).await.is_ok() {
        assert!(std::time::Instant::now() < deadline, "the ResumeErased event was not applied");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let kits = c
        .list_kits(authed(ACME, pb::ListKitsRequest { resume_id: uploaded.id.clone(), ..Default::default() }))
        .await
        .expect("list");
    assert!(kits.into_inner().kits.is_empty(), "kits derived from the erased resume are gone");
    let _ = stop.send(true);
    let _ = consumer.await;
}

/// A read with a key resume ingestion does not accept is refused for good (the event is
/// dead-lettered at once, not retried); one of a resume deleted since is nothing to prepare.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_of_named_resumes_answer_gone_refused_or_the_resume_without_contact() {
    use nexushr_question_generation::resumes::{GrpcResumes, ResumeSource, SourceError};
    let app = spawn().await;
    let (url, mut ingestion) = resume_ingestion(&app).await;
    let uploaded = ingestion
        .upload(authed(ACME, tokio_stream::iter(upload_text("ats-2", "cv.md", SAMPLE))))
        .await
        .expect("upload")
        .into_inner();
    let source = GrpcResumes::new(&url, Some(SERVICE_KEY.into())).expect("client");
    let candidate = source.candidate("acme", &uploaded.id).await.expect("read").expect("there");
    assert!(!candidate.claims.is_empty(), "{candidate:?}");
    let held = format!("{candidate:?}");
    for contact in ["jordan.rivera@example.com", "91234-5678", "github.com/jordan-rivera-example"] {
        assert!(!held.contains(contact), "question generation never holds contact details: {held}");
    }
    assert!(source.candidate("globex", &uploaded.id).await.expect("read").is_none(), "per tenant");
    let wrong = GrpcResumes::new(&url, Some("not-a-key-0000000000".into())).expect("client");
    assert!(matches!(wrong.candidate("acme", &uploaded.id).await, Err(SourceError::Refused(_))));
    let down = GrpcResumes::new("http://127.0.0.1:9", None).expect("client");
    assert!(matches!(down.candidate("acme", &uploaded.id).await, Err(SourceError::Unavailable(_))));
}

/// Resumes embedded together in one run of ResumeParsed events (a bulk upload) are stored with
/// the vectors, and rank into the kits, they get when each event is handled alone; a line two
/// of them share is embedded once for both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_prepared_in_one_run_rank_as_when_prepared_alone() {
    use nexushr_events::{EventHandler, outbox, topics};
    use nexushr_question_generation::events::ResumeEvents;
    use nexushr_question_generation::resumes::GrpcResumes;
    let app = spawn().await;
    let (url, mut ingestion) = resume_ingestion(&app).await;
    let mut ids = Vec::new();
    for (candidate, text) in [("ats-1", SAMPLE), ("ats-2", SECURITY_RESUME), ("ats-3", SAMPLE)] {
        let req = authed(ACME, tokio_stream::iter(upload_text(candidate, "cv.txt", text)));
        ids.push(ingestion.upload(req).await.expect("upload").into_inner().id);
    }
    let events: Vec<_> = outbox::fetch(&app.pool, 0, Some(&[topics::RESUMES]), 100)
        .await
        .expect("outbox")
        .into_iter()
        .map(|stored| stored.event)
        .collect();
    assert_eq!(events.len(), 3);
    let source = || Arc::new(GrpcResumes::new(&url, Some(SERVICE_KEY.into())).expect("client"));
    let store = QuestionStore::new(app.pool.clone()).await.expect("store");
    let c = app.client().await;
    let kit = |id: String| {
        let mut c = c.clone();
        async move {
            let req = generate("backend-developer", Candidate::ResumeId(id));
            ranking(&c.generate(authed(ACME, req)).await.expect("kit").into_inner())
        }
    };
    // Each alone, then all three in one run (the second stores over the first).
    let alone = ResumeEvents::new(app.service.clone(), source());
    let mut first = Vec::new();
    for (event, id) in events.iter().zip(&ids) {
        alone.handle(event).await.expect("handled alone");
        first.push((store.resume("acme", id).await.expect("read").expect("stored"), kit(id.clone()).await));
    }
    let run = ResumeEvents::new(app.service.clone(), source());
    run.precompute(&events.iter().collect::<Vec<_>>()).await;
    for event in &events {
        run.handle(event).await.expect("handled in the run");
    }
    for ((before, kit_before), id) in first.into_iter().zip(&ids) {
        let after = store.resume("acme", id).await.expect("read").expect("stored");
        assert_eq!(before.candidate, after.candidate, "{id}");
        let (a, b) = (before.dense.expect("vectors"), after.dense.expect("vectors"));
        assert_eq!(a.len(), b.len(), "{id}");
        let worst = a
            .iter()
            .zip(&b)
            .flat_map(|(x, y)| x.iter().zip(y))
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f32::max);
        assert!(worst < 1e-5, "{id}: a vector differs by {worst}");
        assert_eq!(kit_before, kit(id.clone()).await, "{id} ranks alike");
    }
}
