//! The outbox relay: moves committed outbox rows to a publisher (Kafka) in log order and deletes
//! them once acknowledged. A crash between publish and delete re-publishes: consumers
//! de-duplicate by event id.

use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use tracing::Instrument;

use crate::{EventError, EventPublisher, outbox};

const BATCH: i64 = 500;

pub struct OutboxRelay {
    pool: AnyPool,
    publisher: Arc<dyn EventPublisher>,
    idle: Duration,
}

impl OutboxRelay {
    pub fn new(pool: AnyPool, publisher: Arc<dyn EventPublisher>) -> Self {
        Self { pool, publisher, idle: Duration::from_millis(100) }
    }

    /// Publishes one batch; returns how many rows it moved.
    pub async fn relay_once(&self) -> Result<usize, EventError> {
        let batch = outbox::fetch(&self.pool, 0, None, BATCH).await?;
        // Sends are queued in log order on first poll; the idempotent producer keeps that order
        // per partition, so the whole batch can be in flight at once.
        let sent = futures::future::join_all(batch.iter().map(|s| {
            let span = tracing::info_span!("outbox.publish", otel.name = %format!("publish {}", s.event.topic), otel.kind = "producer", event_id = %s.event.envelope.event_id);
            nexushr_telemetry::continue_trace(&span, &s.event.envelope.traceparent);
            self.publisher.publish(&s.event).instrument(span)
        }))
        .await;
        // Delete what was acknowledged, up to the first failure (what follows is re-sent, in
        // order, next round).
        let mut published = Vec::with_capacity(batch.len());
        let mut result = Ok(());
        for (stored, outcome) in batch.iter().zip(sent) {
            if let Err(e) = outcome {
                result = Err(e);
                break;
            }
            published.push(stored.seq);
        }
        outbox::delete(&self.pool, &published).await?;
        result.map(|()| batch.len())
    }

    /// Relays until `shutdown` turns true, backing off while the publisher fails.
    pub async fn run(&self, mut shutdown: tokio::sync::watch::Receiver<bool>) -> Result<(), EventError> {
        let mut backoff = Duration::from_millis(100);
        while !*shutdown.borrow() {
            let wait = match self.relay_once().await {
                Ok(0) => self.idle,
                Ok(_) => {
                    backoff = Duration::from_millis(100);
                    Duration::ZERO
                }
                Err(e) => {
                    tracing::warn!(error = %e, backoff_ms = backoff.as_millis() as u64, "outbox relay failed");
                    backoff = (backoff * 2).min(Duration::from_secs(10));
                    backoff
                }
            };
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => {}
            }
        }
        Ok(())
    }
}
