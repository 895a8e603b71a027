//! Assembling the question-generation service from settings, shared by the
//! `question-generation` binary and `nexushr serve`.

use std::sync::Arc;

use nexushr_events::topics;
use nexushr_platform::{ApiKeys, Settings};
use nexushr_proto::questions::v1::question_generation_server::QuestionGenerationServer;
use nexushr_vector_store::Vectors;
use tonic::service::Routes;

use crate::engine::Engine;
use crate::events::ResumeEvents;
use crate::llm::{LlmConfig, LlmProvider};
use crate::resumes::ResumeSource;
use crate::roles::RoleSource;
use crate::service::QuestionService;
use crate::store::QuestionStore;

/// The gRPC service name health checks ask about.
pub const SERVICE_NAME: &str = "nexushr.questions.v1.QuestionGeneration";
/// The consumer group of resume events.
pub const GROUP: &str = "question-generation";

/// The service over `roles` (the catalog) and `store`, with the bank indexed in `vectors`.
pub async fn build(
    roles: Arc<dyn RoleSource>,
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
/// The parses the events name are read from `resumes`.
pub fn start_consumer(
    service: QuestionService,
    resumes: Arc<dyn ResumeSource>,
    pool: sqlx::AnyPool,
    settings: &Settings,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let subscriber = nexushr_events::subscriber(settings.kafka_brokers.as_deref(), pool)?;
    let handler = Arc::new(ResumeEvents::new(service, resumes));
    Ok(tokio::spawn(async move {
        if let Err(e) = subscriber.run(GROUP, &[topics::RESUMES], handler, shutdown).await {
            tracing::error!(error = %e, "resume event consumer stopped");
        }
    }))
}

#[cfg(feature = "distributed")]
/// Keeps `replica` current from the catalog's `RoleChanged` events on `brokers`: the whole
/// topic from its start, then every change, without a consumer group (every replica of the
/// service reads every change). `caught_up` turns true once the replica holds every role that
/// was in the topic when it started.
pub fn start_role_replica(
    replica: Arc<crate::roles::RoleReplica>,
    brokers: &str,
    caught_up: tokio::sync::watch::Sender<bool>,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let brokers = brokers.to_string();
    tokio::spawn(async move {
        let follow =
            nexushr_events::kafka::replay_and_follow(&brokers, topics::ROLES, replica, caught_up, shutdown);
        if let Err(e) = follow.await {
            tracing::error!(error = %e, "role event reader stopped");
        }
    })
}

#[cfg(feature = "distributed")]
/// How long a starting replica waits for its copy of the catalog before it serves anyway.
const CATALOG_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

#[cfg(feature = "distributed")]
/// Serves question generation alone (the distributed mode) until SIGINT/SIGTERM: its own
/// database, and roles only from the catalog's events (see [`crate::roles::RoleReplica`]).
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let Some(brokers) = settings.kafka_brokers.clone().filter(|b| !b.is_empty()) else {
        anyhow::bail!(
            "question-generation as its own process reads roles from the catalog's events: set \
             NEXUSHR_KAFKA_BROKERS (or run `nexushr serve`, which serves all three in one process)"
        );
    };
    let Some(resume_ingestion) = settings.resume_ingestion_url.as_deref().filter(|u| !u.is_empty()) else {
        anyhow::bail!(
            "question-generation as its own process reads the resumes its events name from resume \
             ingestion: set NEXUSHR_RESUME_INGESTION_URL (and NEXUSHR_SERVICE_KEY when that service \
             has API keys)"
        );
    };
    let resumes = Arc::new(crate::resumes::GrpcResumes::new(resume_ingestion, settings.service_key.clone())?);
    let pool = nexushr_db::connect(&settings.database_url()).await?;
    let store = QuestionStore::new(pool.clone()).await?;
    let vectors = Vectors::open(&nexushr_vector_store::VectorSettings {
        qdrant_url: settings.qdrant_url.clone(),
        qdrant_api_key: settings.qdrant_api_key.clone(),
        data_dir: settings.data_dir.clone(),
        model_dir: settings.model_dir.clone(),
    })?;
    let replica = crate::roles::RoleReplica::new();
    let service = build(replica.clone(), store, vectors, settings).await?;
    let keys = ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    // The outbox relay moves KitGenerated events on (it creates the topics first); relays are
    // safe to run in several processes over one outbox (at-least-once, consumers dedupe).
    let relay =
        nexushr_events::relay::start(pool.clone(), &settings.outbox_target(), stopped.clone()).await?;
    let (caught_up, mut current) = tokio::sync::watch::channel(false);
    let roles = start_role_replica(replica.clone(), &brokers, caught_up, stopped.clone());
    // Serve once the copy of the catalog is current, so a new replica never answers NOT_FOUND
    // for a role that exists.
    match tokio::time::timeout(CATALOG_WAIT, current.wait_for(|c| *c)).await {
        Ok(Ok(_)) => tracing::info!(roles = replica.len(), "copy of the catalog is current"),
        _ => tracing::warn!(roles = replica.len(), "serving before the copy of the catalog caught up"),
    }
    let consumer = start_consumer(service.clone(), resumes, pool, settings, stopped.clone())?;
    // Replicas share the store: each reads the feedback, tenants' questions and erasures the
    // others wrote.
    let sync = crate::service::start_sync(service.clone(), stopped);
    nexushr_platform::grpc::serve_alone(settings, "question-generation", SERVICE_NAME, |r| {
        add_routes(r, service, &keys)
    })
    .await
    .map_err(|e| anyhow::anyhow!(e))?;
    let _ = stop.send(true);
    let _ = consumer.await;
    let _ = roles.await;
    let _ = sync.await;
    let _ = relay.await;
    Ok(())
}
