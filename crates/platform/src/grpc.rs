//! Serving gRPC: health, reflection, trace context and graceful shutdown for every server.

use std::future::Future;

use tokio::net::TcpListener;
use tonic::service::Routes;
use tonic::transport::Server;

/// Reflection over every NexusHR API and gRPC health, in both reflection versions
/// (grpcurl and grpcio's reflection client still speak v1alpha).
pub fn reflection_routes(routes: Routes) -> Result<Routes, tonic_reflection::server::Error> {
    let v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(nexushr_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(nexushr_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;
    Ok(routes.add_service(v1).add_service(v1alpha))
}

/// Calls in flight per server before new ones are shed with `RESOURCE_EXHAUSTED`
/// (`NEXUSHR_MAX_IN_FLIGHT` sets it for the servers, through [`serve_with_limit`]).
pub const DEFAULT_MAX_IN_FLIGHT: usize = 512;

/// Serves `routes` on `listener` until `shutdown` resolves, then drains in-flight calls.
pub async fn serve(
    listener: TcpListener,
    routes: Routes,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), tonic::transport::Error> {
    serve_with_limit(listener, routes, shutdown, DEFAULT_MAX_IN_FLIGHT).await
}

/// [`serve`], shedding calls past `max_in_flight` at once (health checks excepted).
pub async fn serve_with_limit(
    listener: TcpListener,
    routes: Routes,
    shutdown: impl Future<Output = ()> + Send,
    max_in_flight: usize,
) -> Result<(), tonic::transport::Error> {
    use tokio_stream::StreamExt;
    // Without TCP_NODELAY a small response waits for the client's delayed ACK (about 40 ms on
    // Linux) before it leaves: every unary call would take at least that long.
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener).map(|conn| {
        conn.inspect(|stream| {
            if let Err(e) = stream.set_nodelay(true) {
                tracing::debug!(error = %e, "could not set TCP_NODELAY");
            }
        })
    });
    Server::builder()
        .trace_fn(nexushr_telemetry::grpc_server_span)
        // Outside the shedding, so a shed call is counted as RESOURCE_EXHAUSTED.
        .layer(crate::metrics::MetricsLayer::default())
        .layer(crate::shed::ShedLayer::new(max_in_flight))
        .add_routes(routes)
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown requested, draining in-flight calls");
}

/// Serves one service alone (a distributed-mode binary) on `settings.grpc_addr` until SIGINT or
/// SIGTERM: health reports `service` and the server SERVING, reflection is on, calls past
/// `settings.max_in_flight` are shed. Prints "`binary` listening on grpc://ADDR" for scripts.
pub async fn serve_alone(
    settings: &crate::Settings,
    binary: &str,
    service: &str,
    add: impl FnOnce(Routes) -> Routes,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (reporter, health) = tonic_health::server::health_reporter();
    reporter.set_service_status(service, tonic_health::ServingStatus::Serving).await;
    reporter.set_service_status("", tonic_health::ServingStatus::Serving).await;
    let routes = reflection_routes(add(Routes::new(health)))?;
    let listener = TcpListener::bind(settings.grpc_addr).await?;
    println!("{binary} listening on grpc://{}", listener.local_addr()?);
    if let Some(addr) = settings.metrics_addr {
        crate::metrics::serve_metrics(addr, binary, shutdown_signal()).await?;
    }
    serve_with_limit(listener, routes, shutdown_signal(), settings.max_in_flight).await?;
    Ok(())
}
