//! The RoleCatalog service in-process on port 0, driven over real gRPC: tenancy on every RPC,
//! typed errors for bad input, optimistic concurrency, change events and trace propagation.

use std::sync::{Arc, OnceLock};

use nexushr_catalog_store::SqlRoleStore;
use nexushr_embed::Embedder;
use nexushr_events::{Event, outbox, topics};
use nexushr_platform::{ApiKeys, grpc};
use nexushr_proto::catalog::v1::{self as pb, role_catalog_client::RoleCatalogClient};
use nexushr_proto::common::v1::{Date, PageRequest};
use nexushr_proto::events::v1::{ChangeKind, RoleChanged};
use nexushr_role_catalog::RoleIndex;
use nexushr_vector_store::{EdgeStore, Vectors};
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const ADMIN: &str = "admin-key-0000000000";
const ACME: &str = "acme-key-00000000000";
const GLOBEX: &str = "globex-key-000000000";

struct App {
    addr: std::net::SocketAddr,
    store: Arc<SqlRoleStore>,
    _dir: tempfile::TempDir,
}

fn telemetry() {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let guard = nexushr_telemetry::install(
            "role-catalog-test",
            None::<opentelemetry_sdk::trace::InMemorySpanExporter>,
            false,
        )
        .expect("telemetry");
        std::mem::forget(guard);
    });
}

async fn spawn_app() -> App {
    spawn(Index::None).await
}

enum Index {
    None,
    /// The embedded vector engine with the real model (scripts/fetch-data.sh model).
    WithModel,
    /// The embedded vector engine without a model: sparse vectors only.
    WithoutModel,
}

async fn spawn(index: Index) -> App {
    telemetry();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(SqlRoleStore::open_sqlite(&dir.path().join("catalog.db")).await.expect("store"));
    nexushr_role_catalog::load_bundled_if_empty(store.as_ref()).await.expect("bundled catalog");
    let keys = ApiKeys::parse(&format!("{ADMIN}=nexushr:admin,{ACME}=acme,{GLOBEX}=globex"), "default")
        .expect("keys");
    let embedder = match index {
        Index::None => None,
        Index::WithModel => Some(Some(Arc::new(
            Embedder::load(&Embedder::default_dir()).expect("the model (scripts/fetch-data.sh model)"),
        ))),
        Index::WithoutModel => Some(None),
    };
    let index = match embedder {
        None => None,
        Some(embedder) => {
            let engine = EdgeStore::new(dir.path().join("vectors")).expect("vector store");
            let vectors = Vectors::new(Arc::new(engine), embedder);
            Some(Arc::new(RoleIndex::open(vectors, store.as_ref()).await.expect("role index")))
        }
    };
    let routes = nexushr_role_catalog::routes(store.clone(), index, &keys);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve(listener, routes, std::future::pending()));
    App { addr, store, _dir: dir }
}

impl App {
    /// The role events the outbox holds for `aggregate`, oldest first.
    async fn events_of(&self, aggregate: &str) -> Vec<Event> {
        let logged =
            outbox::fetch(self.store.pool(), 0, Some(&[topics::ROLES]), 10_000).await.expect("outbox");
        logged.into_iter().map(|s| s.event).filter(|e| e.envelope.aggregate_id == aggregate).collect()
    }

    async fn client(&self) -> RoleCatalogClient<Channel> {
        let channel = Channel::from_shared(format!("http://{}", self.addr))
            .expect("uri")
            .connect()
            .await
            .expect("connect");
        RoleCatalogClient::new(channel)
    }
}

fn authed<T>(key: &str, msg: T) -> Request<T> {
    let mut req = Request::new(msg);
    req.metadata_mut().insert("authorization", format!("Bearer {key}").parse().expect("ascii"));
    req
}

fn band(country: &str, currency: &str, min: i64, max: i64) -> pb::SalaryBand {
    pb::SalaryBand {
        country: country.into(),
        currency: currency.into(),
        min_minor: min,
        max_minor: max,
        period: pb::PayPeriod::Month as i32,
        as_of: Some(Date { year: 2026, month: 6, day: 22 }),
        source: "test".into(),
        ..Default::default()
    }
}

fn new_role(slug: &str) -> pb::Role {
    pb::Role {
        slug: slug.into(),
        title: "Platform Engineer".into(),
        category: "Technology".into(),
        summary: "Builds the internal platform with Kubernetes.".into(),
        skills: vec![pb::Skill { name: "Kubernetes".into(), ..Default::default() }],
        salary_bands: vec![band("BR", "BRL", 1_000_000, 2_000_000)],
        ..Default::default()
    }
}

async fn create(
    client: &mut RoleCatalogClient<Channel>,
    key: &str,
    role: pb::Role,
) -> Result<pb::Role, Status> {
    client.create_role(authed(key, pb::CreateRoleRequest { role: Some(role) })).await.map(|r| r.into_inner())
}

fn assert_invalid(result: Result<impl std::fmt::Debug, Status>, field: &str) {
    let status = result.expect_err("must be rejected");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains(field), "{:?} should name {field}", status.message());
}

fn get_slug(slug: &str) -> pb::GetRoleRequest {
    pb::GetRoleRequest { key: Some(pb::get_role_request::Key::Slug(slug.into())), locale: String::new() }
}

fn get_id(id: &str) -> pb::GetRoleRequest {
    pb::GetRoleRequest { key: Some(pb::get_role_request::Key::Id(id.into())), locale: String::new() }
}

fn list(size: Option<i32>, token: &str) -> pb::ListRolesRequest {
    pb::ListRolesRequest {
        page: Some(PageRequest { page_size: size, page_token: token.into() }),
        ..Default::default()
    }
}

#[tokio::test]
async fn calls_without_a_valid_key_are_unauthenticated() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let status = c.get_role(Request::new(get_slug("backend-developer"))).await.expect_err("no key");
    assert_eq!(status.code(), Code::Unauthenticated);
    let status = c.list_roles(authed("wrong-key-000000000", list(None, ""))).await.expect_err("bad key");
    assert_eq!(status.code(), Code::Unauthenticated);
    let status = c.import_roles(Request::new(pb::ImportRolesRequest::default())).await.expect_err("no key");
    assert_eq!(status.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn another_tenants_private_role_is_invisible_on_every_rpc() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let mine = create(&mut c, ACME, new_role("acme-platform")).await.expect("create");
    assert_eq!((mine.visibility, mine.tenant_id.as_str()), (pb::Visibility::Private as i32, "acme"));

    // Get by id and by slug.
    for req in [get_id(&mine.id), get_slug("acme-platform")] {
        assert_eq!(c.get_role(authed(GLOBEX, req.clone())).await.expect_err("hidden").code(), Code::NotFound);
        assert_eq!(c.get_role(authed(ACME, req)).await.expect("owner sees it").into_inner().id, mine.id);
    }
    // List, unfiltered and filtered.
    let filtered = pb::ListRolesRequest {
        skill: "kubernetes".into(),
        page: Some(PageRequest { page_size: Some(500), ..Default::default() }),
        ..Default::default()
    };
    for req in [list(Some(500), ""), filtered] {
        let roles = c.list_roles(authed(GLOBEX, req.clone())).await.expect("list").into_inner().roles;
        assert!(roles.iter().all(|r| r.id != mine.id));
        let roles = c.list_roles(authed(ACME, req)).await.expect("list").into_inner().roles;
        assert!(roles.iter().any(|r| r.id == mine.id));
    }
    // Search.
    let search = pb::SearchRolesRequest {
        query: "platform engineer kubernetes".into(),
        limit: Some(100),
        ..Default::default()
    };
    let hits = c.search_roles(authed(GLOBEX, search.clone())).await.expect("search").into_inner().hits;
    assert!(hits.iter().all(|h| h.role.as_ref().map(|r| r.id.as_str()) != Some(mine.id.as_str())));
    let hits = c.search_roles(authed(ACME, search)).await.expect("search").into_inner().hits;
    assert!(hits.iter().any(|h| h.role.as_ref().map(|r| r.id.as_str()) == Some(mine.id.as_str())));
    // Update and delete.
    let mut patch = mine.clone();
    patch.title = "Stolen".into();
    let update = pb::UpdateRoleRequest {
        role: Some(patch),
        update_mask: Some(prost_types::FieldMask { paths: vec!["title".into()] }),
    };
    assert_eq!(
        c.update_role(authed(GLOBEX, update.clone())).await.expect_err("hidden").code(),
        Code::NotFound
    );
    let delete = pb::DeleteRoleRequest { id: mine.id.clone(), etag: String::new() };
    assert_eq!(
        c.delete_role(authed(GLOBEX, delete.clone())).await.expect_err("hidden").code(),
        Code::NotFound
    );
    // Create: the same slug is free for another tenant, and never collides with the owner's.
    let theirs = create(&mut c, GLOBEX, new_role("acme-platform")).await.expect("slugs are per tenant");
    assert_ne!(theirs.id, mine.id);
    // Import writes global roles: admins only.
    let import = pb::ImportRolesRequest { source: pb::ImportSource::Bundled as i32, data: vec![] };
    assert_eq!(
        c.import_roles(authed(ACME, import.clone())).await.expect_err("not admin").code(),
        Code::PermissionDenied
    );
    // The owner's role is untouched by all of the above.
    let still = c.get_role(authed(ACME, get_id(&mine.id))).await.expect("get").into_inner();
    assert_eq!((still.title.as_str(), still.version), ("Platform Engineer", 1));
    c.delete_role(authed(ACME, delete)).await.expect("owner deletes");
}

#[tokio::test]
async fn global_roles_are_read_only_to_tenants() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let global = c.get_role(authed(ACME, get_slug("backend-developer"))).await.expect("visible").into_inner();
    assert_eq!(global.visibility, pb::Visibility::Global as i32);
    let update = pb::UpdateRoleRequest {
        role: Some(pb::Role { title: "Mine now".into(), ..global.clone() }),
        update_mask: Some(prost_types::FieldMask { paths: vec!["title".into()] }),
    };
    assert_eq!(
        c.update_role(authed(ACME, update)).await.expect_err("read only").code(),
        Code::PermissionDenied
    );
    let delete = pb::DeleteRoleRequest { id: global.id.clone(), etag: String::new() };
    assert_eq!(
        c.delete_role(authed(ACME, delete)).await.expect_err("read only").code(),
        Code::PermissionDenied
    );
    let mut role = new_role("shared-role");
    role.visibility = pb::Visibility::Global as i32;
    assert_eq!(
        create(&mut c, ACME, role.clone()).await.expect_err("not admin").code(),
        Code::PermissionDenied
    );
    let created = create(&mut c, ADMIN, role).await.expect("admins create global roles");
    assert!(c.get_role(authed(GLOBEX, get_id(&created.id))).await.is_ok(), "every tenant sees global roles");
    let import = pb::ImportRolesRequest { source: pb::ImportSource::Bundled as i32, data: vec![] };
    let stats = c.import_roles(authed(ADMIN, import)).await.expect("admin imports").into_inner();
    assert_eq!((stats.created, stats.updated), (0, 0), "the bundled catalog is already loaded");
}

#[tokio::test]
async fn bad_input_is_invalid_argument_naming_the_field() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let mut r = new_role("x-1");
    r.title = String::new();
    assert_invalid(create(&mut c, ACME, r).await, "role.title");
    let mut r = new_role("x-2");
    r.salary_bands = vec![band("BR", "BRX", 1, 2)];
    assert_invalid(create(&mut c, ACME, r).await, "role.salary_bands[0].currency");
    let mut r = new_role("x-3");
    r.salary_bands = vec![band("ZZ", "BRL", 1, 2)];
    assert_invalid(create(&mut c, ACME, r).await, "role.salary_bands[0].country");
    let mut r = new_role("x-4");
    r.salary_bands = vec![band("BR", "BRL", 3, 2)];
    assert_invalid(create(&mut c, ACME, r).await, "role.salary_bands[0].min_minor");
    let mut r = new_role("x-5");
    r.salary_bands[0].as_of = Some(Date { year: 2026, month: 13, day: 1 });
    assert_invalid(create(&mut c, ACME, r).await, "role.salary_bands[0].as_of");
    assert_invalid(c.create_role(authed(ACME, pb::CreateRoleRequest { role: None })).await, "role");
    assert_invalid(c.list_roles(authed(ACME, list(Some(0), ""))).await, "page_size");
    assert_invalid(c.list_roles(authed(ACME, list(Some(100_000), ""))).await, "page_size");
    assert_invalid(c.list_roles(authed(ACME, list(Some(10), "%%%garbage"))).await, "page_token");
    let bad_country = pb::ListRolesRequest { country: "Brazil".into(), ..Default::default() };
    assert_invalid(c.list_roles(authed(ACME, bad_country)).await, "country");
    assert_invalid(
        c.get_role(authed(ACME, pb::GetRoleRequest { key: None, locale: String::new() })).await,
        "key",
    );
    assert_invalid(
        c.get_role(authed(
            ACME,
            pb::GetRoleRequest { locale: "not a locale".into(), ..get_slug("backend-developer") },
        ))
        .await,
        "locale",
    );
    let search = |q: &str, limit| pb::SearchRolesRequest { query: q.into(), limit, ..Default::default() };
    assert_invalid(c.search_roles(authed(ACME, search("", None))).await, "query");
    assert_invalid(c.search_roles(authed(ACME, search("go", Some(0)))).await, "limit");
    assert_invalid(c.search_roles(authed(ACME, search(&"x".repeat(10_000), None))).await, "query");
    let import = pb::ImportRolesRequest {
        source: pb::ImportSource::EscoOccupationsCsv as i32,
        data: b"\xff\xfe garbage".to_vec(),
    };
    assert_invalid(c.import_roles(authed(ADMIN, import)).await, "data");
    let import =
        pb::ImportRolesRequest { source: pb::ImportSource::OewsSqlite as i32, data: b"not sqlite".to_vec() };
    assert_invalid(c.import_roles(authed(ADMIN, import)).await, "data");

    // Tokens are only valid with the filters they were issued for.
    let first = c.list_roles(authed(ACME, list(Some(5), ""))).await.expect("list").into_inner();
    let token = first.page.expect("page").next_page_token;
    let other_filter = pb::ListRolesRequest {
        category: "Security".into(),
        page: Some(PageRequest { page_size: Some(5), page_token: token }),
        ..Default::default()
    };
    assert_invalid(c.list_roles(authed(ACME, other_filter)).await, "page_token");
}

#[tokio::test]
async fn updates_need_the_current_etag_and_a_known_mask() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let created = create(&mut c, ACME, new_role("etag-role")).await.expect("create");
    let mask = |paths: &[&str]| {
        Some(prost_types::FieldMask { paths: paths.iter().map(|p| p.to_string()).collect() })
    };
    let update =
        |role: pb::Role, paths: &[&str]| pb::UpdateRoleRequest { role: Some(role), update_mask: mask(paths) };

    let mut patch = created.clone();
    patch.title = "Platform Lead".into();
    patch.summary = "not in the mask, so ignored".into();
    let updated =
        c.update_role(authed(ACME, update(patch.clone(), &["title"]))).await.expect("update").into_inner();
    assert_eq!(
        (updated.title.as_str(), updated.summary.as_str(), updated.version),
        ("Platform Lead", created.summary.as_str(), 2)
    );
    assert_ne!(updated.etag, created.etag);

    let stale = c.update_role(authed(ACME, update(patch.clone(), &["title"]))).await.expect_err("stale etag");
    assert_eq!(stale.code(), Code::Aborted);
    let stale = c
        .delete_role(authed(
            ACME,
            pb::DeleteRoleRequest { id: created.id.clone(), etag: created.etag.clone() },
        ))
        .await;
    assert_eq!(stale.expect_err("stale etag").code(), Code::Aborted);

    let mut fresh = updated.clone();
    assert_invalid(c.update_role(authed(ACME, update(fresh.clone(), &["salary"]))).await, "update_mask");
    assert_invalid(c.update_role(authed(ACME, update(fresh.clone(), &[]))).await, "update_mask");
    fresh.etag = String::new();
    assert_invalid(c.update_role(authed(ACME, update(fresh.clone(), &["title"]))).await, "role.etag");
    fresh.etag = updated.etag.clone();
    fresh.salary_bands = vec![band("MX", "MXN", 9, 1)];
    assert_invalid(
        c.update_role(authed(ACME, update(fresh, &["salary_bands"]))).await,
        "role.salary_bands[0].min_minor",
    );

    let unchanged = c.get_role(authed(ACME, get_id(&created.id))).await.expect("get").into_inner();
    assert_eq!((unchanged.version, unchanged.salary_bands.len()), (2, 1), "rejected updates store nothing");
    c.delete_role(authed(ACME, pb::DeleteRoleRequest { id: created.id.clone(), etag: updated.etag }))
        .await
        .expect("delete");

    let kinds: Vec<(i32, i64)> = app
        .events_of(&created.id)
        .await
        .into_iter()
        .map(|e: Event| {
            let p = e.payload::<RoleChanged>().expect("decodes").expect("RoleChanged");
            (p.change, p.version)
        })
        .collect();
    assert_eq!(
        kinds,
        [(ChangeKind::Created as i32, 1), (ChangeKind::Updated as i32, 2), (ChangeKind::Deleted as i32, 2)]
    );
}

#[tokio::test]
async fn the_callers_trace_reaches_the_event() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let mut req = authed(ACME, pb::CreateRoleRequest { role: Some(new_role("traced-role")) });
    req.metadata_mut()
        .insert("traceparent", format!("00-{trace_id}-00f067aa0ba902b7-01").parse().expect("ascii"));
    let created = c.create_role(req).await.expect("create").into_inner();
    let event = app.events_of(&created.id).await.pop().expect("the create left an event");
    assert!(
        event.envelope.traceparent.starts_with(&format!("00-{trace_id}-")),
        "event traceparent {:?} should continue trace {trace_id}",
        event.envelope.traceparent
    );
}

#[tokio::test]
async fn backend_developer_in_three_locales_and_search() {
    let app = spawn_app().await;
    let mut c = app.client().await;
    let get = |locale: &str| pb::GetRoleRequest { locale: locale.into(), ..get_slug("backend-developer") };
    let en = c.get_role(authed(ACME, get(""))).await.expect("en").into_inner();
    assert_eq!((en.title.as_str(), en.locale.as_str()), ("Backend Developer", "en"));
    let bands: Vec<(&str, &str, i64, i64)> = en
        .salary_bands
        .iter()
        .map(|b| (b.country.as_str(), b.currency.as_str(), b.min_minor, b.max_minor))
        .collect();
    assert_eq!(bands, [("BR", "BRL", 1_000_000, 1_800_000), ("MX", "MXN", 5_000_000, 9_000_000)]);
    let pt = c.get_role(authed(ACME, get("pt-BR"))).await.expect("pt").into_inner();
    assert_eq!((pt.title.as_str(), pt.locale.as_str()), ("Desenvolvedor Backend", "pt-BR"));
    assert_eq!(pt.career_path[4].title, "Arquiteto de Software / Tech Lead");
    let es = c.get_role(authed(ACME, get("es-MX"))).await.expect("es").into_inner();
    assert_eq!(es.title, "Desarrollador Backend");
    let es_ar = c.get_role(authed(ACME, get("es-AR"))).await.expect("es-AR").into_inner();
    assert_eq!(
        (es_ar.title.as_str(), es_ar.locale.as_str()),
        ("Backend Developer", "en"),
        "no es or es-AR text: en"
    );

    let search =
        pb::SearchRolesRequest { query: "backend developer".into(), limit: Some(3), ..Default::default() };
    let hits = c.search_roles(authed(ACME, search)).await.expect("search").into_inner().hits;
    assert_eq!(hits[0].role.as_ref().map(|r| r.slug.as_str()), Some("backend-developer"));
    let semantic = pb::SearchRolesRequest {
        query: "api".into(),
        mode: pb::SearchMode::Semantic as i32,
        ..Default::default()
    };
    assert_eq!(
        c.search_roles(authed(ACME, semantic)).await.expect_err("no vector store").code(),
        Code::FailedPrecondition
    );
}

async fn search(
    c: &mut RoleCatalogClient<Channel>,
    key: &str,
    query: &str,
    mode: pb::SearchMode,
) -> Vec<String> {
    let req = pb::SearchRolesRequest {
        query: query.into(),
        limit: Some(5),
        mode: mode as i32,
        ..Default::default()
    };
    let resp = c.search_roles(authed(key, req)).await.expect("search").into_inner();
    resp.hits.into_iter().filter_map(|h| h.role.map(|r| r.slug)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_search_finds_roles_by_meaning() {
    let app = spawn(Index::WithModel).await;
    let mut c = app.client().await;
    let query = "server-side API engineer with PostgreSQL and Kafka";
    for mode in [pb::SearchMode::Semantic, pb::SearchMode::Hybrid, pb::SearchMode::Unspecified] {
        let slugs = search(&mut c, ACME, query, mode).await;
        let rank = slugs.iter().position(|s| s == "backend-developer");
        println!("{mode:?}: {slugs:?}");
        assert!(rank.is_some_and(|r| r < 3), "{mode:?}: backend-developer not in the top 3 of {slugs:?}");
    }
    // A private role is found by meaning for its owner only, and gone once deleted.
    let mut role = new_role("k8s-wrangler");
    role.title = "Cluster Reliability Wrangler".into();
    role.summary =
        "Keeps container orchestration clusters healthy and upgrades them without downtime.".into();
    role.visibility = pb::Visibility::Private as i32;
    let created = create(&mut c, ACME, role).await.expect("create");
    let query = "someone to keep our Kubernetes clusters healthy";
    assert!(
        search(&mut c, ACME, query, pb::SearchMode::Semantic).await.contains(&"k8s-wrangler".to_string())
    );
    assert!(
        !search(&mut c, GLOBEX, query, pb::SearchMode::Semantic).await.contains(&"k8s-wrangler".to_string())
    );
    let delete = pb::DeleteRoleRequest { id: created.id.clone(), etag: String::new() };
    c.delete_role(authed(ACME, delete)).await.expect("delete");
    assert!(
        !search(&mut c, ACME, query, pb::SearchMode::Semantic).await.contains(&"k8s-wrangler".to_string())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_model_search_still_works_on_words() {
    let app = spawn(Index::WithoutModel).await;
    let mut c = app.client().await;
    let slugs = search(&mut c, ACME, "backend developer PostgreSQL Kafka APIs", pb::SearchMode::Hybrid).await;
    assert!(slugs.iter().take(3).any(|s| s == "backend-developer"), "{slugs:?}");
}
