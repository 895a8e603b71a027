//! `nexushr.catalog.v1.RoleCatalog`: roles with their responsibilities, skills, salaries and
//! standard ids, per tenant, over gRPC.

mod error;
pub mod semantic;
pub mod server;
mod service;

pub use error::CatalogError;
pub use nexushr_catalog_store::{
    SYSTEM_TENANT, bundled_records, load_bundled_if_empty, role_changed, system_change,
};
pub use semantic::RoleIndex;
pub use service::CatalogService;

use std::sync::Arc;

use nexushr_catalog_store::RoleStore;
use nexushr_platform::ApiKeys;
use nexushr_proto::catalog::v1::role_catalog_server::RoleCatalogServer;
use tonic::service::Routes;

/// Largest request the catalog accepts: imports carry whole datasets (the OEWS file is 52 MB).
pub const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// The catalog's gRPC routes, authenticated by `keys`. Changes reach other services through the
/// store's outbox.
pub fn routes(store: Arc<dyn RoleStore>, index: Option<Arc<RoleIndex>>, keys: &ApiKeys) -> Routes {
    let mut service = CatalogService::new(store);
    if let Some(index) = index {
        service = service.with_index(index);
    }
    let server = RoleCatalogServer::new(service).max_decoding_message_size(MAX_REQUEST_BYTES);
    Routes::new(tonic::service::interceptor::InterceptedService::new(server, keys.interceptor()))
}
