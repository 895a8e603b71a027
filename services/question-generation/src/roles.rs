//! Where question generation reads roles: one port, [`RoleSource`], and two adapters.
//!
//! - [`CatalogRoles`], the embedded mode: the catalog's own store in the same process, read
//!   through a short cache.
//! - [`RoleReplica`], the distributed mode: a copy of the catalog kept in memory from the
//!   catalog's `RoleChanged` events alone (each carries the role as stored), so this service
//!   never reads the catalog's database. Every replica reads the whole topic under its own
//!   consumer group, from the start on every start; changes apply by version, so a redelivered
//!   or late event never undoes a newer one and a deleted role never comes back.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use nexushr_catalog_store::RoleStore;
use nexushr_domain::{Role, TenantId};
use nexushr_events::{Event, EventHandler, HandlerError};
use nexushr_proto::events::v1::{ChangeKind, RoleChanged};

use crate::cache::Cache;
use crate::service::QgError;

/// Roles as a tenant sees them: global roles and the tenant's own private roles.
#[async_trait::async_trait]
pub trait RoleSource: Send + Sync + 'static {
    /// The role `key` names for `viewer`: by slug (the viewer's private role of that slug
    /// first, then the global one), else by id.
    async fn find(&self, viewer: &TenantId, key: &str) -> Result<Option<Arc<Role>>, QgError>;
}

/// How long a role read from the catalog's store is reused: an edit reaches new kits within
/// this time, and a busy server reads each role once per interval instead of once per kit.
const ROLE_TTL: std::time::Duration = std::time::Duration::from_secs(1);
/// Roles kept by the cache.
const ROLE_CACHE: usize = 10_000;

/// A role as read from the store, and when.
type SeenRole = (std::time::Instant, Arc<Role>);

/// The role `key` names for `viewer` in the catalog's store: by slug (private first, as the
/// store's `get_by_slug` does), else by id.
pub async fn find_in_store(
    store: &dyn RoleStore,
    viewer: &TenantId,
    key: &str,
) -> Result<Option<Role>, nexushr_catalog_store::StoreError> {
    match store.get_by_slug(viewer, key).await? {
        Some(role) => Ok(Some(role)),
        None => store.get_by_id(viewer, key).await,
    }
}

/// The catalog's store in this process (the embedded mode and the CLI).
pub struct CatalogRoles {
    store: Arc<dyn RoleStore>,
    seen: Cache<(String, String), SeenRole>,
}

impl CatalogRoles {
    pub fn shared(store: Arc<dyn RoleStore>) -> Arc<dyn RoleSource> {
        Arc::new(Self { store, seen: Cache::new(ROLE_CACHE) })
    }
}

#[async_trait::async_trait]
impl RoleSource for CatalogRoles {
    async fn find(&self, viewer: &TenantId, key: &str) -> Result<Option<Arc<Role>>, QgError> {
        let cache_key = (viewer.to_string(), key.to_string());
        if let Some((at, role)) = self.seen.get(&cache_key)
            && at.elapsed() < ROLE_TTL
        {
            return Ok(Some(role));
        }
        let Some(found) = find_in_store(self.store.as_ref(), viewer, key).await?.map(Arc::new) else {
            return Ok(None);
        };
        self.seen.insert(cache_key, (std::time::Instant::now(), Arc::clone(&found)));
        Ok(Some(found))
    }
}

/// The catalog as the events tell it.
#[derive(Default)]
struct Replica {
    by_id: HashMap<String, Arc<Role>>,
    /// (owner tenant, empty for global; slug) to id.
    by_slug: HashMap<(String, String), String>,
    /// The version each deleted role was deleted at.
    deleted: HashMap<String, i64>,
}

fn owner(role: &Role) -> String {
    role.tenant.as_ref().map(|t| t.to_string()).unwrap_or_default()
}

impl Replica {
    /// The version this replica knows of `id`, live or deleted.
    fn known_version(&self, id: &str) -> Option<i64> {
        self.by_id.get(id).map(|r| r.version).or_else(|| self.deleted.get(id).copied())
    }

    fn remove(&mut self, id: &str) {
        if let Some(old) = self.by_id.remove(id) {
            let key = (owner(&old), old.spec.slug.clone());
            if self.by_slug.get(&key).is_some_and(|i| i == id) {
                self.by_slug.remove(&key);
            }
        }
    }

    /// Applies one change; returns whether it was newer than what the replica held. A
    /// deletion carries the version it deleted, so it also removes that very version.
    fn apply(&mut self, id: &str, version: i64, role: Option<Role>) -> bool {
        let stale = match role {
            Some(_) => self.known_version(id).is_some_and(|known| known >= version),
            None => {
                self.deleted.get(id).is_some_and(|at| *at >= version)
                    || self.by_id.get(id).is_some_and(|live| live.version > version)
            }
        };
        if stale {
            return false;
        }
        self.remove(id);
        match role {
            Some(role) => {
                self.deleted.remove(id);
                self.by_slug.insert((owner(&role), role.spec.slug.clone()), id.to_string());
                self.by_id.insert(id.to_string(), Arc::new(role));
            }
            None => {
                self.deleted.insert(id.to_string(), version);
            }
        }
        true
    }

    fn find(&self, viewer: &TenantId, key: &str) -> Option<Arc<Role>> {
        let by_slug =
            |owner: String| self.by_slug.get(&(owner, key.to_string())).and_then(|id| self.by_id.get(id));
        by_slug(viewer.to_string())
            .or_else(|| by_slug(String::new()))
            .or_else(|| self.by_id.get(key).filter(|r| r.tenant.as_ref().is_none_or(|t| t == viewer)))
            .cloned()
    }
}

/// A copy of the catalog fed by `RoleChanged` events (see the module doc).
#[derive(Default)]
pub struct RoleReplica {
    replica: RwLock<Replica>,
}

impl RoleReplica {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Applies a change event; returns whether it changed the copy.
    pub fn apply(&self, change: &RoleChanged) -> Result<bool, HandlerError> {
        let role = match ChangeKind::try_from(change.change) {
            Ok(ChangeKind::Deleted) => None,
            _ => {
                let wire = change.role.as_ref().ok_or_else(|| {
                    HandlerError::Permanent(format!(
                        "RoleChanged for role {} version {} carries no role (a catalog older than this service?)",
                        change.role_id, change.version
                    ))
                })?;
                let role = nexushr_catalog_wire::role_from(wire)
                    .map_err(|e| HandlerError::Permanent(format!("role {}: {e}", change.role_id)))?;
                if role.id != change.role_id || role.version != change.version {
                    return Err(HandlerError::Permanent(format!(
                        "RoleChanged for role {} version {} carries role {} version {}",
                        change.role_id, change.version, role.id, role.version
                    )));
                }
                Some(role)
            }
        };
        let mut replica = self.replica.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(replica.apply(&change.role_id, change.version, role))
    }

    /// Roles held (global and private).
    pub fn len(&self) -> usize {
        self.replica.read().unwrap_or_else(std::sync::PoisonError::into_inner).by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[async_trait::async_trait]
impl RoleSource for RoleReplica {
    async fn find(&self, viewer: &TenantId, key: &str) -> Result<Option<Arc<Role>>, QgError> {
        Ok(self.replica.read().unwrap_or_else(std::sync::PoisonError::into_inner).find(viewer, key))
    }
}

#[async_trait::async_trait]
impl EventHandler for RoleReplica {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        match event.payload::<RoleChanged>().map_err(|e| HandlerError::Permanent(e.to_string()))? {
            Some(change) => self.apply(&change).map(|_| ()),
            None => Ok(()), // other catalog events are not ours
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nexushr_domain::RoleSpec;

    fn role(id: &str, slug: &str, tenant: Option<&str>, version: i64) -> Role {
        let spec = RoleSpec { slug: slug.into(), title: format!("{slug} v{version}"), ..Default::default() };
        let mut role = Role::new(spec, tenant.map(|t| TenantId::parse(t).unwrap()), chrono::Utc::now());
        role.id = id.into();
        role.version = version;
        role
    }

    fn change(role: &Role, kind: ChangeKind) -> RoleChanged {
        RoleChanged {
            role_id: role.id.clone(),
            slug: role.spec.slug.clone(),
            change: kind as i32,
            version: role.version,
            owner_tenant_id: owner(role),
            role: (kind != ChangeKind::Deleted).then(|| nexushr_catalog_wire::role_to(role, "en")),
        }
    }

    fn title(replica: &RoleReplica, viewer: &str, key: &str) -> Option<String> {
        let viewer = TenantId::parse(viewer).unwrap();
        replica.replica.read().unwrap().find(&viewer, key).map(|r| r.spec.title.clone())
    }

    #[test]
    fn changes_apply_by_version_whatever_the_order() {
        let replica = RoleReplica::default();
        let (v1, v2) = (role("r1", "backend", None, 1), role("r1", "backend", None, 2));
        assert!(replica.apply(&change(&v2, ChangeKind::Updated)).unwrap());
        // A late or redelivered older change never undoes a newer one.
        assert!(!replica.apply(&change(&v1, ChangeKind::Created)).unwrap());
        assert!(!replica.apply(&change(&v2, ChangeKind::Updated)).unwrap());
        assert_eq!(title(&replica, "acme", "backend").as_deref(), Some("backend v2"));
        assert_eq!(title(&replica, "acme", "r1").as_deref(), Some("backend v2"));
    }

    #[test]
    fn a_deleted_role_never_comes_back() {
        let replica = RoleReplica::default();
        let (v1, v2, v3) = (role("r1", "qa", None, 1), role("r1", "qa", None, 2), role("r1", "qa", None, 3));
        replica.apply(&change(&v1, ChangeKind::Created)).unwrap();
        replica.apply(&change(&v3, ChangeKind::Deleted)).unwrap();
        assert_eq!(title(&replica, "acme", "qa"), None);
        assert!(!replica.apply(&change(&v2, ChangeKind::Updated)).unwrap(), "older than the deletion");
        assert_eq!(title(&replica, "acme", "r1"), None);
        assert!(replica.is_empty());
    }

    #[test]
    fn a_deletion_removes_the_version_it_names() {
        // The catalog's deletion event carries the version that was deleted.
        let replica = RoleReplica::default();
        let (v1, v2) = (role("r1", "qa", None, 1), role("r1", "qa", None, 2));
        replica.apply(&change(&v1, ChangeKind::Created)).unwrap();
        replica.apply(&change(&v2, ChangeKind::Updated)).unwrap();
        assert!(!replica.apply(&change(&v1, ChangeKind::Deleted)).unwrap(), "an older version's deletion");
        assert!(title(&replica, "acme", "qa").is_some());
        assert!(replica.apply(&change(&v2, ChangeKind::Deleted)).unwrap());
        assert_eq!(title(&replica, "acme", "qa"), None);
        assert!(!replica.apply(&change(&v2, ChangeKind::Updated)).unwrap(), "the deleted version");
        assert!(!replica.apply(&change(&v2, ChangeKind::Deleted)).unwrap(), "a redelivered deletion");
    }

    #[test]
    fn private_roles_are_seen_by_their_tenant_only_and_come_first() {
        let replica = RoleReplica::default();
        replica.apply(&change(&role("g", "backend", None, 1), ChangeKind::Created)).unwrap();
        replica.apply(&change(&role("p", "backend", Some("acme"), 1), ChangeKind::Created)).unwrap();
        replica.apply(&change(&role("q", "secret", Some("acme"), 1), ChangeKind::Created)).unwrap();
        assert_eq!(title(&replica, "acme", "backend"), title(&replica, "acme", "p"));
        assert_eq!(title(&replica, "globex", "backend"), title(&replica, "globex", "g"));
        assert_eq!(title(&replica, "globex", "secret"), None);
        assert_eq!(title(&replica, "globex", "q"), None, "another tenant's role is not found by id either");
        assert!(title(&replica, "acme", "secret").is_some());
    }

    #[test]
    fn a_renamed_role_leaves_its_old_slug() {
        let replica = RoleReplica::default();
        replica.apply(&change(&role("r1", "old", None, 1), ChangeKind::Created)).unwrap();
        replica.apply(&change(&role("r1", "new", None, 2), ChangeKind::Updated)).unwrap();
        assert_eq!(title(&replica, "acme", "old"), None);
        assert_eq!(title(&replica, "acme", "new").as_deref(), Some("new v2"));
    }

    #[test]
    fn a_change_without_its_role_is_refused() {
        let replica = RoleReplica::default();
        let mut bare = change(&role("r1", "qa", None, 1), ChangeKind::Created);
        bare.role = None;
        assert!(matches!(replica.apply(&bare), Err(HandlerError::Permanent(_))));
    }
}
