//! Logs and traces for every NexusHR process.
//!
//! - `tracing` logs to stderr, as text or JSON (`NEXUSHR_LOG_FORMAT=json` or `init(.., json)`),
//!   filtered by `RUST_LOG` (default `info`).
//! - OpenTelemetry spans, exported over OTLP/gRPC when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
//! - W3C trace context (`traceparent`) read from incoming gRPC metadata and written to outgoing
//!   metadata and event envelopes, so one trace follows a request across every hop.

use std::collections::HashMap;

use opentelemetry::propagation::{Extractor, Injector};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{SdkTracerProvider, SpanExporter};
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    #[error("OTLP exporter: {0}")]
    Exporter(String),
    #[error("a global subscriber is already installed")]
    AlreadyInstalled,
}

/// Flushes and shuts down the tracer provider when dropped.
#[derive(Debug)]
pub struct TelemetryGuard {
    provider: SdkTracerProvider,
}

impl TelemetryGuard {
    /// Exports every finished span now.
    pub fn flush(&self) {
        let _ = self.provider.force_flush();
    }
}

impl Drop for TelemetryGuard {
    fn drop(&mut self) {
        let _ = self.provider.shutdown();
    }
}

/// Builds a tracer provider: OTLP when configured, else spans live only in-process
/// (still giving trace ids for propagation).
fn provider(service: &str, exporter: Option<impl SpanExporter + 'static>) -> SdkTracerProvider {
    let resource = opentelemetry_sdk::Resource::builder().with_service_name(service.to_string()).build();
    let builder = SdkTracerProvider::builder().with_resource(resource);
    match exporter {
        Some(e) => builder.with_batch_exporter(e).build(),
        None => builder.build(),
    }
}

/// Installs the global subscriber and propagator for a process named `service`.
pub fn init(service: &str, json: bool) -> Result<TelemetryGuard, TelemetryError> {
    let exporter = match std::env::var("OTEL_EXPORTER_OTLP_ENDPOINT") {
        Ok(endpoint) if !endpoint.is_empty() => Some(
            opentelemetry_otlp::SpanExporter::builder()
                .with_tonic()
                .build()
                .map_err(|e| TelemetryError::Exporter(e.to_string()))?,
        ),
        _ => None,
    };
    let json = json || std::env::var("NEXUSHR_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    install(service, exporter, json)
}

/// Like [`init`] with a given exporter, e.g. an in-memory one in tests.
pub fn install(
    service: &str,
    exporter: Option<impl SpanExporter + 'static>,
    json: bool,
) -> Result<TelemetryGuard, TelemetryError> {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let provider = provider(service, exporter);
    let otel = tracing_opentelemetry::layer().with_tracer(provider.tracer(service.to_string()));
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = if json {
        tracing_subscriber::fmt::layer().json().with_writer(std::io::stderr).boxed()
    } else {
        tracing_subscriber::fmt::layer().with_writer(std::io::stderr).boxed()
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()
        .map_err(|_| TelemetryError::AlreadyInstalled)?;
    opentelemetry::global::set_tracer_provider(provider.clone());
    Ok(TelemetryGuard { provider })
}

struct HeaderExtractor<'a>(&'a http::HeaderMap);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }
    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

struct MetadataInjector<'a>(&'a mut tonic::metadata::MetadataMap);

impl Injector for MetadataInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(k), Ok(v)) = (
            tonic::metadata::MetadataKey::from_bytes(key.as_bytes()),
            tonic::metadata::MetadataValue::try_from(value.as_str()),
        ) {
            self.0.insert(k, v);
        }
    }
}

/// The span of one incoming gRPC call, a child of the caller's trace when it sent `traceparent`.
/// Use as tonic's `Server::trace_fn`.
pub fn grpc_server_span(req: &http::Request<()>) -> tracing::Span {
    let parent =
        opentelemetry::global::get_text_map_propagator(|p| p.extract(&HeaderExtractor(req.headers())));
    let span = tracing::info_span!(
        "grpc.request",
        otel.name = %req.uri().path(),
        otel.kind = "server",
        rpc.system = "grpc",
        rpc.method = %req.uri().path(),
    );
    let _ = span.set_parent(parent);
    span
}

/// Makes `span` a child of the trace named by a W3C `traceparent` (no-op when empty or invalid):
/// how an event's handling joins the trace of the request that caused it.
pub fn continue_trace(span: &tracing::Span, traceparent: &str) {
    if traceparent.is_empty() {
        return;
    }
    let carrier: HashMap<String, String> = [("traceparent".to_string(), traceparent.to_string())].into();
    let parent = opentelemetry::global::get_text_map_propagator(|p| p.extract(&carrier));
    let _ = span.set_parent(parent);
}

/// Writes the current span's trace context into outgoing gRPC metadata.
pub fn inject_grpc_metadata(metadata: &mut tonic::metadata::MetadataMap) {
    let cx = tracing::Span::current().context();
    opentelemetry::global::get_text_map_propagator(|p| {
        p.inject_context(&cx, &mut MetadataInjector(metadata))
    });
}

/// The current span's W3C `traceparent`, for event envelopes and Kafka headers.
pub fn current_traceparent() -> Option<String> {
    let cx = tracing::Span::current().context();
    let mut carrier: HashMap<String, String> = HashMap::new();
    opentelemetry::global::get_text_map_propagator(|p| p.inject_context(&cx, &mut carrier));
    carrier.remove("traceparent")
}

/// A tonic client interceptor that propagates the current trace.
pub fn propagate_trace(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    inject_grpc_metadata(req.metadata_mut());
    Ok(req)
}
