//! `gateway`: the HTTP/JSON gateway and dashboard on their own (distributed mode), a gRPC client of
//! role catalog, resume ingestion and question generation.

use anyhow::Context;

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

/// The address setting `value` of the service `env` names, which the gateway cannot start without.
fn address(value: Option<&String>, env: &str) -> anyhow::Result<String> {
    value
        .filter(|v| !v.trim().is_empty())
        .cloned()
        .with_context(|| format!("{env} is not set: the gateway needs that service's gRPC address (http://host:port, comma-separated for replicas)"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = nexushr_platform::Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("gateway", settings.log_json)?;
    let upstreams = nexushr_gateway::Upstreams::connect(
        &address(settings.role_catalog_url.as_ref(), "NEXUSHR_ROLE_CATALOG_URL")?,
        &address(settings.resume_ingestion_url.as_ref(), "NEXUSHR_RESUME_INGESTION_URL")?,
        &address(settings.question_generation_url.as_ref(), "NEXUSHR_QUESTION_GENERATION_URL")?,
    )?;
    let gateway = std::sync::Arc::new(nexushr_gateway::Gateway::new(upstreams, settings.max_upload_bytes));
    let http = tokio::net::TcpListener::bind(settings.http_addr)
        .await
        .with_context(|| format!("bind {}", settings.http_addr))?;
    // Scripts and tests read this line. `/metrics` is on this port for the dashboard, and on
    // NEXUSHR_METRICS_ADDR for Prometheus, as for every service.
    println!("gateway http on http://{}", http.local_addr()?);
    if let Some(addr) = settings.metrics_addr {
        nexushr_platform::metrics::serve_metrics(addr, "gateway", nexushr_platform::grpc::shutdown_signal())
            .await?;
    }
    axum::serve(http, nexushr_gateway::router(gateway))
        .with_graceful_shutdown(nexushr_platform::grpc::shutdown_signal())
        .await?;
    Ok(())
}
