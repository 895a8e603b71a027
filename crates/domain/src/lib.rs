//! NexusHR domain types: roles and their salary bands, tenants, locales and validation; the
//! question bank's questions, a resume as a kit is made from it (`candidate`) and the kit.
//!
//! These types are what stores persist and services reason about; the protobuf types in
//! `nexushr-proto` are converted to and from them at the service edge.

pub mod candidate;
pub mod iso;
pub mod kit;
pub mod locale;
pub mod question;
pub mod role;
pub mod tenant;

pub use locale::Locale;
pub use role::*;
pub use tenant::{Tenant, TenantId};

/// Bad input, naming the field at fault and why, in the words a client can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct ValidationError {
    /// Path of the offending field, e.g. `role.salary_bands[1].currency`.
    pub field: String,
    pub reason: String,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self { field: field.into(), reason: reason.into() }
    }
}
