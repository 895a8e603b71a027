//! The RoleCatalog RPCs: tenancy checks, validation, optimistic concurrency and change events.

use std::sync::Arc;

use chrono::Utc;
use nexushr_catalog_store::{
    ImportFormat, PageSpec, RoleFilter, RoleStore, bundled_records, filter_fingerprint, import,
    lexical_terms, parse_dataset, read_oews, role_changed,
};
use nexushr_domain::{Locale, Role, Tenant, TenantId, ValidationError, iso, slugify};

use nexushr_platform::tenant_of;
use nexushr_proto::catalog::v1::{self as pb, role_catalog_server::RoleCatalog};
use nexushr_proto::events::v1::ChangeKind;
use tonic::{Request, Response, Status};

use crate::error::CatalogError;
use crate::semantic::{Mode, RoleIndex};
use nexushr_catalog_wire::{role_to, spec_from};

const DEFAULT_SEARCH_LIMIT: i32 = 10;
const MAX_SEARCH_LIMIT: i32 = 100;
const MAX_QUERY_CHARS: usize = 500;

#[derive(Clone)]
pub struct CatalogService {
    store: Arc<dyn RoleStore>,
    /// The semantic search index; without it, semantic and hybrid search are unavailable.
    index: Option<Arc<RoleIndex>>,
}

impl CatalogService {
    pub fn new(store: Arc<dyn RoleStore>) -> Self {
        Self { store, index: None }
    }

    /// Adds semantic and hybrid search over `index`; unspecified search mode becomes hybrid.
    pub fn with_index(mut self, index: Arc<RoleIndex>) -> Self {
        self.index = Some(index);
        self
    }

    async fn semantic_search(
        &self,
        viewer: &TenantId,
        query: &str,
        mode: Mode,
        limit: usize,
        locale: &Locale,
    ) -> Result<Response<pb::SearchRolesResponse>, Status> {
        let index = self.index.as_ref().ok_or(CatalogError::SemanticUnavailable)?;
        if query.trim().is_empty() {
            return Err(invalid("query", "must contain at least one word"));
        }
        let found = index.search(viewer, query, mode, limit).await.map_err(CatalogError::from)?;
        let mut hits = Vec::with_capacity(found.len());
        for (id, score) in found {
            // The index may trail the store by a moment: a role deleted since is skipped.
            let Some(role) = self.store.get_by_id(viewer, &id).await.map_err(CatalogError::from)? else {
                continue;
            };
            let (role, tag) = role.localized(locale);
            hits.push(pb::SearchHit {
                role: Some(role_to(&role, &tag)),
                score,
                matched_fields: vec!["meaning".into()],
            });
        }
        let mode = match mode {
            Mode::Semantic => pb::SearchMode::Semantic,
            Mode::Hybrid => pb::SearchMode::Hybrid,
        };
        Ok(Response::new(pb::SearchRolesResponse { hits, mode: mode as i32 }))
    }

    async fn reindex(&self, roles: &[Role]) {
        if let Some(index) = &self.index {
            index.index(roles).await;
        }
    }

    /// Loads a role the caller may change: visible, and private to them unless they are an admin.
    async fn writable(&self, tenant: &Tenant, id: &str) -> Result<Role, CatalogError> {
        if id.is_empty() {
            return Err(ValidationError::new("id", "is required").into());
        }
        let role =
            self.store.get_by_id(&tenant.id, id).await?.ok_or_else(|| CatalogError::NotFound(id.into()))?;
        if role.tenant.is_none() && !tenant.admin {
            return Err(CatalogError::PermissionDenied(format!(
                "role {id} is global: only an admin key may change it"
            )));
        }
        Ok(role)
    }
}

/// `INVALID_ARGUMENT` naming `field`, through the service's one error mapping.
fn invalid(field: &str, reason: impl Into<String>) -> Status {
    CatalogError::from(ValidationError::new(field, reason)).into()
}

fn locale(raw: &str) -> Result<Locale, CatalogError> {
    Ok(Locale::parse(raw)?)
}

fn etag_matches(role: &Role, etag: &str) -> Result<(), CatalogError> {
    if etag == role.etag() {
        Ok(())
    } else {
        Err(CatalogError::StaleEtag { id: role.id.clone(), current: role.etag() })
    }
}

#[tonic::async_trait]
impl RoleCatalog for CatalogService {
    async fn create_role(&self, req: Request<pb::CreateRoleRequest>) -> Result<Response<pb::Role>, Status> {
        let tenant = tenant_of(&req)?;
        let wire = req.into_inner().role.ok_or_else(|| invalid("role", "is required"))?;
        let mut spec = spec_from(&wire).map_err(CatalogError::from)?;
        if spec.slug.is_empty() {
            spec.slug = slugify(&spec.title);
        }
        spec.validate().map_err(CatalogError::from)?;
        let owner = match pb::Visibility::try_from(wire.visibility) {
            Ok(pb::Visibility::Global) if tenant.admin => None,
            Ok(pb::Visibility::Global) => {
                return Err(CatalogError::PermissionDenied(
                    "only an admin key may create global roles".into(),
                )
                .into());
            }
            Ok(pb::Visibility::Private | pb::Visibility::Unspecified) => Some(tenant.id.clone()),
            Err(_) => {
                return Err(invalid("role.visibility", "unknown enum value"));
            }
        };
        let role = Role::new(spec, owner, Utc::now());
        let event = role_changed(tenant.id.as_str(), &role, ChangeKind::Created);
        self.store.insert(&role, &[event]).await.map_err(CatalogError::from)?;
        self.reindex(std::slice::from_ref(&role)).await;
        Ok(Response::new(role_to(&role, Locale::DEFAULT)))
    }

    async fn get_role(&self, req: Request<pb::GetRoleRequest>) -> Result<Response<pb::Role>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let locale = locale(&req.locale)?;
        let role = match req.key {
            Some(pb::get_role_request::Key::Id(id)) if !id.is_empty() => self
                .store
                .get_by_id(&tenant.id, &id)
                .await
                .map_err(CatalogError::from)?
                .ok_or(CatalogError::NotFound(id))?,
            Some(pb::get_role_request::Key::Slug(slug)) if !slug.is_empty() => self
                .store
                .get_by_slug(&tenant.id, &slug)
                .await
                .map_err(CatalogError::from)?
                .ok_or(CatalogError::NotFound(slug))?,
            _ => {
                return Err(invalid("key", "set id or slug"));
            }
        };
        let (role, tag) = role.localized(&locale);
        Ok(Response::new(role_to(&role, &tag)))
    }

    async fn list_roles(
        &self,
        req: Request<pb::ListRolesRequest>,
    ) -> Result<Response<pb::ListRolesResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let locale = locale(&req.locale)?;
        let country = req.country.trim().to_uppercase();
        if !country.is_empty() && !iso::is_country(&country) {
            return Err(invalid("country", "must be an ISO 3166-1 alpha-2 code"));
        }
        for (field, value) in [("category", &req.category), ("skill", &req.skill)] {
            if value.len() > 200 {
                return Err(invalid(field, "must be at most 200 characters"));
            }
        }
        let filter = RoleFilter {
            category: req.category.trim().to_string(),
            skill: req.skill.trim().to_string(),
            country,
        };
        let page = req.page.unwrap_or_default();
        let spec = PageSpec::parse(
            page.page_size.map(i64::from),
            &page.page_token,
            filter_fingerprint(&tenant.id, &filter),
        )
        .map_err(CatalogError::from)?;
        let (roles, next) = self.store.list(&tenant.id, &filter, &spec).await.map_err(CatalogError::from)?;
        let roles = roles
            .iter()
            .map(|r| {
                let (r, tag) = r.localized(&locale);
                role_to(&r, &tag)
            })
            .collect();
        Ok(Response::new(pb::ListRolesResponse {
            roles,
            page: Some(nexushr_proto::common::v1::PageResponse {
                next_page_token: next.map(|c| c.encode()).unwrap_or_default(),
            }),
        }))
    }

    async fn update_role(&self, req: Request<pb::UpdateRoleRequest>) -> Result<Response<pb::Role>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let wire = req.role.ok_or_else(|| invalid("role", "is required"))?;
        if wire.etag.is_empty() {
            return Err(invalid("role.etag", "is required: send the etag you read"));
        }
        let mask: Vec<String> = req.update_mask.map(|m| m.paths).unwrap_or_default();
        let patch = spec_from(&wire).map_err(CatalogError::from)?;
        let current = self.writable(&tenant, &wire.id).await?;
        etag_matches(&current, &wire.etag)?;
        let mut updated = current.clone();
        updated.spec.apply_mask(&patch, &mask).map_err(CatalogError::from)?;
        updated.spec.validate().map_err(CatalogError::from)?;
        updated.version += 1;
        updated.updated_at = Utc::now();
        let event = role_changed(tenant.id.as_str(), &updated, ChangeKind::Updated);
        self.store.replace(&updated, current.version, &[event]).await.map_err(CatalogError::from)?;
        self.reindex(std::slice::from_ref(&updated)).await;
        Ok(Response::new(role_to(&updated, Locale::DEFAULT)))
    }

    async fn delete_role(
        &self,
        req: Request<pb::DeleteRoleRequest>,
    ) -> Result<Response<pb::DeleteRoleResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let current = self.writable(&tenant, &req.id).await?;
        if !req.etag.is_empty() {
            etag_matches(&current, &req.etag)?;
        }
        let event = role_changed(tenant.id.as_str(), &current, ChangeKind::Deleted);
        self.store.delete(&current.id, current.version, &[event]).await.map_err(CatalogError::from)?;
        if let Some(index) = &self.index {
            index.remove(&current).await;
        }
        Ok(Response::new(pb::DeleteRoleResponse {}))
    }

    async fn search_roles(
        &self,
        req: Request<pb::SearchRolesRequest>,
    ) -> Result<Response<pb::SearchRolesResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let locale = locale(&req.locale)?;
        let limit = req.limit.unwrap_or(DEFAULT_SEARCH_LIMIT);
        if !(1..=MAX_SEARCH_LIMIT).contains(&limit) {
            return Err(invalid("limit", format!("must be between 1 and {MAX_SEARCH_LIMIT}")));
        }
        if req.query.chars().count() > MAX_QUERY_CHARS {
            return Err(invalid("query", format!("must be at most {MAX_QUERY_CHARS} characters")));
        }
        let mode = match pb::SearchMode::try_from(req.mode) {
            Ok(pb::SearchMode::Unspecified) if self.index.is_some() => Some(Mode::Hybrid),
            Ok(pb::SearchMode::Unspecified | pb::SearchMode::Lexical) => None,
            Ok(pb::SearchMode::Semantic) => Some(Mode::Semantic),
            Ok(pb::SearchMode::Hybrid) => Some(Mode::Hybrid),
            Err(_) => {
                return Err(invalid("mode", "unknown enum value"));
            }
        };
        if let Some(mode) = mode {
            return self.semantic_search(&tenant.id, &req.query, mode, limit as usize, &locale).await;
        }
        let terms = lexical_terms(&req.query);
        if terms.is_empty() {
            return Err(invalid("query", "must contain at least one word"));
        }
        let hits = self.store.search(&tenant.id, &terms, limit as usize).await.map_err(CatalogError::from)?;
        Ok(Response::new(pb::SearchRolesResponse {
            hits: hits
                .into_iter()
                .map(|h| {
                    let (role, tag) = h.role.localized(&locale);
                    pb::SearchHit {
                        role: Some(role_to(&role, &tag)),
                        score: h.score,
                        matched_fields: h.matched_fields.iter().map(|f| f.to_string()).collect(),
                    }
                })
                .collect(),
            mode: pb::SearchMode::Lexical as i32,
        }))
    }

    async fn import_roles(
        &self,
        req: Request<pb::ImportRolesRequest>,
    ) -> Result<Response<pb::ImportRolesResponse>, Status> {
        let tenant = tenant_of(&req)?;
        if !tenant.admin {
            return Err(CatalogError::PermissionDenied(
                "imports write global roles: only an admin key may import".into(),
            )
            .into());
        }
        let req = req.into_inner();
        let source =
            pb::ImportSource::try_from(req.source).map_err(|_| invalid("source", "unknown enum value"))?;
        let records = match source {
            pb::ImportSource::Unspecified => {
                return Err(invalid("source", "is required"));
            }
            pb::ImportSource::Bundled => bundled_records().map_err(CatalogError::from)?,
            pb::ImportSource::EscoOccupationsCsv => {
                parse_dataset(ImportFormat::EscoCsv, &req.data).map_err(CatalogError::from)?
            }
            pb::ImportSource::OnetOccupationData => {
                parse_dataset(ImportFormat::OnetOccupationData, &req.data).map_err(CatalogError::from)?
            }
            pb::ImportSource::RolesJson => {
                parse_dataset(ImportFormat::RolesJson, &req.data).map_err(CatalogError::from)?
            }
            pb::ImportSource::OewsSqlite => {
                if !req.data.starts_with(b"SQLite format 3\0") {
                    return Err(invalid("data", "is not a SQLite database"));
                }
                let file = tempfile::NamedTempFile::new()
                    .map_err(|e| Status::internal(format!("temp file: {e}")))?;
                tokio::fs::write(file.path(), &req.data)
                    .await
                    .map_err(|e| Status::internal(format!("temp file: {e}")))?;
                read_oews(file.path()).await.map_err(|e| invalid("data", e.to_string()))?
            }
        };
        let events = |role: &Role, created: bool| {
            let change = if created { ChangeKind::Created } else { ChangeKind::Updated };
            role_changed(tenant.id.as_str(), role, change)
        };
        let stats =
            import(self.store.as_ref(), records, Utc::now(), &events).await.map_err(CatalogError::from)?;
        if let Some(index) = &self.index
            && stats.created + stats.updated > 0
        {
            let roles = self.store.global_roles().await.map_err(CatalogError::from)?;
            index.index(&roles).await;
        }
        Ok(Response::new(pb::ImportRolesResponse {
            created: stats.created as i64,
            updated: stats.updated as i64,
            unchanged: stats.unchanged as i64,
            skipped: stats.skipped as i64,
            elapsed_ms: stats.elapsed_ms as i64,
        }))
    }
}
