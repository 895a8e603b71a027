//! Semantic role search: every role embedded (title, summary, skills, responsibilities) in the
//! `roles` vector collection, searched by meaning (dense) or by meaning and words (hybrid).
//!
//! The index is derived data: the role store is the source of truth, the index is rebuilt from
//! it when its collection is new (first start, or a model change) or out of step with the
//! store, and kept current on every write. A failed index write is logged, never fails the
//! write that caused it; the next start repairs it.

use std::collections::HashMap;

use nexushr_catalog_store::{RoleStore, StoreError};
use nexushr_domain::{Role, TenantId};
use nexushr_vector_store::{
    Filter, Opened, Point, Query, SHARED, Scope, StoreError as VectorError, Vectors, point_id,
};

const COLLECTION: &str = "roles";
/// Roles embedded per batch during a rebuild.
const BATCH: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Vectors(#[from] VectorError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Dense vectors only.
    Semantic,
    /// Dense and sparse fused by reciprocal rank.
    Hybrid,
}

#[derive(Debug, Clone)]
pub struct RoleIndex {
    vectors: Vectors,
}

/// The text a role is embedded from.
fn document(role: &Role) -> String {
    let s = &role.spec;
    let skills: Vec<&str> = s.skills.iter().map(|k| k.name.as_str()).collect();
    let mut text = format!("{}. {} Skills: {}.", s.title, s.summary, skills.join(", "));
    for r in s.responsibilities.iter().take(4) {
        text.push(' ');
        text.push_str(r);
    }
    text
}

fn tenant_of(role: &Role) -> String {
    role.tenant.as_ref().map_or_else(|| SHARED.to_string(), |t| t.to_string())
}

impl RoleIndex {
    /// Opens the collection and rebuilds it from `store` if it is new or out of step.
    pub async fn open(vectors: Vectors, store: &dyn RoleStore) -> Result<Self, IndexError> {
        let opened = vectors.store.open(&vectors.spec(COLLECTION)).await?;
        let index = Self { vectors };
        let roles = store.all_roles().await?;
        let indexed = index.count_all(&roles).await?;
        if opened == Opened::Created || indexed != roles.len() {
            tracing::info!(
                roles = roles.len(),
                indexed,
                mode = index.vectors.mode(),
                "rebuilding the role search index"
            );
            // Points of roles deleted while the index was not told are dropped with the rest.
            for scope in index.scopes(&roles)? {
                index.vectors.store.delete(COLLECTION, &scope, &Filter::default()).await?;
            }
            index.rebuild(&roles).await?;
        }
        Ok(index)
    }

    /// The shared scope and the scope of every tenant that owns roles.
    fn scopes(&self, roles: &[Role]) -> Result<Vec<Scope>, IndexError> {
        let mut tenants: Vec<String> =
            roles.iter().filter_map(|r| r.tenant.as_ref().map(|t| t.to_string())).collect();
        tenants.sort();
        tenants.dedup();
        let mut scopes = vec![Scope::shared()];
        for t in tenants {
            scopes.push(Scope::tenant(&t)?);
        }
        Ok(scopes)
    }

    /// Points across the tenants that own roles, plus the shared ones.
    async fn count_all(&self, roles: &[Role]) -> Result<usize, IndexError> {
        let mut total = 0;
        for scope in self.scopes(roles)? {
            total += self.vectors.store.count(COLLECTION, &scope, &Filter::default()).await?;
        }
        Ok(total)
    }

    /// Writes every role's vectors (replacing what is there).
    pub async fn rebuild(&self, roles: &[Role]) -> Result<(), IndexError> {
        for chunk in roles.chunks(BATCH) {
            self.upsert(chunk).await?;
        }
        self.vectors.store.optimize(COLLECTION).await?;
        Ok(())
    }

    async fn upsert(&self, roles: &[Role]) -> Result<(), IndexError> {
        let texts: Vec<String> = roles.iter().map(document).collect();
        let dense = self.vectors.embed(&texts);
        let points = roles
            .iter()
            .enumerate()
            .map(|(i, role)| Point {
                id: point_id(&role.id),
                tenant: tenant_of(role),
                dense: dense.as_ref().map(|d| d[i].clone()),
                sparse: Some(self.vectors.sparse_document(&texts[i])),
                payload: serde_json::Map::from_iter([
                    ("role_id".to_string(), serde_json::json!(role.id)),
                    ("slug".to_string(), serde_json::json!(role.spec.slug)),
                ]),
            })
            .collect();
        self.vectors.store.upsert(COLLECTION, points).await?;
        Ok(())
    }

    /// Keeps the index in step with a created or updated role (logged on failure).
    pub async fn index(&self, roles: &[Role]) {
        for chunk in roles.chunks(BATCH) {
            if let Err(e) = self.upsert(chunk).await {
                tracing::warn!(error = %e, "role search index update failed; the next start rebuilds it");
                return;
            }
        }
    }

    /// Drops a deleted role from the index (logged on failure).
    pub async fn remove(&self, role: &Role) {
        let result = async {
            let scope = match &role.tenant {
                Some(t) => Scope::tenant(t.as_str())?,
                None => Scope::shared(),
            };
            self.vectors
                .store
                .delete(COLLECTION, &scope, &Filter::default().eq("role_id", role.id.clone()))
                .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "role search index delete failed; the next start rebuilds it");
        }
    }

    /// Role ids and scores, best first, among the roles `viewer` may see. Without the model,
    /// both modes use the sparse side.
    pub async fn search(
        &self,
        viewer: &TenantId,
        query: &str,
        mode: Mode,
        limit: usize,
    ) -> Result<Vec<(String, f32)>, IndexError> {
        let mut q = Query::new(Scope::tenant_and_shared(viewer.as_str())?, limit);
        if let Some(mut dense) = self.vectors.embed(&[query]) {
            q = q.dense(dense.remove(0));
        }
        if mode == Mode::Hybrid || q.dense.is_none() {
            q = q.sparse(self.vectors.sparse_query(query));
        }
        if q.dense.is_none() && q.sparse.is_none() {
            return Ok(Vec::new());
        }
        let hits = self.vectors.store.query(COLLECTION, &q).await?;
        let mut seen = HashMap::new();
        Ok(hits
            .into_iter()
            .filter_map(|h| {
                let id = h.payload.get("role_id")?.as_str()?.to_string();
                seen.insert(id.clone(), ()).is_none().then_some((id, h.score))
            })
            .collect())
    }

    pub fn mode(&self) -> &'static str {
        self.vectors.mode()
    }
}
