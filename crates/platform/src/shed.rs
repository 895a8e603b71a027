//! Load shedding: past `limit` calls in flight, a call is answered at once with
//! `RESOURCE_EXHAUSTED` instead of waiting in a queue that only makes every caller slower.
//! Health checks are never shed, so an overloaded server is not restarted for being busy.
//!
//! A shed call's request body is read (up to [`DRAIN_BYTES`], for at most [`DRAIN_TIME`])
//! before it is answered. Answering first would make the HTTP/2 server reset the stream, and
//! a burst of resets looks like a reset flood to h2, which then closes the whole connection:
//! every caller on it would see a transport error instead of RESOURCE_EXHAUSTED.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http_body_util::BodyExt;
use tokio::sync::Semaphore;
use tonic::Status;

/// The most of a shed call's body read before answering it; a larger body is cut off.
pub const DRAIN_BYTES: usize = 1 << 20;
/// The longest a shed call waits for its body before it is answered anyway.
pub const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(1);

/// The layer: one semaphore of `limit` permits shared by every connection of a server.
#[derive(Clone)]
pub struct ShedLayer {
    permits: Arc<Semaphore>,
}

impl ShedLayer {
    pub fn new(limit: usize) -> Self {
        Self { permits: Arc::new(Semaphore::new(limit.max(1))) }
    }
}

impl<S> tower_layer::Layer<S> for ShedLayer {
    type Service = Shed<S>;
    fn layer(&self, inner: S) -> Shed<S> {
        Shed { inner, permits: self.permits.clone() }
    }
}

#[derive(Clone)]
pub struct Shed<S> {
    inner: S,
    permits: Arc<Semaphore>,
}

type Body = tonic::body::Body;

impl<S, B> tower_service::Service<http::Request<B>> for Shed<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<Body>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Send,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        if req.uri().path().starts_with("/grpc.health.v1.Health/") {
            return Box::pin(self.inner.call(req));
        }
        match self.permits.clone().try_acquire_owned() {
            Ok(permit) => {
                let call = self.inner.call(req);
                Box::pin(async move {
                    let response = call.await;
                    drop(permit);
                    response
                })
            }
            Err(_) => Box::pin(async move {
                let _ = tokio::time::timeout(DRAIN_TIME, drain(req.into_body())).await;
                Ok(Status::resource_exhausted("the server is at capacity; retry with backoff")
                    .into_http::<Body>())
            }),
        }
    }
}

/// Reads and drops a body to its end or until [`DRAIN_BYTES`] have been read.
async fn drain<B: http_body::Body>(body: B) {
    let mut body = std::pin::pin!(body);
    let mut read = 0usize;
    while let Some(Ok(frame)) = body.frame().await {
        if let Some(data) = frame.data_ref() {
            read += bytes::Buf::remaining(data);
            if read > DRAIN_BYTES {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tower_layer::Layer;
    use tower_service::Service;

    use super::*;

    /// A handler that takes 200 ms.
    #[derive(Clone)]
    struct Slow;

    type TestBody = http_body_util::Full<bytes::Bytes>;

    impl Service<http::Request<TestBody>> for Slow {
        type Response = http::Response<Body>;
        type Error = std::convert::Infallible;
        type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;
        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
            Poll::Ready(Ok(()))
        }
        fn call(&mut self, _: http::Request<TestBody>) -> Self::Future {
            Box::pin(async {
                tokio::time::sleep(Duration::from_millis(200)).await;
                Ok(http::Response::new(Body::empty()))
            })
        }
    }

    fn grpc_status(r: &http::Response<Body>) -> Option<String> {
        r.headers().get("grpc-status").and_then(|v| v.to_str().ok()).map(str::to_string)
    }

    #[tokio::test]
    async fn calls_past_the_limit_are_shed_at_once_and_health_never() {
        let layer = ShedLayer::new(2);
        let mut svc = layer.layer(Slow);
        let mut call = |path: &str| {
            svc.call(http::Request::builder().uri(path).body(TestBody::default()).expect("request"))
        };
        let first = call("/nexushr.questions.v1.QuestionGeneration/Generate");
        let second = call("/nexushr.questions.v1.QuestionGeneration/Generate");
        let started = std::time::Instant::now();
        let third = call("/nexushr.questions.v1.QuestionGeneration/Generate").await.expect("shed");
        assert!(started.elapsed() < Duration::from_millis(50), "shed without waiting");
        assert_eq!(grpc_status(&third).as_deref(), Some("8"), "RESOURCE_EXHAUSTED");
        let health = call("/grpc.health.v1.Health/Check").await.expect("health");
        assert_eq!(grpc_status(&health), None);
        for r in [first.await.expect("first"), second.await.expect("second")] {
            assert_eq!(grpc_status(&r), None);
        }
        // Permits come back when calls finish.
        let again = call("/nexushr.questions.v1.QuestionGeneration/Generate").await.expect("again");
        assert_eq!(grpc_status(&again), None);
    }
}
