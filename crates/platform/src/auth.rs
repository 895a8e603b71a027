//! API keys to tenants. Each call carries `authorization: Bearer KEY` (or the bare key); the
//! interceptor resolves it to a [`Tenant`] stored in the request's extensions.
//!
//! With no keys configured (the embedded default) every call belongs to the default tenant,
//! as an admin: one person on one machine owns everything.
//!
//! A service key (`KEY=*:service`) is how one service calls another for a tenant named in the
//! call (question generation reading a parse from resume ingestion for an event of that
//! tenant): it carries the tenant in `x-nexushr-tenant` ([`SERVICE_TENANT`]) and acts as that
//! tenant, never as an admin. Only the services hold it.

use std::collections::HashMap;
use std::sync::Arc;

use nexushr_domain::{Tenant, TenantId, ValidationError};
use tonic::{Request, Status};

#[derive(Debug, Clone)]
pub struct ApiKeys {
    keys: Arc<HashMap<String, (Holder, Actor)>>,
    default: Tenant,
}

/// Whom a key belongs to.
#[derive(Debug, Clone)]
enum Holder {
    Tenant(Tenant),
    /// A service acting for the tenant its call names.
    Service,
}

/// The metadata a service key's call names its tenant in.
pub const SERVICE_TENANT: &str = "x-nexushr-tenant";

/// Authenticates `req` as a service (`key`; none in open mode) acting for `tenant`.
pub fn as_service<T>(req: &mut Request<T>, key: Option<&str>, tenant: &str) -> Result<(), Status> {
    let ascii = |what: &str, v: String| {
        v.parse().map_err(|_| Status::invalid_argument(format!("{what} is not ASCII")))
    };
    if let Some(key) = key {
        req.metadata_mut().insert("authorization", ascii("the service key", format!("Bearer {key}"))?);
    }
    req.metadata_mut().insert(SERVICE_TENANT, ascii("the tenant", tenant.to_string())?);
    Ok(())
}

/// Who made a call, as an audit log names it: `key:` and the first 12 hex digits of the API
/// key's SHA-256 (never the key), or `default` without keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

impl Actor {
    fn of_key(key: &str) -> Self {
        use sha2::Digest;
        let digest = format!("{:x}", sha2::Sha256::digest(key.as_bytes()));
        Actor(format!("key:{}", &digest[..12]))
    }
}

impl ApiKeys {
    /// Parses `KEY=TENANT[:admin]` entries separated by commas, e.g.
    /// `k1=acme:admin,k2=globex`. Keys must be at least 16 characters.
    pub fn parse(spec: &str, default_tenant: &str) -> Result<Self, ValidationError> {
        let mut keys = HashMap::new();
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (key, rest) = entry
                .split_once('=')
                .ok_or_else(|| ValidationError::new("api_keys", "entries look like KEY=TENANT[:admin]"))?;
            let (tenant, admin) = match rest.split_once(':') {
                Some(("*", "service")) => {
                    if key.len() < 16 {
                        return Err(ValidationError::new("api_keys", "keys must be at least 16 characters"));
                    }
                    keys.insert(key.to_string(), (Holder::Service, Actor::of_key(key)));
                    continue;
                }
                Some((t, "admin")) => (t, true),
                Some((_, other)) => {
                    return Err(ValidationError::new(
                        "api_keys",
                        format!("unknown key role {other:?}: admin, or *:service"),
                    ));
                }
                None => (rest, false),
            };
            if key.len() < 16 {
                return Err(ValidationError::new("api_keys", "keys must be at least 16 characters"));
            }
            let id = TenantId::parse(tenant).map_err(|e| ValidationError::new("api_keys", e.reason))?;
            keys.insert(key.to_string(), (Holder::Tenant(Tenant { id, admin }), Actor::of_key(key)));
        }
        let default = Tenant {
            id: TenantId::parse(default_tenant)
                .map_err(|e| ValidationError::new("default_tenant", e.reason))?,
            admin: true,
        };
        Ok(Self { keys: Arc::new(keys), default })
    }

    /// Whether calls must present a key.
    pub fn enforced(&self) -> bool {
        !self.keys.is_empty()
    }

    /// Resolves the caller of a request from its `authorization` metadata.
    pub fn authenticate(&self, metadata: &tonic::metadata::MetadataMap) -> Result<Tenant, Status> {
        self.caller(metadata).map(|(tenant, _)| tenant)
    }

    /// The caller's tenant and who they are.
    fn caller(&self, metadata: &tonic::metadata::MetadataMap) -> Result<(Tenant, Actor), Status> {
        if !self.enforced() {
            return Ok((self.default.clone(), Actor("default".into())));
        }
        let header = metadata
            .get("authorization")
            .ok_or_else(|| Status::unauthenticated("missing authorization metadata: send an API key"))?;
        let value = header.to_str().map_err(|_| Status::unauthenticated("authorization is not ASCII"))?;
        let key = value.strip_prefix("Bearer ").unwrap_or(value).trim();
        match self.keys.get(key).cloned().ok_or_else(|| Status::unauthenticated("unknown API key"))? {
            (Holder::Tenant(tenant), actor) => Ok((tenant, actor)),
            (Holder::Service, actor) => {
                let named = metadata.get(SERVICE_TENANT).and_then(|v| v.to_str().ok()).ok_or_else(|| {
                    Status::unauthenticated(format!(
                        "a service key's call names its tenant in {SERVICE_TENANT}"
                    ))
                })?;
                let id = TenantId::parse(named)
                    .map_err(|e| Status::invalid_argument(format!("{SERVICE_TENANT}: {}", e.reason)))?;
                Ok((Tenant { id, admin: false }, Actor(format!("service:{}", actor.0))))
            }
        }
    }

    /// A tonic interceptor that authenticates every call and stores the [`Tenant`].
    pub fn interceptor(&self) -> impl FnMut(Request<()>) -> Result<Request<()>, Status> + Clone + use<> {
        let keys = self.clone();
        move |mut req: Request<()>| {
            let (tenant, actor) = keys.caller(req.metadata())?;
            req.extensions_mut().insert(tenant);
            req.extensions_mut().insert(actor);
            Ok(req)
        }
    }
}

/// Who made the call the interceptor authenticated (`default` when it did not run).
pub fn actor_of<T>(req: &Request<T>) -> Actor {
    req.extensions().get::<Actor>().cloned().unwrap_or_else(|| Actor("default".into()))
}

/// The tenant the interceptor stored on a request.
pub fn tenant_of<T>(req: &Request<T>) -> Result<Tenant, Status> {
    req.extensions()
        .get::<Tenant>()
        .cloned()
        .ok_or_else(|| Status::internal("request reached a handler without authentication"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::metadata::MetadataMap;

    fn with_auth(v: &str) -> MetadataMap {
        let mut m = MetadataMap::new();
        m.insert("authorization", v.parse().expect("ascii"));
        m
    }

    #[test]
    fn keys_resolve_to_tenants() {
        let keys =
            ApiKeys::parse("aaaaaaaaaaaaaaaa=acme:admin, bbbbbbbbbbbbbbbb=globex", "default").expect("valid");
        let t = keys.authenticate(&with_auth("Bearer aaaaaaaaaaaaaaaa")).expect("known");
        assert_eq!((t.id.as_str(), t.admin), ("acme", true));
        let t = keys.authenticate(&with_auth("bbbbbbbbbbbbbbbb")).expect("bare key");
        assert_eq!((t.id.as_str(), t.admin), ("globex", false));
        assert_eq!(keys.authenticate(&MetadataMap::new()).unwrap_err().code(), tonic::Code::Unauthenticated);
        assert_eq!(
            keys.authenticate(&with_auth("Bearer nope")).unwrap_err().code(),
            tonic::Code::Unauthenticated
        );
    }

    #[test]
    fn the_actor_names_the_key_without_revealing_it() {
        let keys = ApiKeys::parse("aaaaaaaaaaaaaaaa=acme, bbbbbbbbbbbbbbbb=acme", "default").expect("valid");
        let (_, a) = keys.caller(&with_auth("aaaaaaaaaaaaaaaa")).expect("known");
        let (_, b) = keys.caller(&with_auth("bbbbbbbbbbbbbbbb")).expect("known");
        assert!(a.0.starts_with("key:") && a.0.len() == 16 && !a.0.contains("aaaa"), "{a:?}");
        assert_ne!(a, b, "two keys of one tenant are two actors");
        let open = ApiKeys::parse("", "default").expect("empty");
        assert_eq!(open.caller(&MetadataMap::new()).expect("open").1, Actor("default".into()));
    }

    #[test]
    fn open_mode_is_the_default_admin() {
        let keys = ApiKeys::parse("", "default").expect("empty");
        let t = keys.authenticate(&MetadataMap::new()).expect("open");
        assert_eq!((t.id.as_str(), t.admin), ("default", true));
    }

    #[test]
    fn a_service_key_acts_for_the_tenant_its_call_names() {
        let keys = ApiKeys::parse("aaaaaaaaaaaaaaaa=acme:admin, ssssssssssssssss=*:service", "default")
            .expect("valid");
        let mut req = Request::new(());
        as_service(&mut req, Some("ssssssssssssssss"), "globex").expect("ascii");
        let (t, actor) = keys.caller(req.metadata()).expect("known");
        assert_eq!((t.id.as_str(), t.admin), ("globex", false), "never an admin");
        assert!(actor.0.starts_with("service:key:"), "{actor:?}");
        // Without a tenant, or with a bad one, the call is refused.
        let status = keys.caller(&with_auth("ssssssssssssssss")).unwrap_err();
        assert_eq!(status.code(), tonic::Code::Unauthenticated);
        let mut bad = with_auth("ssssssssssssssss");
        bad.insert(SERVICE_TENANT, "no such tenant!".parse().expect("ascii"));
        assert_eq!(keys.caller(&bad).unwrap_err().code(), tonic::Code::InvalidArgument);
        // A tenant's key ignores the header: it cannot act for another tenant.
        let mut other = with_auth("aaaaaaaaaaaaaaaa");
        other.insert(SERVICE_TENANT, "globex".parse().expect("ascii"));
        assert_eq!(keys.caller(&other).expect("known").0.id.as_str(), "acme");
        assert!(ApiKeys::parse("short=*:service", "d").is_err());
    }

    #[test]
    fn bad_specs() {
        assert!(ApiKeys::parse("short=acme", "d").is_err());
        assert!(ApiKeys::parse("aaaaaaaaaaaaaaaa", "d").is_err());
        assert!(ApiKeys::parse("aaaaaaaaaaaaaaaa=acme:root", "d").is_err());
        assert!(ApiKeys::parse("aaaaaaaaaaaaaaaa=bad tenant", "d").is_err());
    }
}
