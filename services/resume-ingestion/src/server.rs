//! Assembling the resume-ingestion service from settings, shared by the `resume-ingestion`
//! binary and `nexushr serve`.

use nexushr_platform::{ApiKeys, Settings};
use nexushr_proto::resumes::v1::resume_ingestion_server::ResumeIngestionServer;
use tonic::service::Routes;

use crate::{Config, ResumeService, ResumeStore};

/// The gRPC service name health checks ask about.
pub const SERVICE_NAME: &str = "nexushr.resumes.v1.ResumeIngestion";

/// Largest gRPC message accepted: one upload chunk plus framing (clients send files in chunks of
/// up to 1 MiB; the file as a whole is bounded by the parser's input limit), or one whole file
/// of an UploadBatch.
const MAX_MESSAGE_BYTES: usize = 4 * 1024 * 1024;

/// The service over `pool` (SQLite or PostgreSQL), with this service's tables migrated.
pub async fn build(pool: sqlx::AnyPool, settings: &Settings) -> anyhow::Result<ResumeService> {
    let store = ResumeStore::new(pool).await?;
    let mut config = Config::default();
    config.limits.max_input_bytes = settings.max_upload_bytes;
    Ok(ResumeService::new(store, config))
}

/// `routes` plus this service, authenticated by `keys`.
pub fn add_routes(routes: Routes, service: ResumeService, keys: &ApiKeys) -> Routes {
    let largest = MAX_MESSAGE_BYTES.max(service.max_input_bytes() + 64 * 1024);
    let server = ResumeIngestionServer::new(service).max_decoding_message_size(largest);
    routes.add_service(tonic::service::interceptor::InterceptedService::new(server, keys.interceptor()))
}

/// Serves resume ingestion alone (the distributed mode) until SIGINT/SIGTERM, relaying its
/// outbox to Kafka when brokers are configured.
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let pool = nexushr_db::connect(&settings.database_url()).await?;
    let service = build(pool.clone(), settings).await?;
    let keys = ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let relay = nexushr_events::relay::start(pool, &settings.outbox_target(), stopped).await?;
    nexushr_platform::grpc::serve_alone(settings, "resume-ingestion", SERVICE_NAME, |r| {
        add_routes(r, service, &keys)
    })
    .await
    .map_err(|e| anyhow::anyhow!(e))?;
    let _ = stop.send(true);
    let _ = relay.await;
    Ok(())
}
