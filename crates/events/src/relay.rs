//! The outbox relay: moves committed outbox rows to a publisher (Kafka) in log order and deletes
//! them once acknowledged. A crash between publish and delete re-publishes: consumers
//! de-duplicate by event id.

use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use tracing::Instrument;

use crate::{EventError, EventPublisher, outbox};

const BATCH: i64 = 500;
/// Failed rounds in a row after which the relay asks its publisher for a fresh client.
const RESET_AFTER: u32 = 3;
/// How often the relay counts its backlog for `nexushr_outbox_backlog`.
const BACKLOG_EVERY: Duration = Duration::from_secs(5);

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
        let backlog = nexushr_metrics::global().gauge(
            "nexushr_outbox_backlog",
            "Events committed to this service's outbox and not yet published (sampled every 5 s).",
            &[],
        );
        let mut sampled = std::time::Instant::now() - BACKLOG_EVERY;
        let mut failed_rounds = 0u32;
        while !*shutdown.borrow() {
            if sampled.elapsed() >= BACKLOG_EVERY {
                sampled = std::time::Instant::now();
                if let Ok(n) = outbox::pending(&self.pool).await {
                    backlog.set(n);
                }
            }
            let outcome = self.relay_once().await;
            failed_rounds = if outcome.is_err() { failed_rounds + 1 } else { 0 };
            let wait = match outcome {
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
            // Rounds that keep failing start over with a fresh client (CI once saw a relay's
            // sends refused with "Unknown broker error" for minutes after a tansu restart).
            // Between rounds nothing is in flight, so the new client cannot overtake the old
            // one's sends.
            if failed_rounds > 0 && failed_rounds.is_multiple_of(RESET_AFTER) {
                self.publisher.reset();
            }
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => {}
            }
        }
        Ok(())
    }
}

/// Where a service's outbox goes.
#[derive(Debug, Clone, Default)]
pub struct OutboxTarget {
    /// Kafka bootstrap servers; `None`: the embedded in-process log.
    pub brokers: Option<String>,
    pub partitions: i32,
    pub replication: i32,
    /// One record per produce batch (tansu 0.6 needs it).
    pub one_record_per_batch: bool,
}

/// Outbox rows older than this are dropped in embedded mode even if no consumer read them.
const EMBEDDED_RETENTION_MS: i64 = 7 * 24 * 3600 * 1000;

/// Starts moving `pool`'s outbox to where events go. With Kafka: creates the topics through
/// the admin API (a broker without automatic topic creation works) and runs the relay.
/// Embedded: the outbox is the in-process log its consumers read; a janitor keeps it bounded.
pub async fn start(
    pool: sqlx::AnyPool,
    target: &OutboxTarget,
    shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<tokio::task::JoinHandle<()>, crate::EventError> {
    match target.brokers.as_deref().filter(|b| !b.is_empty()) {
        #[cfg(feature = "kafka")]
        Some(brokers) => {
            crate::kafka::ensure_topics(brokers, &crate::topics::ALL, target.partitions, target.replication)
                .await?;
            let publisher = if target.one_record_per_batch {
                crate::kafka::KafkaPublisher::new(brokers)?
            } else {
                crate::kafka::KafkaPublisher::batching(brokers)?
            };
            let relay = OutboxRelay::new(pool, Arc::new(publisher));
            Ok(tokio::spawn(async move {
                if let Err(e) = relay.run(shutdown).await {
                    tracing::error!(error = %e, "outbox relay stopped");
                }
            }))
        }
        #[cfg(not(feature = "kafka"))]
        Some(_) => Err(crate::EventError::NotBuilt("Kafka (NEXUSHR_KAFKA_BROKERS)")),
        None => Ok(tokio::spawn(async move {
            let mut shutdown = shutdown;
            while !*shutdown.borrow() {
                if let Err(e) = crate::outbox::compact(&pool, EMBEDDED_RETENTION_MS).await {
                    tracing::warn!(error = %e, "outbox compaction failed");
                }
                tokio::select! {
                    () = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
                    _ = shutdown.changed() => {}
                }
            }
        })),
    }
}
