//! ResumeIngestion in-process on port 0 over real gRPC: uploads of real files (a Chromium PDF
//! with a sidebar, text), idempotency, limits, every hostile file of `tests/corpus/bad`, events,
//! Reparse and erasure, on SQLite and on PostgreSQL.

use std::path::{Path, PathBuf};

use nexushr_events::outbox;
use nexushr_platform::{ApiKeys, Settings, grpc};
use nexushr_proto::events::v1::{ResumeErased, ResumeParsed};
use nexushr_proto::resumes::v1::{
    self as pb, resume_ingestion_client::ResumeIngestionClient, upload_request::Part,
};
use sqlx::{Connection, Row};
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const ACME: &str = "acme-key-00000000000";
const GLOBEX: &str = "globex-key-000000000";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

struct App {
    client: ResumeIngestionClient<Channel>,
    pool: sqlx::AnyPool,
    _dir: tempfile::TempDir,
}

async fn spawn(url: Option<String>) -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = url.unwrap_or_else(|| format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display()));
    let pool = nexushr_db::connect(&url).await.expect("database");
    let settings = Settings { max_upload_bytes: 2 * 1024 * 1024, ..Settings::default() };
    let service = nexushr_resume_ingestion::server::build(pool.clone(), &settings).await.expect("service");
    let keys = ApiKeys::parse(&format!("{ACME}=acme,{GLOBEX}=globex"), "default").expect("keys");
    let (_, health) = tonic_health::server::health_reporter();
    let routes =
        nexushr_resume_ingestion::server::add_routes(tonic::service::Routes::new(health), service, &keys);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve(listener, routes, std::future::pending()));
    let channel =
        Channel::from_shared(format!("http://{addr}")).expect("uri").connect().await.expect("connect");
    App { client: ResumeIngestionClient::new(channel), pool, _dir: dir }
}

/// A PostgreSQL schema of its own; the README's test command starts the server.
async fn postgres_url() -> String {
    let url = std::env::var("NEXUSHR_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let schema = format!("nexushr_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {url} is required for these tests: {e}"));
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("create schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

fn authed<T>(key: &str, msg: T) -> Request<T> {
    let mut req = Request::new(msg);
    req.metadata_mut().insert("authorization", format!("Bearer {key}").parse().expect("ascii"));
    req
}

fn meta(candidate: &str, key: &str, name: &str, size: u64) -> pb::UploadRequest {
    pb::UploadRequest {
        part: Some(Part::Metadata(pb::UploadMetadata {
            external_candidate_id: candidate.into(),
            idempotency_key: key.into(),
            file_name: name.into(),
            content_type: String::new(),
            size_bytes: size,
        })),
    }
}

async fn upload(
    app: &mut App,
    tenant_key: &str,
    first: pb::UploadRequest,
    bytes: &[u8],
) -> Result<pb::Resume, Status> {
    let mut messages = vec![first];
    messages
        .extend(bytes.chunks(64 * 1024).map(|c| pb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
    let req = authed(tenant_key, tokio_stream::iter(messages));
    app.client.upload(req).await.map(tonic::Response::into_inner)
}

async fn upload_file(app: &mut App, candidate: &str, key: &str, path: &Path) -> Result<pb::Resume, Status> {
    let bytes = std::fs::read(path).expect("read fixture");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    upload(app, ACME, meta(candidate, key, &name, bytes.len() as u64), &bytes).await
}

async fn events(pool: &sqlx::AnyPool) -> Vec<nexushr_events::Event> {
    outbox::fetch(pool, 0, Some(&[nexushr_events::topics::RESUMES]), 10_000)
        .await
        .expect("outbox")
        .into_iter()
        .map(|s| s.event)
        .collect()
}

const PDF: &str = "resumes/pt-ana-carolina-souza-macchiato-chromium.pdf";

async fn upload_get_list_reparse_and_erase(mut app: App) {
    let pdf = corpus().join(PDF);
    let first = upload_file(&mut app, "cand-1", "key-1", &pdf).await.expect("upload the PDF");
    let parsed = first.parsed.clone().expect("parsed");
    assert_eq!(parsed.status(), pb::ParseStatus::Ok, "{:?}", parsed.warnings);
    assert_eq!(parsed.format(), pb::DocumentFormat::Pdf);
    let contact = parsed.contact.clone().expect("contact");
    let email = contact.emails.first().map(|e| e.value.clone()).unwrap_or_default();
    assert!(contact.name.as_ref().is_some_and(|n| n.confidence > 0.0), "{contact:?}");
    assert!(!parsed.skills.is_empty() && parsed.skills.iter().all(|s| s.confidence > 0.0));
    assert_eq!(first.size_bytes, std::fs::metadata(&pdf).expect("size").len());
    assert_eq!(first.sha256.len(), 64);

    // A retry with the same key is the same resume; the same key with another file is refused.
    let retry = upload_file(&mut app, "cand-1", "key-1", &pdf).await.expect("retry");
    assert_eq!(retry.id, first.id);
    let other = corpus().join("bad/ok-text-named.docx");
    let clash = upload_file(&mut app, "cand-1", "key-1", &other).await.expect_err("key reuse");
    assert_eq!(clash.code(), Code::AlreadyExists, "{clash:?}");

    let text = upload_file(&mut app, "cand-2", "", &other).await.expect("text upload");
    let got = app
        .client
        .get_resume(authed(ACME, pb::GetResumeRequest { id: first.id.clone() }))
        .await
        .expect("get")
        .into_inner();
    assert_eq!(got.parsed, first.parsed);
    // Tenants are apart.
    let hidden = app
        .client
        .get_resume(authed(GLOBEX, pb::GetResumeRequest { id: first.id.clone() }))
        .await
        .expect_err("other tenant");
    assert_eq!(hidden.code(), Code::NotFound);
    let list = |candidate: &str, token: &str, size: i32| {
        authed(
            ACME,
            pb::ListResumesRequest {
                external_candidate_id: candidate.into(),
                page: Some(nexushr_proto::common::v1::PageRequest {
                    page_size: Some(size),
                    page_token: token.into(),
                }),
            },
        )
    };
    let by_candidate = app.client.list_resumes(list("cand-2", "", 10)).await.expect("list").into_inner();
    assert_eq!(
        by_candidate.resumes.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
        std::slice::from_ref(&text.id)
    );
    let page1 = app.client.list_resumes(list("", "", 1)).await.expect("page 1").into_inner();
    let token = page1.page.expect("page").next_page_token;
    let page2 = app.client.list_resumes(list("", &token, 1)).await.expect("page 2").into_inner();
    assert_eq!(
        [page1.resumes[0].id.clone(), page2.resumes[0].id.clone()],
        [text.id.clone(), first.id.clone()]
    );

    // ResumeParsed events went out with the upload, naming the resume and carrying no personal
    // data (consumers read the parse with GetResume; an erasure leaves nothing on the topic).
    let sent = events(&app.pool).await;
    let parsed_events: Vec<ResumeParsed> =
        sent.iter().filter_map(|e| e.payload::<ResumeParsed>().expect("decode")).collect();
    assert_eq!(parsed_events.len(), 2, "one per new resume, none for the retry");
    for e in &parsed_events {
        assert_eq!(e, &ResumeParsed { resume_id: e.resume_id.clone(), ..Default::default() });
    }

    let reparsed = app
        .client
        .reparse(authed(ACME, pb::ReparseRequest { id: first.id.clone() }))
        .await
        .expect("reparse")
        .into_inner();
    assert_eq!(reparsed.parsed.map(|p| p.skills), first.parsed.clone().map(|p| p.skills));

    // Erasure: nothing of the resume is left in any table, and the erasure is announced.
    app.client
        .delete_resume(authed(ACME, pb::DeleteResumeRequest { id: first.id.clone() }))
        .await
        .expect("delete");
    let gone = app
        .client
        .get_resume(authed(ACME, pb::GetResumeRequest { id: first.id.clone() }))
        .await
        .expect_err("gone");
    assert_eq!(gone.code(), Code::NotFound);
    let again = app
        .client
        .delete_resume(authed(ACME, pb::DeleteResumeRequest { id: first.id.clone() }))
        .await
        .expect_err("twice");
    assert_eq!(again.code(), Code::NotFound);
    let erased: Vec<ResumeErased> =
        events(&app.pool).await.iter().filter_map(|e| e.payload::<ResumeErased>().expect("decode")).collect();
    assert_eq!(
        erased.iter().map(|e| e.resume_id.clone()).collect::<Vec<_>>(),
        std::slice::from_ref(&first.id)
    );
    let mut needles: Vec<String> = vec![email.clone()];
    needles.extend(contact.phones.iter().map(|p| p.raw.clone()));
    needles.retain(|n| !n.is_empty());
    assert!(!needles.is_empty());
    assert_nowhere(&app.pool, &needles).await;
    // The other resume is untouched.
    app.client
        .get_resume(authed(ACME, pb::GetResumeRequest { id: text.id }))
        .await
        .expect("other resume kept");
}

/// No table of the service holds any of `needles`, in any column.
async fn assert_nowhere(pool: &sqlx::AnyPool, needles: &[String]) {
    for table in ["ri_resumes", "ri_files", "outbox"] {
        let rows = sqlx::query(&format!("SELECT * FROM {table}")).fetch_all(pool).await.expect("scan");
        for row in rows {
            for i in 0..row.len() {
                let cell: Vec<u8> = row
                    .try_get::<Vec<u8>, _>(i)
                    .or_else(|_| row.try_get::<String, _>(i).map(String::into_bytes))
                    .unwrap_or_default();
                for n in needles {
                    assert!(!String::from_utf8_lossy(&cell).contains(n.as_str()), "{table} still holds {n}");
                }
            }
        }
    }
}

/// An ATS erases a candidate, not each upload: every resume of the candidate goes in one call,
/// each erasure is announced, and the receipt says what was removed where and what is left.
async fn a_candidate_is_erased_with_every_resume(mut app: App) {
    let pdf = corpus().join(PDF);
    let docx = corpus().join("bad/ok-text-named.docx");
    let first = upload_file(&mut app, "ats-9", "", &pdf).await.expect("upload");
    let second = upload_file(&mut app, "ats-9", "", &docx).await.expect("upload");
    let other = upload_file(&mut app, "ats-10", "", &docx).await.expect("upload");
    let globex = {
        app.client
            .erase_candidate(authed(
                GLOBEX,
                pb::EraseCandidateRequest { external_candidate_id: "ats-9".into() },
            ))
            .await
            .expect("erase elsewhere")
            .into_inner()
    };
    assert!(
        globex.resume_ids.is_empty() && globex.pending.is_empty(),
        "another tenant erased ACME's: {globex:?}"
    );
    let contact = first.parsed.clone().and_then(|p| p.contact).expect("contact");
    let mut needles: Vec<String> = contact.emails.iter().map(|e| e.value.clone()).collect();
    needles.extend(contact.phones.iter().map(|p| p.raw.clone()));
    needles.retain(|n| !n.is_empty());
    assert!(!needles.is_empty());

    let erase =
        |candidate: &str| authed(ACME, pb::EraseCandidateRequest { external_candidate_id: candidate.into() });
    let receipt = app.client.erase_candidate(erase("ats-9")).await.expect("erase").into_inner();
    let mut ids = vec![first.id.clone(), second.id.clone()];
    ids.sort();
    assert_eq!(receipt.resume_ids, ids);
    let removed: Vec<(String, i64)> = receipt.removed.iter().map(|r| (r.what.clone(), r.count)).collect();
    assert_eq!(
        removed[..2],
        [("parsed resumes".to_string(), 2), ("original files".to_string(), 2)],
        "{receipt:?}"
    );
    assert!(receipt.pending.iter().any(|p| p.contains("question-generation")), "{receipt:?}");
    for id in [&first.id, &second.id] {
        let gone = app.client.get_resume(authed(ACME, pb::GetResumeRequest { id: id.clone() })).await;
        assert_eq!(gone.expect_err("erased").code(), Code::NotFound);
    }
    let erased: Vec<String> = events(&app.pool)
        .await
        .iter()
        .filter_map(|e| e.payload::<ResumeErased>().expect("decode"))
        .map(|e| e.resume_id)
        .collect();
    assert_eq!(erased.len(), 2, "one ResumeErased per resume: {erased:?}");
    assert!(ids.iter().all(|id| erased.contains(id)));
    assert_nowhere(&app.pool, &needles).await;
    // Another candidate is untouched; erasing again, or a candidate never seen, is an empty receipt.
    app.client.get_resume(authed(ACME, pb::GetResumeRequest { id: other.id })).await.expect("kept");
    let again = app.client.erase_candidate(erase("ats-9")).await.expect("again").into_inner();
    assert!(again.resume_ids.is_empty() && again.removed.iter().all(|r| r.count == 0), "{again:?}");
    let status = app.client.erase_candidate(erase("")).await.expect_err("no id");
    assert_eq!(status.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn a_candidate_is_erased_with_every_resume_on_sqlite() {
    a_candidate_is_erased_with_every_resume(spawn(None).await).await;
}

#[tokio::test]
async fn a_candidate_is_erased_with_every_resume_on_postgres() {
    a_candidate_is_erased_with_every_resume(spawn(Some(postgres_url().await)).await).await;
}

#[tokio::test]
async fn upload_get_list_reparse_and_erase_on_sqlite() {
    upload_get_list_reparse_and_erase(spawn(None).await).await;
}

#[tokio::test]
async fn upload_get_list_reparse_and_erase_on_postgres() {
    upload_get_list_reparse_and_erase(spawn(Some(postgres_url().await)).await).await;
}

#[tokio::test]
async fn every_hostile_file_gets_a_typed_status_and_nothing_stored_is_touched() {
    let mut app = spawn(None).await;
    let kept = upload_file(&mut app, "cand", "", &corpus().join(PDF)).await.expect("a good resume first");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(corpus().join("bad")).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let mut report = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(path).expect("read");
        let result = upload(&mut app, ACME, meta("hostile", "", &name, 0), &bytes).await;
        match &result {
            Ok(_) => assert!(name.starts_with("ok-"), "{name} was accepted"),
            Err(status) => {
                assert!(!name.starts_with("ok-"), "{name}: {status:?}");
                assert!(
                    matches!(status.code(), Code::InvalidArgument | Code::FailedPrecondition),
                    "{name}: {status:?}"
                );
                assert!(
                    status.message().starts_with("file: "),
                    "{name}: the field is named: {}",
                    status.message()
                );
            }
        }
        report.push(format!(
            "{name:<32} {}",
            result.map_or_else(|s| format!("{:?}: {}", s.code(), s.message()), |_| "OK".into())
        ));
    }
    println!("{}", report.join("\n"));
    let still = app
        .client
        .get_resume(authed(ACME, pb::GetResumeRequest { id: kept.id.clone() }))
        .await
        .expect("kept");
    assert_eq!(still.into_inner().parsed, kept.parsed);
}

#[tokio::test]
async fn limits_and_protocol_errors_name_the_field() {
    let mut app = spawn(None).await;
    let declared = upload(&mut app, ACME, meta("c", "", "big.pdf", 50 * 1024 * 1024), b"x")
        .await
        .expect_err("declared size");
    assert_eq!(declared.code(), Code::InvalidArgument);
    assert!(declared.message().starts_with("metadata.size_bytes:"), "{}", declared.message());
    let streamed = upload(&mut app, ACME, meta("c", "", "big.txt", 0), &vec![b'a'; 3 * 1024 * 1024])
        .await
        .expect_err("streamed size");
    assert!(streamed.message().starts_with("chunk:"), "{}", streamed.message());
    let chunk_first = pb::UploadRequest { part: Some(Part::Chunk(b"Ana".to_vec())) };
    let no_meta = upload(&mut app, ACME, chunk_first, b"").await.expect_err("no metadata");
    assert!(no_meta.message().starts_with("metadata:"), "{}", no_meta.message());
    let long =
        upload(&mut app, ACME, meta(&"x".repeat(500), "", "a.txt", 0), b"Ana").await.expect_err("long id");
    assert!(long.message().starts_with("metadata.external_candidate_id:"), "{}", long.message());
    let blank = app
        .client
        .get_resume(authed(ACME, pb::GetResumeRequest { id: String::new() }))
        .await
        .expect_err("blank id");
    assert_eq!((blank.code(), blank.message()), (Code::InvalidArgument, "id: required"));
}

/// UploadBatch: each item answered in order with its resume or why it was refused, the stream
/// going on after a refusal; the same file and key again is the same resume; the tenant's own.
#[tokio::test]
async fn a_batch_answers_every_item_in_order() {
    let mut app = spawn(None).await;
    let item = |id: &str, key: &str, path: &Path| {
        let content = std::fs::read(path).expect("file");
        pb::UploadBatchItem {
            item_id: id.into(),
            metadata: Some(pb::UploadMetadata {
                external_candidate_id: format!("cand-{id}"),
                idempotency_key: key.into(),
                file_name: path.file_name().expect("name").to_string_lossy().into_owned(),
                content_type: String::new(),
                size_bytes: content.len() as u64,
            }),
            content,
        }
    };
    let pdf = corpus().join(PDF);
    let mut items = vec![
        item("a", "key-a", &pdf),
        item("bad", "key-bad", &corpus().join("bad/broken-xml.docx")),
        item("b", "", &corpus().join("bad/ok-text-named.docx")),
        item("again", "key-a", &pdf),
        item(&"x".repeat(201), "", &pdf),
    ];
    items[2].metadata.as_mut().expect("metadata").file_name = "x".repeat(300);
    let request = authed(ACME, tokio_stream::iter(items));
    let mut answers = app.client.upload_batch(request).await.expect("batch").into_inner();
    let mut results = Vec::new();
    while let Some(r) = answers.message().await.expect("answer") {
        results.push(r);
    }
    use pb::upload_batch_result::Outcome;
    let ids: Vec<&str> = results.iter().map(|r| r.item_id.as_str()).collect();
    assert_eq!(ids[..4], ["a", "bad", "b", "again"], "in the order sent");
    let resume = |i: usize| match &results[i].outcome {
        Some(Outcome::Resume(r)) => r.clone(),
        other => panic!("item {i}: {other:?}"),
    };
    let refused = |i: usize| match &results[i].outcome {
        Some(Outcome::Refused(r)) => (r.code.clone(), r.message.clone()),
        other => panic!("item {i}: {other:?}"),
    };
    assert_eq!(resume(3).id, resume(0).id, "the same key and file is the same resume");
    assert_eq!(refused(1).0, "INVALID_ARGUMENT");
    assert!(refused(1).1.starts_with("file"), "{:?}", refused(1));
    assert!(refused(2).1.starts_with("metadata.file_name"), "{:?}", refused(2));
    assert!(refused(4).1.starts_with("item_id"), "{:?}", refused(4));
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ri_resumes").fetch_one(&app.pool).await.expect("count");
    assert_eq!(stored, 1, "one resume: the refusals stored nothing");
    let tenant: String =
        sqlx::query_scalar("SELECT tenant FROM ri_resumes").fetch_one(&app.pool).await.expect("tenant");
    assert_eq!(tenant, "acme");
    // Without a key the stream is refused as a whole.
    let status = app.client.upload_batch(tokio_stream::iter(Vec::new())).await.expect_err("no key");
    assert_eq!(status.code(), Code::Unauthenticated);
}
