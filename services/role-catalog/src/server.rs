//! Assembling a catalog server from settings, shared by `role-catalog` and `nexushr serve`.

use std::sync::Arc;

use nexushr_catalog_store::{RoleStore, SqlRoleStore};
use nexushr_platform::{ApiKeys, Settings};
use nexushr_vector_store::{VectorSettings, Vectors};
use tonic::service::Routes;

use crate::RoleIndex;
use tonic_health::ServingStatus;

/// The gRPC service name health checks ask about.
pub const SERVICE_NAME: &str = "nexushr.catalog.v1.RoleCatalog";

/// Opens the store named by the settings and loads the bundled catalog into an empty one.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Arc<SqlRoleStore>> {
    let store = Arc::new(SqlRoleStore::connect(&settings.database_url()).await?);
    if settings.load_bundled_catalog {
        crate::load_bundled_if_empty(store.as_ref()).await?;
    }
    Ok(store)
}

/// Starts moving the store's outbox to where events go (see [`nexushr_events::relay::start`]).
pub async fn start_events(
    store: &SqlRoleStore,
    settings: &Settings,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    Ok(nexushr_events::relay::start(store.pool().clone(), &settings.outbox_target(), shutdown).await?)
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
    if let Some(metrics) = settings.metrics_addr {
        nexushr_platform::metrics::serve_metrics(metrics, name, nexushr_platform::grpc::shutdown_signal())
            .await?;
    }
    nexushr_platform::grpc::serve_with_limit(
        listener,
        routes,
        nexushr_platform::grpc::shutdown_signal(),
        settings.max_in_flight,
    )
    .await?;
    let _ = stop.send(true);
    let _ = events.await;
    Ok(())
}
