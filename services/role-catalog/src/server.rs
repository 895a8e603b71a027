//! Assembling a catalog server from settings, shared by `role-catalog` and `nexushr serve`.

use std::sync::Arc;
use std::time::Duration;

use nexushr_catalog_store::{RoleStore, SqlRoleStore};
use nexushr_events::kafka::{KafkaPublisher, ensure_topics};
use nexushr_events::relay::OutboxRelay;
use nexushr_events::{outbox, topics};
use nexushr_platform::{ApiKeys, Settings};
use nexushr_vector_store::{VectorSettings, Vectors};
use tonic::service::Routes;

use crate::RoleIndex;
use tonic_health::ServingStatus;

/// The gRPC service name health checks ask about.
pub const SERVICE_NAME: &str = "nexushr.catalog.v1.RoleCatalog";

/// Outbox rows older than this are dropped in embedded mode even if no consumer read them.
const EMBEDDED_RETENTION_MS: i64 = 7 * 24 * 3600 * 1000;

/// Opens the store named by the settings and loads the bundled catalog into an empty one.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Arc<SqlRoleStore>> {
    let store = Arc::new(SqlRoleStore::connect(&settings.database_url()).await?);
    if settings.load_bundled_catalog {
        crate::load_bundled_if_empty(store.as_ref()).await?;
    }
    Ok(store)
}

/// Starts moving the store's outbox to where events go. With Kafka configured: creates the
/// topics through the admin API and runs the relay. Embedded: the outbox is the in-process log
/// its consumers read; a janitor keeps it bounded.
pub async fn start_events(
    store: &SqlRoleStore,
    settings: &Settings,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    let pool = store.pool().clone();
    match settings.kafka_brokers.as_deref().filter(|b| !b.is_empty()) {
        Some(brokers) => {
            ensure_topics(brokers, &topics::ALL, settings.kafka_partitions, settings.kafka_replication)
                .await?;
            let publisher = if settings.kafka_one_record_per_batch {
                KafkaPublisher::new(brokers)?
            } else {
                KafkaPublisher::batching(brokers)?
            };
            let relay = OutboxRelay::new(pool, Arc::new(publisher));
            Ok(tokio::spawn(async move {
                if let Err(e) = relay.run(shutdown).await {
                    tracing::error!(error = %e, "outbox relay stopped");
                }
            }))
        }
        None => Ok(tokio::spawn(async move {
            let mut shutdown = shutdown;
            while !*shutdown.borrow() {
                if let Err(e) = outbox::compact(&pool, EMBEDDED_RETENTION_MS).await {
                    tracing::warn!(error = %e, "outbox compaction failed");
                }
                tokio::select! {
                    () = tokio::time::sleep(Duration::from_secs(60)) => {}
                    _ = shutdown.changed() => {}
                }
            }
        })),
    }
}

/// The vector settings a server built from `settings` uses.
pub fn vector_settings(settings: &Settings) -> VectorSettings {
    VectorSettings {
        qdrant_url: settings.qdrant_url.clone(),
        qdrant_api_key: settings.qdrant_api_key.clone(),
        data_dir: settings.data_dir.clone(),
        model_dir: settings.model_dir.clone(),
    }
}

/// Opens the semantic search index over `vectors`, rebuilding it from the store if needed.
pub async fn open_index(store: &dyn RoleStore, vectors: Vectors) -> anyhow::Result<Arc<RoleIndex>> {
    let index = RoleIndex::open(vectors, store).await?;
    tracing::info!(mode = index.mode(), "role search index ready");
    Ok(Arc::new(index))
}

/// Catalog routes plus health (reporting SERVING) for a server built from `settings`.
pub async fn routes(
    store: Arc<dyn RoleStore>,
    index: Option<Arc<RoleIndex>>,
    settings: &Settings,
) -> anyhow::Result<Routes> {
    let keys = ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let (reporter, health) = tonic_health::server::health_reporter();
    reporter.set_service_status(SERVICE_NAME, ServingStatus::Serving).await;
    reporter.set_service_status("", ServingStatus::Serving).await;
    Ok(crate::routes(store, index, &keys).add_service(health))
}

/// Serves the catalog on `settings.grpc_addr` until SIGINT/SIGTERM, then drains calls and stops
/// the event pump. Prints `… listening on grpc://ADDR` for scripts that need the port.
pub async fn run(settings: &Settings, name: &str) -> anyhow::Result<()> {
    let store = open_store(settings).await?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let events = start_events(&store, settings, stopped).await?;
    let vectors = Vectors::open(&vector_settings(settings))?;
    let index = open_index(store.as_ref(), vectors).await?;
    let routes = nexushr_platform::grpc::reflection_routes(routes(store, Some(index), settings).await?)?;
    let listener = tokio::net::TcpListener::bind(settings.grpc_addr).await?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, data_dir = %settings.data_dir.display(), "{name} serving gRPC");
    println!("{name} listening on grpc://{addr}");
    nexushr_platform::grpc::serve(listener, routes, nexushr_platform::grpc::shutdown_signal()).await?;
    let _ = stop.send(true);
    let _ = events.await;
    Ok(())
}
