//! A consumer and a relay to kill: the fault tests run these as separate processes and send
//! them SIGKILL at random moments.
//!
//!   nexushr-events-fault-consumer consume BROKERS TOPIC GROUP DATABASE_URL
//!   nexushr-events-fault-consumer relay BROKERS DATABASE_URL
//!
//! The handler's side effect adds the event's `RoleChanged.version` to `fault_totals` in the same
//! transaction that claims the event id, and logs every delivery to `fault_deliveries` outside
//! it, so a test can tell redeliveries (expected) from repeated side effects (forbidden).

use std::sync::Arc;

use anyhow::Context;
use nexushr_events::kafka::{KafkaPublisher, KafkaSubscriber};
use nexushr_events::relay::OutboxRelay;
use nexushr_events::{Event, EventHandler, EventSubscriber, HandlerError, outbox};
use nexushr_proto::events::v1::RoleChanged;
use sqlx::AnyPool;

struct SideEffect {
    pool: AnyPool,
}

#[async_trait::async_trait]
impl EventHandler for SideEffect {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        let retry = |e: sqlx::Error| HandlerError::Retryable(e.to_string());
        let change = event
            .payload::<RoleChanged>()
            .map_err(|e| HandlerError::Permanent(e.to_string()))?
            .ok_or_else(|| HandlerError::Permanent(format!("unexpected {}", event.envelope.event_type)))?;
        if change.slug == "poison" {
            return Err(HandlerError::Retryable("this record always fails".into()));
        }
        sqlx::query("INSERT INTO fault_deliveries (event_id) VALUES ($1)")
            .bind(event.envelope.event_id.clone())
            .execute(&self.pool)
            .await
            .map_err(retry)?;
        let mut tx = self.pool.begin().await.map_err(retry)?;
        if outbox::claim(&mut tx, "fault-test", &event.envelope.event_id).await.map_err(retry)? {
            sqlx::query("UPDATE fault_totals SET total = total + $1, applied = applied + 1")
                .bind(change.version)
                .execute(&mut *tx)
                .await
                .map_err(retry)?;
        }
        tx.commit().await.map_err(retry)
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    sqlx::any::install_default_drivers();
    // Warnings (a failed publish, a broker gone, librdkafka's own) go to stderr, which the
    // fault tests keep and print when a run fails.
    let _telemetry = nexushr_telemetry::init("nexushr-events-fault", false)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (_tx, shutdown) = tokio::sync::watch::channel(false);
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["consume", brokers, topic, group, url] => {
            let pool = AnyPool::connect(url).await.context("database")?;
            let subscriber = KafkaSubscriber::new(brokers)?;
            let handler = Arc::new(SideEffect { pool });
            subscriber.run(group, &[topic], handler, shutdown).await?;
        }
        ["relay", brokers, url] => {
            let pool = AnyPool::connect(url).await.context("database")?;
            let relay = OutboxRelay::new(pool, Arc::new(KafkaPublisher::new(brokers)?));
            relay.run(shutdown).await?;
        }
        _ => anyhow::bail!("usage: consume BROKERS TOPIC GROUP DATABASE_URL | relay BROKERS DATABASE_URL"),
    }
    Ok(())
}
