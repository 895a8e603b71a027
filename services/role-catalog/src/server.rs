//! Assembling a catalog server from settings, shared by `role-catalog` and `nexushr serve`.

use std::sync::Arc;

use nexushr_catalog_store::{RoleStore, SqlRoleStore};
use nexushr_events::{EventPublisher, InProcessBus};
use nexushr_platform::{ApiKeys, Settings};
use tonic::service::Routes;
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

/// The event publisher the settings ask for. Kafka arrives with the event backbone; until then a
/// configured broker list is refused rather than silently ignored.
pub fn publisher(settings: &Settings) -> anyhow::Result<Arc<dyn EventPublisher>> {
    match settings.kafka_brokers.as_deref().filter(|b| !b.is_empty()) {
        None => Ok(Arc::new(InProcessBus::default())),
        Some(brokers) => anyhow::bail!(
            "NEXUSHR_KAFKA_BROKERS={brokers} is set, but this build has no Kafka publisher yet: unset it to use the in-process bus"
        ),
    }
}

/// Catalog routes plus health (reporting SERVING) for a server built from `settings`.
pub async fn routes(
    store: Arc<dyn RoleStore>,
    events: Arc<dyn EventPublisher>,
    settings: &Settings,
) -> anyhow::Result<Routes> {
    let keys = ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let (reporter, health) = tonic_health::server::health_reporter();
    reporter
        .set_service_status(SERVICE_NAME, ServingStatus::Serving)
        .await;
    reporter
        .set_service_status("", ServingStatus::Serving)
        .await;
    Ok(crate::routes(store, events, &keys).add_service(health))
}
