//! One delivery attempt loop, shared by every subscriber: retry with backoff, then dead-letter.

use std::time::Duration;

use tracing::Instrument;

use crate::{Event, EventHandler, HandlerError};

/// How hard to try before a record goes to the dead-letter topic.
#[derive(Debug, Clone, Copy)]
pub struct DeliveryPolicy {
    /// Handler calls per record, the first included.
    pub max_attempts: u32,
    /// Wait before the second attempt; doubles after each failure.
    pub first_backoff: Duration,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        Self { max_attempts: 3, first_backoff: Duration::from_millis(100) }
    }
}

/// What became of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Handled {
        attempts: u32,
    },
    /// Give up on it: write it to the dead-letter topic with this error, then move on.
    DeadLetter {
        attempts: u32,
        error: String,
    },
}

/// Calls `handler` until it succeeds, fails permanently, or runs out of attempts.
pub async fn deliver(handler: &dyn EventHandler, event: &Event, policy: DeliveryPolicy) -> Outcome {
    let span = tracing::info_span!(
        "event.handle",
        otel.name = %format!("handle {}", event.topic),
        otel.kind = "consumer",
        event_id = %event.envelope.event_id,
        event_type = %event.envelope.event_type,
    );
    nexushr_telemetry::continue_trace(&span, &event.envelope.traceparent);
    attempt_all(handler, event, policy).instrument(span).await
}

async fn attempt_all(handler: &dyn EventHandler, event: &Event, policy: DeliveryPolicy) -> Outcome {
    let mut backoff = policy.first_backoff;
    let mut attempts = 0;
    loop {
        attempts += 1;
        match handler.handle(event).await {
            Ok(()) => return Outcome::Handled { attempts },
            Err(HandlerError::Permanent(error)) => return Outcome::DeadLetter { attempts, error },
            Err(HandlerError::Retryable(error)) if attempts >= policy.max_attempts => {
                return Outcome::DeadLetter { attempts, error };
            }
            Err(HandlerError::Retryable(error)) => {
                tracing::warn!(event_id = %event.envelope.event_id, attempts, %error, "handler failed, retrying");
                tokio::time::sleep(backoff).await;
                backoff *= 2;
            }
        }
    }
}

/// Headers a dead letter carries, saying where it came from and why it failed.
pub(crate) fn dead_letter_headers(
    source_topic: &str,
    error: &str,
    attempts: u32,
) -> std::collections::BTreeMap<String, String> {
    [
        ("dlq-source-topic".to_string(), source_topic.to_string()),
        ("dlq-error".to_string(), error.chars().take(1000).collect()),
        ("dlq-attempts".to_string(), attempts.to_string()),
    ]
    .into_iter()
    .collect()
}

/// Counts a dead letter once it is written (`nexushr_dead_letters_total`): a write that failed
/// and is retried is counted when it lands, once.
pub(crate) fn count_dead_letter(source_topic: &str) {
    nexushr_metrics::global()
        .counter(
            "nexushr_dead_letters_total",
            "Events a consumer of this process gave up on and wrote to a dead-letter topic, by source topic.",
            &[("topic", source_topic)],
        )
        .inc();
}
