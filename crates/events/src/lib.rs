//! Events between services, delivered at least once and applied once.
//!
//! - Producers write an [`Event`] into the transactional [`outbox`] in the same database
//!   transaction as the state it describes.
//! - Distributed mode: the [`relay::OutboxRelay`] moves outbox rows to Kafka
//!   ([`kafka::KafkaPublisher`], idempotent, `acks=all`) and deletes them once acknowledged;
//!   [`kafka::KafkaSubscriber`] consumes with manual offset commits.
//! - Embedded mode: the outbox is the log; [`InProcessBus`] consumers read it with their own
//!   stored offsets, so a crash between commit and delivery loses nothing.
//!
//! Both subscribers share [`deliver`]: retries with backoff, then a dead-letter record carrying
//! the error, so a poison record never blocks its partition. Handlers stay idempotent through
//! [`outbox::claim`], which records the event id in the handler's own transaction.

mod bus;
mod deliver;
#[cfg(feature = "kafka")]
pub mod kafka;
pub mod outbox;
pub mod relay;

pub use bus::InProcessBus;
pub use deliver::{DeliveryPolicy, Outcome, deliver};

use chrono::{DateTime, Utc};
use nexushr_proto::events::v1::EventEnvelope;
use prost::Message;

/// Topics, one per aggregate kind; the dead-letter topic of `t` is `t.dlq`.
pub mod topics {
    pub const ROLES: &str = "nexushr.roles.v1";
    pub const RESUMES: &str = "nexushr.resumes.v1";
    pub const QUESTION_SETS: &str = "nexushr.question-sets.v1";
    pub const ALL: [&str; 3] = [ROLES, RESUMES, QUESTION_SETS];

    /// Whether `topic` is a log of state that consumers rebuild from the start (question
    /// generation's copy of the catalog): it is created compacted, so the broker keeps the last
    /// change of every role instead of dropping changes older than its retention.
    pub fn compacted(topic: &str) -> bool {
        topic == ROLES
    }

    pub fn dead_letter(topic: &str) -> String {
        format!("{topic}.dlq")
    }
}

pub const SCHEMA_VERSION: u32 = 1;

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

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("publishing to {topic} failed: {reason}")]
    Publish { topic: String, reason: String },
    #[error("consuming failed: {0}")]
    Consume(String),
    #[error("payload of {event_type} does not decode: {source}")]
    Decode { event_type: String, source: prost::DecodeError },
    #[error("event store: {0}")]
    Database(#[from] sqlx::Error),
    #[error("event store migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[cfg(feature = "kafka")]
    #[error("kafka: {0}")]
    Kafka(#[from] rdkafka::error::KafkaError),
    #[error("{0} was configured, but this binary is built without it (build with the `distributed` feature)")]
    NotBuilt(&'static str),
}

/// An event on its way to (or back from) a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub topic: String,
    pub envelope: EventEnvelope,
}

impl Event {
    /// Wraps a payload in an envelope with a fresh event id.
    pub fn new<M: EventPayload>(
        topic: &str,
        tenant_id: &str,
        aggregate_id: &str,
        payload: &M,
        traceparent: Option<String>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            topic: topic.to_string(),
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

    /// Decodes the payload as `M`; `None` when the envelope holds another type.
    pub fn payload<M: EventPayload>(&self) -> Result<Option<M>, EventError> {
        if self.envelope.event_type != M::TYPE {
            return Ok(None);
        }
        M::decode(self.envelope.payload.as_slice())
            .map(Some)
            .map_err(|source| EventError::Decode { event_type: self.envelope.event_type.clone(), source })
    }

    /// Decodes a record's value as an envelope.
    pub fn decode(topic: &str, bytes: &[u8]) -> Result<Self, EventError> {
        let envelope = EventEnvelope::decode(bytes).map_err(|source| EventError::Decode {
            event_type: "nexushr.events.v1.EventEnvelope".into(),
            source,
        })?;
        if envelope.event_id.is_empty() || envelope.event_type.is_empty() {
            return Err(EventError::Consume("envelope without event_id or event_type".into()));
        }
        Ok(Self { topic: topic.to_string(), envelope })
    }
}

/// Sends events to their topics.
#[async_trait::async_trait]
pub trait EventPublisher: Send + Sync + 'static {
    async fn publish(&self, event: &Event) -> Result<(), EventError>;

    /// Starts over with a fresh client, called between rounds (nothing in flight) after sends
    /// kept failing: a client wedged by a broker restart gets a new connection and producer
    /// identity. Nothing is lost: what failed is sent again by its caller.
    fn reset(&self) {}
}

/// Why a handler did not apply an event.
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    /// Worth another try (a database hiccup, a timeout).
    #[error("retryable: {0}")]
    Retryable(String),
    /// Will never succeed (the event is wrong for this consumer): dead-letter it at once.
    #[error("permanent: {0}")]
    Permanent(String),
}

/// Applies events. Must be idempotent: the same event may arrive more than once.
#[async_trait::async_trait]
pub trait EventHandler: Send + Sync + 'static {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError>;

    /// Called with a run of up to [`PRECOMPUTE_RUN`] records before they are handled one by one,
    /// in order: the work several of them need is done once for all (question generation embeds
    /// the resumes of a run in one batch). It has no effects: `handle` still applies each record,
    /// so order, retries and dead letters are per record as without it, and `handle` must not
    /// count on finding the result (a redelivery, or a run it was not part of). Default: nothing.
    async fn precompute(&self, _events: &[&Event]) {}
}

/// The most records a subscriber hands to [`EventHandler::precompute`] at once: bounds the
/// memory a run's results hold and how long the first of them waits for the rest.
pub const PRECOMPUTE_RUN: usize = 32;

/// Runs a consumer group over topics until `shutdown` turns true.
#[async_trait::async_trait]
pub trait EventSubscriber: Send + Sync + 'static {
    async fn run(
        &self,
        group: &str,
        topics: &[&str],
        handler: std::sync::Arc<dyn EventHandler>,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), EventError>;
}

/// A process's subscriber: Kafka when `brokers` is set, else the in-process bus over `pool`'s
/// outbox (the embedded mode).
pub fn subscriber(
    brokers: Option<&str>,
    pool: sqlx::AnyPool,
) -> Result<std::sync::Arc<dyn EventSubscriber>, EventError> {
    match brokers.filter(|b| !b.is_empty()) {
        #[cfg(feature = "kafka")]
        Some(brokers) => Ok(std::sync::Arc::new(kafka::KafkaSubscriber::new(brokers)?)),
        #[cfg(not(feature = "kafka"))]
        Some(_) => Err(EventError::NotBuilt("Kafka (NEXUSHR_KAFKA_BROKERS)")),
        None => Ok(std::sync::Arc::new(InProcessBus::new(pool))),
    }
}

/// The outbox's migrations.
const SQLITE: nexushr_db::Migrations = nexushr_db::migrations!("migrations/sqlite/20261128100000_outbox.sql");
const POSTGRES: nexushr_db::Migrations =
    nexushr_db::migrations!("migrations/postgres/20261128100000_outbox.sql");

/// Creates the outbox tables in the database of `pool` (both SQLite and PostgreSQL), beside the
/// service's own (which share the migrations table).
pub async fn migrate(pool: &sqlx::AnyPool) -> Result<(), EventError> {
    Ok(nexushr_db::migrate(pool, SQLITE, POSTGRES).await?)
}

/// Applies a service's migrations (`sqlite` or `postgres`, by the pool's URL), then the
/// outbox's: the database of a service that publishes events.
pub async fn migrate_with_outbox(
    pool: &sqlx::AnyPool,
    sqlite: nexushr_db::Migrations,
    postgres: nexushr_db::Migrations,
) -> Result<(), EventError> {
    nexushr_db::migrate(pool, sqlite, postgres).await?;
    migrate(pool).await
}

#[cfg(test)]
mod migrations {
    #[test]
    fn every_outbox_migration_is_embedded_and_ordered() {
        let dir = env!("CARGO_MANIFEST_DIR");
        assert_eq!(nexushr_db::unlisted(dir, super::SQLITE, super::POSTGRES), Vec::<String>::new());
        for listed in [super::SQLITE, super::POSTGRES] {
            let m = nexushr_db::migrator(listed).expect("named as sqlx names them");
            assert!(m.iter().count() == listed.len() && m.iter().all(|m| m.version > 0 && !m.sql.is_empty()));
        }
    }
}

/// Built without Kafka (`cargo test -p nexushr-events --no-default-features`, in the test
/// command): configured brokers are refused by name, never silently replaced by the bus.
#[cfg(all(test, not(feature = "kafka")))]
mod without_kafka {
    #[tokio::test]
    async fn configured_brokers_are_refused_by_name() {
        let pool = nexushr_db::connect("sqlite::memory:").await.expect("sqlite");
        let refused = crate::subscriber(Some("127.0.0.1:9092"), pool.clone()).err().expect("refused");
        assert!(matches!(refused, crate::EventError::NotBuilt(_)), "{refused}");
        assert!(refused.to_string().contains("NEXUSHR_KAFKA_BROKERS"), "{refused}");
        let target = crate::relay::OutboxTarget {
            brokers: Some("127.0.0.1:9092".into()),
            partitions: 1,
            replication: 1,
            one_record_per_batch: true,
        };
        let (_stop, stopped) = tokio::sync::watch::channel(false);
        assert!(matches!(
            crate::relay::start(pool.clone(), &target, stopped).await,
            Err(crate::EventError::NotBuilt(_))
        ));
        // Without brokers: the in-process bus, as before.
        assert!(crate::subscriber(None, pool).is_ok());
    }
}
