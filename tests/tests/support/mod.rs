//! What several of these tests start: resume ingestion in process, and uploads to it.

use std::path::Path;

use nexushr_platform::{ApiKeys, Settings, grpc};
use nexushr_proto::resumes::v1::{self as rpb, upload_request::Part};

/// Resume ingestion on a SQLite file under `dir`, open mode (no API keys), on a free port,
/// shedding past `max_in_flight` calls. Returns its `http://` address and its database.
pub async fn resume_ingestion(dir: &Path, max_in_flight: usize) -> (String, sqlx::AnyPool) {
    let url = format!("sqlite://{}?mode=rwc", dir.join("r.db").display());
    let pool = nexushr_db::connect(&url).await.expect("resume db");
    let service =
        nexushr_resume_ingestion::server::build(pool.clone(), &Settings::default()).await.expect("service");
    let keys = ApiKeys::parse("", "default").expect("open mode");
    let (_, health) = tonic_health::server::health_reporter();
    let routes =
        nexushr_resume_ingestion::server::add_routes(tonic::service::Routes::new(health), service, &keys);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve_with_limit(listener, routes, std::future::pending(), max_in_flight));
    (format!("http://{addr}"), pool)
}

/// An Upload call's messages: the metadata, then `bytes` in chunks of 16 KiB.
pub fn upload(candidate: &str, file_name: &str, bytes: &[u8]) -> Vec<rpb::UploadRequest> {
    let mut messages = vec![rpb::UploadRequest {
        part: Some(Part::Metadata(rpb::UploadMetadata {
            external_candidate_id: candidate.into(),
            file_name: file_name.into(),
            size_bytes: bytes.len() as u64,
            ..Default::default()
        })),
    }];
    messages
        .extend(bytes.chunks(16 * 1024).map(|c| rpb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
    messages
}
