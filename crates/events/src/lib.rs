//! Events between services: the envelope, topics, and the publisher/subscriber interface.
//!
//! The in-process bus serves the embedded mode; the Kafka implementation arrives with the
//! event-backbone work and implements the same [`EventPublisher`] trait.

mod bus;

pub use bus::InProcessBus;

use chrono::{DateTime, Utc};
use nexushr_proto::events::v1::EventEnvelope;
use prost::Message;

/// A message that travels as an event payload, with its fully qualified type name.
pub trait EventPayload: Message + Default {
    const TYPE: &'static str;
}

macro_rules! payloads {
    ($($t:ident),*) => {$(
        impl EventPayload for nexushr_proto::events::v1::$t {
            const TYPE: &'static str = concat!("nexushr.events.v1.", stringify!($t));
        }
    )*};
}
payloads!(RoleChanged, ResumeParsed, ResumeErased, KitGenerated);

/// Topics, one per aggregate kind; a dead-letter topic is `<topic>.dlq`.
pub mod topics {
    pub const ROLES: &str = "nexushr.roles.v1";
    pub const RESUMES: &str = "nexushr.resumes.v1";
    pub const QUESTION_SETS: &str = "nexushr.question-sets.v1";
}

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("publishing to {topic} failed: {reason}")]
    Publish { topic: String, reason: String },
    #[error("payload of {event_type} does not decode: {source}")]
    Decode {
        event_type: String,
        source: prost::DecodeError,
    },
}

/// An event on its way to a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub topic: &'static str,
    pub envelope: EventEnvelope,
}

impl Event {
    /// Wraps a payload in an envelope with a fresh event id.
    pub fn new<M: EventPayload>(
        topic: &'static str,
        tenant_id: &str,
        aggregate_id: &str,
        payload: &M,
        traceparent: Option<String>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            topic,
            envelope: EventEnvelope {
                event_id: uuid::Uuid::now_v7().to_string(),
                event_type: M::TYPE.to_string(),
                tenant_id: tenant_id.to_string(),
                occurred_at: Some(prost_types::Timestamp {
                    seconds: now.timestamp(),
                    nanos: now.timestamp_subsec_nanos() as i32,
                }),
                schema_version: SCHEMA_VERSION,
                aggregate_id: aggregate_id.to_string(),
                traceparent: traceparent.unwrap_or_default(),
                payload: payload.encode_to_vec(),
            },
        }
    }

    /// Decodes the payload as `M`, checking the envelope's type first.
    pub fn payload<M: EventPayload>(&self) -> Result<Option<M>, EventError> {
        if self.envelope.event_type != M::TYPE {
            return Ok(None);
        }
        M::decode(self.envelope.payload.as_slice())
            .map(Some)
            .map_err(|source| EventError::Decode {
                event_type: self.envelope.event_type.clone(),
                source,
            })
    }
}

/// Where services send events after their state change is stored.
#[async_trait::async_trait]
pub trait EventPublisher: Send + Sync + 'static {
    async fn publish(&self, event: Event) -> Result<(), EventError>;
}
