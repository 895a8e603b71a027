//! The HTTP gateway passes each caller's API key on to the service, which authenticates it: the
//! real role catalog served over gRPC with two tenants' keys, the real gateway in front of it,
//! both in process on free ports.

use std::sync::Arc;

use nexushr_catalog_store::SqlRoleStore;
use nexushr_platform::Settings;

#[path = "../support/stack.rs"]
#[allow(dead_code)] // the HTTP client only
mod stack;

const ACME: &str = "acme-key-00000000000";
const GLOBEX: &str = "globex-key-000000000";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_acts_as_the_caller_s_key_and_the_service_checks_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(SqlRoleStore::open_sqlite(&dir.path().join("db.sqlite")).await.expect("store"));
    nexushr_catalog_store::load_bundled_if_empty(store.as_ref()).await.expect("catalog");
    let settings = Settings { api_keys: format!("{ACME}=acme,{GLOBEX}=globex"), ..Settings::default() };
    let routes = nexushr_role_catalog::server::routes(store, None, &settings).await.expect("routes");
    let grpc = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let upstream = format!("http://{}", grpc.local_addr().expect("addr"));
    tokio::spawn(nexushr_platform::grpc::serve(grpc, routes, std::future::pending()));

    let gateway = nexushr_gateway::Gateway::new(
        nexushr_gateway::Upstreams::one(&upstream).expect("upstream"),
        settings.max_upload_bytes,
    );
    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let api = stack::Http::new(&http.local_addr().expect("addr").to_string());
    tokio::spawn(async move { axum::serve(http, nexushr_gateway::router(Arc::new(gateway))).await });

    // No key, or one the catalog does not know: 401 from the service's own check.
    for key in [None, Some("not-a-key-000000000000")] {
        let (status, body) = api.call_as(key, "GET", "/v1/roles", None).await;
        assert_eq!(status, 401, "{key:?}: {body}");
        assert_eq!(body["code"], "Unauthenticated", "{body}");
    }
    let (status, body) = api.call_as(Some(ACME), "GET", "/v1/roles", None).await;
    assert_eq!(status, 200, "{body}");

    // A private role created with ACME's key belongs to ACME: GLOBEX's key does not see it.
    let role = serde_json::json!({
        "slug": "acme-ledger-engineer",
        "title": "Ledger Engineer",
        "category": "Technology",
        "summary": "Keeps the ledger correct.",
    });
    let (status, created) = api.call_as(Some(ACME), "POST", "/v1/roles", Some(role)).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["tenant"], "acme", "{created}");
    let one = "/v1/roles/acme-ledger-engineer";
    let (status, _) = api.call_as(Some(ACME), "GET", one, None).await;
    assert_eq!(status, 200);
    let (status, body) = api.call_as(Some(GLOBEX), "GET", one, None).await;
    assert_eq!(status, 404, "another tenant's private role: {body}");
    // Nor can GLOBEX delete it.
    let (status, _) = api.call_as(Some(GLOBEX), "DELETE", one, None).await;
    assert_eq!(status, 404);
    let (status, _) = api.call_as(Some(ACME), "GET", one, None).await;
    assert_eq!(status, 200, "still there for ACME");
}
