//! Assembling the question-generation service from settings, shared by the
//! `question-generation` binary and `nexushr serve`.

use std::sync::Arc;

use nexushr_catalog_store::RoleStore;
use nexushr_events::kafka::KafkaSubscriber;
use nexushr_events::{EventSubscriber, InProcessBus, topics};
use nexushr_platform::{ApiKeys, Settings};
use nexushr_proto::questions::v1::question_generation_server::QuestionGenerationServer;
use nexushr_vector_store::Vectors;
use tonic::service::Routes;

use crate::engine::Engine;
use crate::events::ResumeEvents;
use crate::llm::{LlmConfig, LlmProvider};
use crate::service::QuestionService;
use crate::store::QuestionStore;

/// The gRPC service name health checks ask about.
pub const SERVICE_NAME: &str = "nexushr.questions.v1.QuestionGeneration";
/// The consumer group of resume events.
pub const GROUP: &str = "question-generation";

/// The service over `roles` (the catalog) and `store`, with the bank indexed in `vectors`.
pub async fn build(
    roles: Arc<dyn RoleStore>,
    store: QuestionStore,
    vectors: Vectors,
    settings: &Settings,
) -> anyhow::Result<QuestionService> {
    let extra = store.tenant_questions().await?;
    let engine = Arc::new(Engine::open(vectors, &settings.cache_dir(), extra).await?);
    let mut service = QuestionService::new(engine, store, roles);
    if let Some(url) = settings.llm_url.as_deref().filter(|u| !u.is_empty()) {
        let llm = LlmProvider::new(LlmConfig {
            url: url.to_string(),
            model: settings.llm_model.clone(),
            api_key: settings.llm_api_key.clone(),
            timeout: std::time::Duration::from_millis(settings.llm_timeout_ms),
        })?;
        service = service.with_llm(llm);
    }
    service.refresh_effectiveness().await?;
    Ok(service)
}

/// `routes` plus this service, authenticated by `keys`.
pub fn add_routes(routes: Routes, service: QuestionService, keys: &ApiKeys) -> Routes {
    let server = QuestionGenerationServer::new(service);
    routes.add_service(tonic::service::interceptor::InterceptedService::new(server, keys.interceptor()))
}

/// Consumes resume events (ResumeParsed, ResumeErased) from Kafka when configured, else from
/// the in-process bus over the database's outbox.
pub fn start_consumer(
    service: QuestionService,
    pool: sqlx::AnyPool,
    settings: &Settings,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let subscriber: Arc<dyn EventSubscriber> =
        match settings.kafka_brokers.as_deref().filter(|b| !b.is_empty()) {
            Some(brokers) => Arc::new(KafkaSubscriber::new(brokers)?),
            None => Arc::new(InProcessBus::new(pool)),
        };
    let handler = Arc::new(ResumeEvents { service });
    Ok(tokio::spawn(async move {
        if let Err(e) = subscriber.run(GROUP, &[topics::RESUMES], handler, shutdown).await {
            tracing::error!(error = %e, "resume event consumer stopped");
        }
    }))
}

/// Serves question generation alone (the distributed mode) until SIGINT/SIGTERM.
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    // Its own copy of the catalog: the bundled roles, loaded into an empty database.
    let roles = nexushr_role_catalog::server::open_store(settings).await?;
    let store = QuestionStore::new(roles.pool().clone()).await?;
    let vectors = Vectors::open(&nexushr_role_catalog::server::vector_settings(settings))?;
    let service = build(roles.clone(), store, vectors, settings).await?;
    let keys = ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    // The outbox relay (Kafka) or janitor (embedded) moves KitGenerated events on; relays are
    // safe to run in several processes over one outbox (at-least-once, consumers dedupe).
    let relay = nexushr_role_catalog::server::start_events(&roles, settings, stopped.clone()).await?;
    let consumer = start_consumer(service.clone(), roles.pool().clone(), settings, stopped)?;
    nexushr_platform::grpc::serve_alone(settings, "question-generation", SERVICE_NAME, |r| {
        add_routes(r, service, &keys)
    })
    .await
    .map_err(|e| anyhow::anyhow!(e))?;
    let _ = stop.send(true);
    let _ = consumer.await;
    let _ = relay.await;
    Ok(())
}
