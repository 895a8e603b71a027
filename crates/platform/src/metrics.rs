//! Prometheus metrics of a server: every gRPC call counted by method and status code with a
//! latency histogram per method ([`MetricsLayer`], installed by [`crate::grpc::serve_with_limit`]),
//! and the process registry ([`nexushr_metrics::global`]: consumer lag, dead letters, outbox
//! backlog, preparations in flight) served on its own port ([`serve_metrics`]).
//!
//! A call's code is read from its response headers: an error answered before any message
//! (every unary error, and a shed call) carries `grpc-status` there. A streaming call that
//! fails after its first message reports the error in trailers and is counted as `OK`.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::task::{Context, Poll};
use std::time::Instant;

use tokio::net::TcpListener;

/// Distinct call paths given their own series; any further path (a client probing made-up
/// methods) is counted as `other`, so the number of series stays bounded.
const MAX_METHODS: usize = 256;

/// The layer: counts and times every call of the server it wraps.
#[derive(Clone, Default)]
pub struct MetricsLayer {
    methods: Methods,
}

/// Each call path's series, made on its first call; a call looks its path up once.
type Methods = Arc<Mutex<HashMap<String, Arc<Method>>>>;

/// One method's series: its latency histogram and a counter per status code, each registered
/// on first use.
struct Method {
    service: String,
    method: String,
    latency: Arc<nexushr_metrics::Histogram>,
    calls: [OnceLock<Arc<nexushr_metrics::Counter>>; 17],
}

impl Method {
    fn new(service: &str, method: &str) -> Self {
        let latency = nexushr_metrics::global().histogram(
            "nexushr_grpc_request_duration_seconds",
            "gRPC call latency in seconds (until the response headers), by service and method.",
            &[("service", service), ("method", method)],
        );
        Self {
            service: service.to_string(),
            method: method.to_string(),
            latency,
            calls: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// Counts one call with status `code` (0-16) and times it.
    fn record(&self, code: usize, seconds: f64) {
        self.latency.observe(seconds);
        self.calls[code]
            .get_or_init(|| {
                nexushr_metrics::global().counter(
                    "nexushr_grpc_requests_total",
                    "gRPC calls handled, by service, method and status code.",
                    &[("service", &self.service), ("method", &self.method), ("code", CODES[code])],
                )
            })
            .inc();
    }
}

/// The series of call path `path`: `/package.Service/Method`, or `other` for a malformed path
/// or one past [`MAX_METHODS`].
fn method_of(methods: &Methods, path: &str) -> Arc<Method> {
    let mut known = methods.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(m) = known.get(path) {
        return Arc::clone(m);
    }
    let named = match path.trim_start_matches('/').split_once('/') {
        Some((s, m))
            if known.len() < MAX_METHODS
                && path.len() <= 120
                && !s.is_empty()
                && !m.is_empty()
                && !m.contains('/') =>
        {
            Some((path, s, m))
        }
        _ => None,
    };
    let (key, service, method) = named.unwrap_or(("other", "other", "other"));
    Arc::clone(known.entry(key.to_string()).or_insert_with(|| Arc::new(Method::new(service, method))))
}

impl<S> tower_layer::Layer<S> for MetricsLayer {
    type Service = Measured<S>;
    fn layer(&self, inner: S) -> Measured<S> {
        Measured { inner, methods: self.methods.clone() }
    }
}

#[derive(Clone)]
pub struct Measured<S> {
    inner: S,
    methods: Methods,
}

impl<S, B, R> tower_service::Service<http::Request<B>> for Measured<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let method = method_of(&self.methods, req.uri().path());
        let started = Instant::now();
        let call = self.inner.call(req);
        Box::pin(async move {
            let response = call.await;
            let code = match &response {
                Ok(r) => r
                    .headers()
                    .get("grpc-status")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<i32>().ok())
                    .map_or(0, |c| usize::try_from(c).ok().filter(|c| *c < CODES.len()).unwrap_or(UNKNOWN)),
                Err(_) => UNAVAILABLE,
            };
            method.record(code, started.elapsed().as_secs_f64());
            response
        })
    }
}

/// The canonical names of the gRPC status codes, by number.
const CODES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];
const UNKNOWN: usize = 2;
const UNAVAILABLE: usize = 14;

/// The process registry in the text exposition format.
pub fn render() -> String {
    nexushr_metrics::global().render()
}

/// Serves `GET /metrics` on `addr` until `shutdown` resolves; returns the bound address at once
/// (port 0 picks a free one). Prints "`binary` metrics on http://ADDR/metrics" for scripts.
pub async fn serve_metrics(
    addr: SocketAddr,
    binary: &str,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    println!("{binary} metrics on http://{bound}/metrics");
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(|| async {
            ([(http::header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], render())
        }),
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
            tracing::warn!(error = %e, "metrics server stopped");
        }
    });
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use tower_layer::Layer;
    use tower_service::Service;

    use super::*;

    #[derive(Clone)]
    struct Answer(Option<&'static str>);

    impl Service<http::Request<()>> for Answer {
        type Response = http::Response<()>;
        type Error = std::convert::Infallible;
        type Future = std::future::Ready<Result<Self::Response, Self::Error>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
            Poll::Ready(Ok(()))
        }
        fn call(&mut self, _: http::Request<()>) -> Self::Future {
            let mut r = http::Response::new(());
            if let Some(code) = self.0 {
                r.headers_mut().insert("grpc-status", http::HeaderValue::from_static(code));
            }
            std::future::ready(Ok(r))
        }
    }

    #[tokio::test]
    async fn calls_are_counted_by_method_and_code_and_timed() {
        let layer = MetricsLayer::default();
        let call = |code, path: &str| {
            let mut svc = layer.layer(Answer(code));
            svc.call(http::Request::builder().uri(path).body(()).expect("request"))
        };
        call(None, "/nexushr.test.v1.Probe/Ok").await.expect("ok");
        call(None, "/nexushr.test.v1.Probe/Ok").await.expect("ok");
        call(Some("5"), "/nexushr.test.v1.Probe/Missing").await.expect("not found");
        let text = render();
        assert!(
            text.contains(
                "nexushr_grpc_requests_total{service=\"nexushr.test.v1.Probe\",method=\"Ok\",code=\"OK\"} 2\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "nexushr_grpc_requests_total{service=\"nexushr.test.v1.Probe\",method=\"Missing\",code=\"NOT_FOUND\"} 1\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "nexushr_grpc_request_duration_seconds_count{service=\"nexushr.test.v1.Probe\",method=\"Ok\"} 2\n"
            ),
            "{text}"
        );
    }

    #[tokio::test]
    async fn the_metrics_port_serves_the_registry() {
        nexushr_metrics::global().gauge("nexushr_test_gauge", "A test gauge.", &[]).set(42);
        let (_stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let addr = serve_metrics("127.0.0.1:0".parse().expect("addr"), "test", async {
            let _ = stopped.await;
        })
        .await
        .expect("bind");
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        stream
            .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .expect("write");
        let mut body = String::new();
        stream.read_to_string(&mut body).await.expect("read");
        assert!(body.starts_with("HTTP/1.1 200"), "{body}");
        assert!(body.contains("nexushr_test_gauge 42"), "{body}");
    }
}
