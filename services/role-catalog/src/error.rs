//! How catalog failures reach clients.

use nexushr_catalog_store::{PageError, StoreError};
use nexushr_domain::ValidationError;
use nexushr_platform::invalid_argument;
use tonic::Status;

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("role {0} not found")]
    NotFound(String),
    #[error("{0}")]
    PermissionDenied(String),
    #[error("role {id} changed: send the current etag {current}")]
    StaleEtag { id: String, current: String },
    #[error(transparent)]
    Page(#[from] PageError),
    #[error("semantic search is not enabled on this server")]
    SemanticUnavailable,
    #[error(transparent)]
    Index(#[from] crate::semantic::IndexError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<CatalogError> for Status {
    fn from(e: CatalogError) -> Self {
        match e {
            // The client sent something it can fix: say which field and why.
            CatalogError::Invalid(v) => invalid_argument(&v.field, &v.reason),
            CatalogError::Page(p @ PageError::Size(_)) => invalid_argument("page.page_size", &p.to_string()),
            CatalogError::Page(p @ (PageError::Token | PageError::FilterChanged)) => {
                invalid_argument("page.page_token", &p.to_string())
            }
            // Another tenant's private role is indistinguishable from a missing one.
            CatalogError::NotFound(id) => Status::not_found(format!("role {id} not found")),
            // Visible but not writable: global roles belong to admins.
            CatalogError::PermissionDenied(m) => Status::permission_denied(m),
            // Optimistic concurrency: re-read, then retry with the new etag.
            e @ CatalogError::StaleEtag { .. } => Status::aborted(e.to_string()),
            e @ CatalogError::SemanticUnavailable => Status::failed_precondition(e.to_string()),
            CatalogError::Store(s) => store_status(s),
            // The index is derived and rebuildable: its failure is the server's, not the caller's.
            e @ CatalogError::Index(_) => Status::unavailable(e.to_string()),
        }
    }
}

fn store_status(e: StoreError) -> Status {
    match e {
        // Slugs are unique per owner; the client picks another.
        StoreError::SlugTaken(slug) => Status::already_exists(format!("role.slug: {slug:?} is taken")),
        StoreError::NotFound(id) => Status::not_found(format!("role {id} not found")),
        // Lost a race with a concurrent writer after the etag check.
        e @ StoreError::Stale { .. } => Status::aborted(e.to_string()),
        // A dataset the client sent is unreadable.
        StoreError::Dataset(m) => invalid_argument("data", &m),
        // Our fault or the database's: log it here, tell the client little.
        e @ (StoreError::Corrupt { .. }
        | StoreError::Database(_)
        | StoreError::Migrate(_)
        | StoreError::Outbox(_)) => {
            tracing::error!(error = %e, "catalog store failed");
            Status::internal("catalog store failure")
        }
    }
}
