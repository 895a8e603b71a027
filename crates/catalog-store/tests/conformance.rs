//! One conformance suite for every `RoleStore` backend: SQLite (a temp file) and PostgreSQL
//! (`NEXUSHR_TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/test`, each test in
//! its own schema). PostgreSQL being unreachable fails the suite: it never skips.

use chrono::{NaiveDate, Utc};
use nexushr_catalog_store::{
    ImportFormat, PageSpec, Record, RoleFilter, RoleStore, SqlRoleStore, StoreError, filter_fingerprint,
    import, lexical_terms, parse_dataset,
};
use nexushr_domain::{PayPeriod, Role, RoleSpec, SalaryBand, Skill, SkillKind, TenantId};
use sqlx::Connection;

fn tenant(id: &str) -> TenantId {
    TenantId::parse(id).expect("valid tenant")
}

fn spec(slug: &str, category: &str, skills: &[&str], country: &str) -> RoleSpec {
    RoleSpec {
        slug: slug.into(),
        title: slug.replace('-', " "),
        category: category.into(),
        summary: format!("The {slug} role."),
        skills: skills
            .iter()
            .map(|s| Skill {
                name: (*s).into(),
                taxonomy_id: format!("nexushr:skill/{}", s.to_lowercase()),
                kind: SkillKind::Tool,
                essential: true,
            })
            .collect(),
        salary_bands: vec![SalaryBand {
            country: country.into(),
            currency: "USD".into(),
            min_minor: 100,
            max_minor: 200,
            p10_minor: None,
            p25_minor: None,
            p50_minor: Some(150),
            p75_minor: None,
            p90_minor: None,
            period: PayPeriod::Year,
            as_of: NaiveDate::from_ymd_opt(2025, 5, 1).expect("date"),
            source: "test".into(),
        }],
        ..Default::default()
    }
}

fn role(spec: RoleSpec, owner: Option<&str>) -> Role {
    Role::new(spec, owner.map(tenant), Utc::now())
}

async fn sqlite() -> (SqlRoleStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqlRoleStore::open_sqlite(&dir.path().join("catalog.db")).await.expect("sqlite store");
    (store, dir)
}

async fn postgres() -> (SqlRoleStore, ()) {
    let url = std::env::var("NEXUSHR_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let schema = format!("nexushr_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {url} is required for the conformance suite: {e}"));
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("create schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = SqlRoleStore::connect(&format!("{url}{sep}options=-c%20search_path%3D{schema}"))
        .await
        .expect("postgres store");
    assert_eq!(store.backend(), "postgres");
    (store, ())
}

fn no_events(role: &Role, _created: bool) -> nexushr_events::Event {
    let payload = nexushr_proto::events::v1::RoleChanged { role_id: role.id.clone(), ..Default::default() };
    nexushr_events::Event::new(nexushr_events::topics::ROLES, "test", &role.id, &payload, None, Utc::now())
}

fn page(size: i64) -> PageSpec {
    PageSpec::parse(Some(size), "", 0).expect("page")
}

async fn insert_and_get(store: &SqlRoleStore) {
    let r = role(spec("backend-developer", "Technology", &["Go", "PostgreSQL"], "BR"), None);
    store.insert(&r, &[]).await.expect("insert");
    let viewer = tenant("acme");
    assert_eq!(store.get_by_id(&viewer, &r.id).await.expect("get").as_ref(), Some(&r));
    assert_eq!(store.get_by_slug(&viewer, "backend-developer").await.expect("get").as_ref(), Some(&r));
    assert!(store.get_by_slug(&viewer, "nope").await.expect("get").is_none());
}

async fn slugs_are_unique_per_owner(store: &SqlRoleStore) {
    store.insert(&role(spec("sre", "Ops", &[], "US"), None), &[]).await.expect("global");
    let dup = store.insert(&role(spec("sre", "Ops", &[], "US"), None), &[]).await;
    assert!(matches!(dup, Err(StoreError::SlugTaken(s)) if s == "sre"));
    let private = role(spec("sre", "Ops", &["Terraform"], "US"), Some("acme"));
    store.insert(&private, &[]).await.expect("a tenant may shadow a global slug");
    let mine = store.get_by_slug(&tenant("acme"), "sre").await.expect("get").expect("found");
    assert_eq!(mine.id, private.id, "the private role shadows the global one for its owner");
    let theirs = store.get_by_slug(&tenant("globex"), "sre").await.expect("get").expect("found");
    assert_ne!(theirs.id, private.id, "others see the global role");
}

async fn tenants_are_isolated(store: &SqlRoleStore) {
    let secret = role(spec("secret-role", "Ops", &["Rust"], "BR"), Some("acme"));
    store.insert(&secret, &[]).await.expect("insert");
    let other = tenant("globex");
    assert!(store.get_by_id(&other, &secret.id).await.expect("get").is_none());
    assert!(store.get_by_slug(&other, "secret-role").await.expect("get").is_none());
    let (listed, _) = store.list(&other, &RoleFilter::default(), &page(100)).await.expect("list");
    assert!(listed.iter().all(|r| r.id != secret.id));
    let hits = store.search(&other, &lexical_terms("secret rust"), 10).await.expect("search");
    assert!(hits.iter().all(|h| h.role.id != secret.id));
    assert_eq!(store.count(&other).await.expect("count"), 0);
    assert_eq!(store.count(&tenant("acme")).await.expect("count"), 1);
}

async fn pages_and_filters(store: &SqlRoleStore) {
    for i in 0..25 {
        let category = if i % 2 == 0 { "Data" } else { "Software" };
        let skills: &[&str] = if i % 5 == 0 { &["Kafka", "Go"] } else { &["Python"] };
        let country = if i % 3 == 0 { "MX" } else { "US" };
        store
            .insert(&role(spec(&format!("role-{i:02}"), category, skills, country), None), &[])
            .await
            .expect("insert");
    }
    let viewer = viewer_of();
    let all = RoleFilter::default();
    let mut seen = Vec::new();
    let mut p = page(10);
    loop {
        let (roles, next) = store.list(&viewer, &all, &p).await.expect("list");
        assert!(roles.len() <= 10);
        seen.extend(roles.into_iter().map(|r| r.spec.slug));
        match next {
            Some(cursor) => {
                assert_eq!(cursor.filter, filter_fingerprint(&viewer, &all));
                p = PageSpec::parse(Some(10), &cursor.encode(), filter_fingerprint(&viewer, &all))
                    .expect("token");
            }
            None => break,
        }
    }
    let expected: Vec<String> = (0..25).map(|i| format!("role-{i:02}")).collect();
    assert_eq!(seen, expected, "every role once, in slug order");

    let count = |filter: RoleFilter| async move {
        store.list(&viewer_of(), &filter, &page(100)).await.expect("list").0.len()
    };
    assert_eq!(count(RoleFilter { category: "data".into(), ..Default::default() }).await, 13);
    assert_eq!(count(RoleFilter { skill: "kafka".into(), ..Default::default() }).await, 5);
    assert_eq!(count(RoleFilter { skill: "nexushr:skill/kafka".into(), ..Default::default() }).await, 5);
    assert_eq!(count(RoleFilter { country: "MX".into(), ..Default::default() }).await, 9);
    // Even i, a multiple of 5 and of 3: only i = 0.
    assert_eq!(
        count(RoleFilter { category: "Data".into(), skill: "Go".into(), country: "MX".into() }).await,
        1
    );
}

fn viewer_of() -> TenantId {
    tenant("acme")
}

async fn replace_checks_the_version(store: &SqlRoleStore) {
    let mut r = role(spec("qa", "Quality", &["Selenium"], "US"), None);
    store.insert(&r, &[]).await.expect("insert");
    r.spec.title = "QA Engineer".into();
    r.spec.skills.clear();
    r.version = 2;
    store.replace(&r, 1, &[]).await.expect("current version");
    let got = store.get_by_id(&viewer_of(), &r.id).await.expect("get").expect("found");
    assert_eq!((got.spec.title.as_str(), got.version), ("QA Engineer", 2));
    let filter = RoleFilter { skill: "selenium".into(), ..Default::default() };
    assert!(
        store.list(&viewer_of(), &filter, &page(10)).await.expect("list").0.is_empty(),
        "skill index follows"
    );
    let stale = store.replace(&r, 1, &[]).await;
    assert!(matches!(stale, Err(StoreError::Stale { expected: 1, actual: 2, .. })), "{stale:?}");
    let mut ghost = r.clone();
    ghost.id = "missing".into();
    assert!(matches!(store.replace(&ghost, 1, &[]).await, Err(StoreError::NotFound(_))));
}

async fn delete_checks_the_version(store: &SqlRoleStore) {
    let r = role(spec("dba", "Data", &["PostgreSQL"], "BR"), None);
    store.insert(&r, &[]).await.expect("insert");
    assert!(matches!(store.delete(&r.id, 7, &[]).await, Err(StoreError::Stale { actual: 1, .. })));
    store.delete(&r.id, 1, &[]).await.expect("delete");
    assert!(store.get_by_id(&viewer_of(), &r.id).await.expect("get").is_none());
    assert!(matches!(store.delete(&r.id, 1, &[]).await, Err(StoreError::NotFound(_))));
    let filter = RoleFilter { country: "BR".into(), ..Default::default() };
    assert!(store.list(&viewer_of(), &filter, &page(10)).await.expect("list").0.is_empty());
    store.insert(&role(spec("dba", "Data", &[], "BR"), None), &[]).await.expect("the slug is free again");
}

async fn search_ranks_title_first(store: &SqlRoleStore) {
    store.insert(&role(spec("data-engineer", "Data", &["Kafka"], "US"), None), &[]).await.expect("insert");
    let mut s = spec("platform-engineer", "Ops", &["Kubernetes"], "US");
    s.summary = "Keeps the data platform running.".into();
    store.insert(&role(s, None), &[]).await.expect("insert");
    store.insert(&role(spec("designer", "Design", &["Figma"], "US"), None), &[]).await.expect("insert");
    let hits = store.search(&viewer_of(), &lexical_terms("data"), 10).await.expect("search");
    let slugs: Vec<&str> = hits.iter().map(|h| h.role.spec.slug.as_str()).collect();
    assert_eq!(slugs, ["data-engineer", "platform-engineer"]);
    assert!(hits[0].matched_fields.contains(&"title"));
    assert_eq!(hits[1].matched_fields, ["summary"]);
    let hits =
        store.search(&viewer_of(), &lexical_terms("50%_off"), 10).await.expect("LIKE wildcards are escaped");
    assert!(hits.is_empty());
}

async fn imports_are_idempotent(store: &SqlRoleStore) {
    let json =
        serde_json::to_vec(&vec![spec("backend-developer", "Technology", &["Go"], "BR")]).expect("json");
    let esco = "id,description\nhttp://data.europa.eu/esco/occupation/x1,\"software developer programmer Software developers implement software.\"\n";
    let records = || -> Vec<Record> {
        let mut r = parse_dataset(ImportFormat::RolesJson, &json).expect("roles");
        r.extend(parse_dataset(ImportFormat::EscoCsv, esco.as_bytes()).expect("esco"));
        r
    };
    let first = import(store, records(), Utc::now(), &no_events).await.expect("import");
    assert_eq!((first.created, first.updated), (2, 0));
    let second = import(store, records(), Utc::now(), &no_events).await.expect("import");
    assert_eq!((second.created, second.updated, second.unchanged), (0, 0, 2));
    let dev =
        store.get_by_slug(&viewer_of(), "software-developer").await.expect("get").expect("created from ESCO");
    assert_eq!(dev.spec.standard_ids.esco_uri, "http://data.europa.eu/esco/occupation/x1");
    assert_eq!(dev.spec.summary, "Software developers implement software.");
    let bad = parse_dataset(ImportFormat::EscoCsv, b"name,other\nx,y\n");
    assert!(matches!(bad, Err(StoreError::Dataset(m)) if m.contains("id")));
}

async fn events_commit_with_the_change(store: &SqlRoleStore) {
    use nexushr_events::outbox;
    let r = role(spec("evented", "Ops", &[], "US"), None);
    store.insert(&r, &[no_events(&r, true)]).await.expect("insert");
    let dup = role(spec("evented", "Ops", &[], "US"), None);
    assert!(store.insert(&dup, &[no_events(&dup, true)]).await.is_err());
    let mut stale = r.clone();
    stale.version = 9;
    assert!(store.replace(&stale, 8, &[no_events(&stale, false)]).await.is_err());
    store.delete(&r.id, 1, &[no_events(&r, false)]).await.expect("delete");
    let logged = outbox::fetch(store.pool(), 0, None, 100).await.expect("outbox");
    let ids: Vec<&str> = logged.iter().map(|s| s.event.envelope.aggregate_id.as_str()).collect();
    assert_eq!(ids, [r.id.as_str(), r.id.as_str()], "only committed changes leave events");
}

macro_rules! conformance {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $test() { let (store, _dir) = super::sqlite().await; super::$test(&store).await; })*
        }
        mod postgres {
            $(#[tokio::test] async fn $test() { let (store, _) = super::postgres().await; super::$test(&store).await; })*
        }
    };
}

conformance!(
    insert_and_get,
    slugs_are_unique_per_owner,
    tenants_are_isolated,
    pages_and_filters,
    replace_checks_the_version,
    delete_checks_the_version,
    search_ranks_title_first,
    imports_are_idempotent,
    events_commit_with_the_change,
);

#[tokio::test]
async fn sqlite_keeps_data_across_restarts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested/dir/catalog.db");
    let r = role(spec("keeper", "Ops", &[], "US"), None);
    {
        let store = SqlRoleStore::open_sqlite(&path).await.expect("open");
        store.insert(&r, &[]).await.expect("insert");
    }
    let store = SqlRoleStore::open_sqlite(&path).await.expect("reopen");
    assert_eq!(store.get_by_id(&viewer_of(), &r.id).await.expect("get"), Some(r));
}
