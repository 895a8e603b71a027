//! The in-process event bus of the embedded mode.

use tokio::sync::broadcast;

use crate::{Event, EventError, EventPublisher};

/// Fans events out to every subscriber in the process. Subscribers that fall more than
/// `capacity` events behind miss the oldest ones (and are told so by `broadcast`'s `Lagged`).
#[derive(Debug, Clone)]
pub struct InProcessBus {
    tx: broadcast::Sender<Event>,
}

impl InProcessBus {
    pub fn new(capacity: usize) -> Self {
        let (tx, _) = broadcast::channel(capacity.max(1));
        Self { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}

impl Default for InProcessBus {
    fn default() -> Self {
        Self::new(1024)
    }
}

#[async_trait::async_trait]
impl EventPublisher for InProcessBus {
    async fn publish(&self, event: Event) -> Result<(), EventError> {
        tracing::debug!(topic = event.topic, event_type = %event.envelope.event_type, "publishing event");
        // No subscriber is not an error: the embedded mode may run without consumers.
        let _ = self.tx.send(event);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topics;
    use nexushr_proto::events::v1::{ChangeKind, RoleChanged};

    #[tokio::test]
    async fn subscribers_receive_typed_payloads() {
        let bus = InProcessBus::default();
        let mut rx = bus.subscribe();
        let payload = RoleChanged {
            role_id: "r1".into(),
            slug: "backend-developer".into(),
            change: ChangeKind::Created as i32,
            version: 1,
            owner_tenant_id: String::new(),
        };
        let event = Event::new(
            topics::ROLES,
            "t1",
            "r1",
            &payload,
            None,
            chrono::Utc::now(),
        );
        bus.publish(event.clone()).await.expect("publish");
        let got = rx.recv().await.expect("event");
        assert_eq!(got.envelope.event_type, "nexushr.events.v1.RoleChanged");
        assert_eq!(
            got.payload::<RoleChanged>().expect("decodes"),
            Some(payload)
        );
    }
}
