//! The embedded mode's bus: the outbox table is the log, and in-process consumer groups read it
//! from their stored offsets. A crash anywhere loses nothing: an event is in the log from the
//! moment its transaction commits until every group has passed it.

use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use tokio::sync::Notify;

use crate::deliver::{count_dead_letter, dead_letter_headers};
use crate::{
    DeliveryPolicy, Event, EventError, EventHandler, EventPublisher, EventSubscriber, Outcome,
    PRECOMPUTE_RUN, deliver, outbox, topics,
};

const BATCH: i64 = 256;
/// How often consumers look at the log when nothing woke them (another process may write it).
const POLL: Duration = Duration::from_millis(200);
/// Rows older than this are dropped even if some group never read them.
const RETENTION_MS: i64 = 7 * 24 * 3600 * 1000;

#[derive(Debug, Clone)]
pub struct InProcessBus {
    pool: AnyPool,
    wake: Arc<Notify>,
    policy: DeliveryPolicy,
}

impl InProcessBus {
    /// A bus on the outbox of `pool` (migrated with [`crate::migrate`]).
    pub fn new(pool: AnyPool) -> Self {
        Self { pool, wake: Arc::new(Notify::new()), policy: DeliveryPolicy::default() }
    }

    pub fn with_policy(mut self, policy: DeliveryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Wakes consumers after a transaction enqueued events.
    pub fn notify(&self) {
        self.wake.notify_waiters();
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

#[async_trait::async_trait]
impl EventPublisher for InProcessBus {
    async fn publish(&self, event: &Event) -> Result<(), EventError> {
        outbox::insert(&self.pool, event, &Default::default()).await?;
        self.notify();
        Ok(())
    }
}

#[async_trait::async_trait]
impl EventSubscriber for InProcessBus {
    async fn run(
        &self,
        group: &str,
        topics: &[&str],
        handler: Arc<dyn EventHandler>,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), EventError> {
        let mut position = outbox::offset(&self.pool, group).await?;
        // Registering the group keeps compaction from dropping what it has not read.
        outbox::commit(&self.pool, group, position).await?;
        while !*shutdown.borrow() {
            let batch = outbox::fetch(&self.pool, position, Some(topics), BATCH).await?;
            for (n, stored) in batch.iter().enumerate() {
                if n % PRECOMPUTE_RUN == 0 {
                    let run: Vec<&Event> = batch[n..].iter().take(PRECOMPUTE_RUN).map(|s| &s.event).collect();
                    handler.precompute(&run).await;
                }
                if let Outcome::DeadLetter { attempts, error } =
                    deliver(handler.as_ref(), &stored.event, self.policy).await
                {
                    tracing::error!(event_id = %stored.event.envelope.event_id, %error, "dead-lettering event");
                    let dead = Event {
                        topic: topics::dead_letter(&stored.event.topic),
                        envelope: stored.event.envelope.clone(),
                    };
                    outbox::insert(
                        &self.pool,
                        &dead,
                        &dead_letter_headers(&stored.event.topic, &error, attempts),
                    )
                    .await?;
                    count_dead_letter(&stored.event.topic);
                }
                position = stored.seq;
            }
            // One offset write per batch: a crash redelivers at most one batch, never skips.
            if let Some(last) = batch.last() {
                outbox::commit(&self.pool, group, last.seq).await?;
            }
            if batch.is_empty() {
                outbox::compact(&self.pool, RETENTION_MS).await?;
                tokio::select! {
                    () = self.wake.notified() => {}
                    () = tokio::time::sleep(POLL) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        Ok(())
    }
}
