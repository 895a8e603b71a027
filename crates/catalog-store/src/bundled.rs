//! The catalog NexusHR ships with: the seed Backend Developer page and 40+ technology roles
//! built from ESCO, O*NET and BLS OEWS (see `data/ATTRIBUTION.md`), and the `RoleChanged` event
//! every change of a role is written with.

use chrono::Utc;
use nexushr_catalog_wire::role_to;
use nexushr_domain::{Locale, Role, TenantId};
use nexushr_events::{Event, topics};
use nexushr_proto::events::v1::{ChangeKind, RoleChanged};

use crate::{ImportFormat, ImportStats, Record, RoleStore, StoreError, import, parse_dataset};

/// The `RoleChanged` event of a change `tenant_id` made, carrying the role and the current trace.
pub fn role_changed(tenant_id: &str, role: &Role, change: ChangeKind) -> Event {
    let payload = RoleChanged {
        role_id: role.id.clone(),
        slug: role.spec.slug.clone(),
        change: change as i32,
        version: role.version,
        owner_tenant_id: role.tenant.as_ref().map(|t| t.to_string()).unwrap_or_default(),
        // The whole stored role (every locale's text in `localized`), so consumers need not
        // call back; a deletion carries none.
        role: (change != ChangeKind::Deleted).then(|| role_to(role, Locale::DEFAULT)),
    };
    let traceparent = nexushr_telemetry::current_traceparent();
    Event::new(topics::ROLES, tenant_id, &role.id, &payload, traceparent, Utc::now())
}

const BACKEND_DEVELOPER: &str = include_str!("../../../data/catalog/backend-developer.json");
const ROLES: &str = include_str!("../../../data/catalog/roles.json");

/// The tenant system changes (bundled loads, command-line imports) are attributed to.
pub const SYSTEM_TENANT: &str = "nexushr";

/// The bundled roles as import records.
pub fn bundled_records() -> Result<Vec<Record>, StoreError> {
    let mut records = parse_dataset(ImportFormat::RolesJson, format!("[{BACKEND_DEVELOPER}]").as_bytes())?;
    records.extend(parse_dataset(ImportFormat::RolesJson, ROLES.as_bytes())?);
    Ok(records)
}

/// Change events of an import run by the system rather than a caller.
pub fn system_change(role: &Role, created: bool) -> nexushr_events::Event {
    role_changed(SYSTEM_TENANT, role, if created { ChangeKind::Created } else { ChangeKind::Updated })
}

/// Loads the bundled catalog into a store that has no global roles yet.
pub async fn load_bundled_if_empty(store: &dyn RoleStore) -> Result<Option<ImportStats>, StoreError> {
    let anyone = TenantId::parse("nexushr-bootstrap").map_err(|e| StoreError::Dataset(e.to_string()))?;
    if store.count(&anyone).await? > 0 {
        return Ok(None);
    }
    let stats = import(store, bundled_records()?, chrono::Utc::now(), &system_change).await?;
    tracing::info!(created = stats.created, elapsed_ms = stats.elapsed_ms, "loaded the bundled catalog");
    Ok(Some(stats))
}
