//! The role catalog as its own process (distributed mode).

use nexushr_platform::{Settings, grpc};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::load(
        std::env::var_os("NEXUSHR_CONFIG")
            .as_deref()
            .map(std::path::Path::new),
    )?;
    let _telemetry = nexushr_telemetry::init("role-catalog", settings.log_json)?;
    let store = nexushr_role_catalog::server::open_store(&settings).await?;
    let events = nexushr_role_catalog::server::publisher(&settings)?;
    let routes = nexushr_role_catalog::server::routes(store, events, &settings).await?;
    let routes = grpc::reflection_routes(routes)?;
    let listener = tokio::net::TcpListener::bind(settings.grpc_addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "role catalog serving gRPC");
    grpc::serve(listener, routes, grpc::shutdown_signal()).await?;
    Ok(())
}
