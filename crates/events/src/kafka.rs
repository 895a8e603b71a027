//! Kafka through rdkafka: topic creation through the admin API, an idempotent publisher, and a
//! subscriber that commits an offset only after its record was handled or dead-lettered.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt as _;
use prost::Message as _;
use rdkafka::ClientConfig;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::{ClientContext, DefaultClientContext};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, StreamConsumer};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use rdkafka::{Offset, TopicPartitionList};

use crate::deliver::{count_dead_letter, dead_letter_headers};
use crate::{
    DeliveryPolicy, Event, EventError, EventHandler, EventPublisher, EventSubscriber, Outcome,
    PRECOMPUTE_RUN, deliver, topics,
};

/// Header names every record carries.
pub mod headers {
    pub const EVENT_ID: &str = "event-id";
    pub const EVENT_TYPE: &str = "event-type";
    pub const TENANT_ID: &str = "tenant-id";
    pub const TRACEPARENT: &str = "traceparent";
}

const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// Creates `topics` and their dead-letter topics; topics that exist already are fine.
pub async fn ensure_topics(
    brokers: &str,
    topics: &[&str],
    partitions: i32,
    replication: i32,
) -> Result<(), EventError> {
    let admin: AdminClient<DefaultClientContext> =
        ClientConfig::new().set("bootstrap.servers", brokers).create()?;
    let names: Vec<String> = topics.iter().flat_map(|t| [t.to_string(), topics::dead_letter(t)]).collect();
    let new: Vec<NewTopic<'_>> = names
        .iter()
        .map(|n| {
            let topic = NewTopic::new(n, partitions, TopicReplication::Fixed(replication));
            if topics::compacted(n) { topic.set("cleanup.policy", "compact") } else { topic }
        })
        .collect();
    let opts = AdminOptions::new().operation_timeout(Some(Duration::from_secs(15)));
    for result in admin.create_topics(&new, &opts).await? {
        match result {
            Ok(name) => tracing::info!(topic = %name, partitions, replication, "created topic"),
            Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((name, code)) => {
                return Err(EventError::Publish { topic: name, reason: format!("create topic: {code}") });
            }
        }
    }
    Ok(())
}

fn producer_config(brokers: &str, one_record_per_batch: bool) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", brokers)
        // Retries never duplicate or reorder a partition's records.
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("message.timeout.ms", "30000")
        .set("linger.ms", "5");
    if one_record_per_batch {
        // Tansu 0.6 answers a fetch at offset X with the batches whose *base* offset is at least
        // X, so a consumer resuming from a committed offset in the middle of a batch would skip
        // the rest of that batch (`offsets.split_off(&offset)` in tansu-storage's dynostore.rs).
        // With single-record batches every offset is a batch base; the fault test caught this.
        config.set("batch.num.messages", "1");
    }
    config
}

/// Publishes envelopes keyed by aggregate id, with id, type, tenant and trace in headers.
///
/// An idempotent producer that librdkafka declares fatally failed (a broker that lost the
/// producer's sequence state across a restart does this) refuses every later send; the
/// publisher then replaces it with a new one. Nothing is lost: the failed sends are reported,
/// and the outbox relay sends them again, in order, through the new producer.
#[derive(Clone)]
pub struct KafkaPublisher {
    config: ClientConfig,
    /// The producer in use and how many producers came before it.
    current: Arc<std::sync::RwLock<(u64, FutureProducer)>>,
}

impl KafkaPublisher {
    /// A publisher sending one record per batch, safe on every Kafka-protocol broker (see
    /// [`KafkaPublisher::batching`] for Apache Kafka).
    pub fn new(brokers: &str) -> Result<Self, EventError> {
        Self::with_config(producer_config(brokers, true))
    }

    /// A publisher that batches records: much faster, for brokers that return the batch holding
    /// a fetched offset (Apache Kafka does; tansu 0.6 does not).
    pub fn batching(brokers: &str) -> Result<Self, EventError> {
        Self::with_config(producer_config(brokers, false))
    }

    fn with_config(config: ClientConfig) -> Result<Self, EventError> {
        let producer = config.create()?;
        Ok(Self { config, current: Arc::new(std::sync::RwLock::new((0, producer))) })
    }

    fn producer(&self) -> (u64, FutureProducer) {
        self.current.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Replaces producer `generation` if it failed fatally (once, however many sends saw it fail).
    fn replace_if_fatal(&self, generation: u64, producer: &FutureProducer) {
        let Some((code, reason)) = producer.client().fatal_error() else { return };
        self.replace(generation, &format!("failed fatally ({code}: {reason})"));
    }

    /// Puts a new producer in place of producer `generation`, unless that was replaced already.
    fn replace(&self, generation: u64, why: &str) {
        let mut current = self.current.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        if current.0 != generation {
            return;
        }
        match self.config.create::<FutureProducer>() {
            Ok(fresh) => {
                tracing::warn!(generation, "Kafka producer {why}; replaced it");
                *current = (generation + 1, fresh);
            }
            Err(e) => tracing::error!(error = %e, "Kafka producer {why} and cannot be replaced"),
        }
    }

    /// Sends raw bytes (dead letters of undecodable records) with the given headers.
    pub async fn send_raw(
        &self,
        topic: &str,
        key: Option<&[u8]>,
        payload: &[u8],
        extra: &BTreeMap<String, String>,
    ) -> Result<(), EventError> {
        let mut h = OwnedHeaders::new();
        for (k, v) in extra {
            h = h.insert(Header { key: k, value: Some(v.as_str()) });
        }
        let mut record = FutureRecord::to(topic).payload(payload).headers(h);
        if let Some(key) = key {
            record = record.key(key);
        }
        let (generation, producer) = self.producer();
        let sent = producer.send(record, Timeout::After(SEND_TIMEOUT)).await;
        sent.map(|_| ()).map_err(|(e, _)| {
            self.replace_if_fatal(generation, &producer);
            EventError::Publish { topic: topic.to_string(), reason: e.to_string() }
        })
    }

    /// Publishes an event with extra headers (dead letters carry their error this way).
    pub async fn send(&self, event: &Event, extra: &BTreeMap<String, String>) -> Result<(), EventError> {
        let env = &event.envelope;
        let mut all: BTreeMap<String, String> = [
            (headers::EVENT_ID, env.event_id.as_str()),
            (headers::EVENT_TYPE, env.event_type.as_str()),
            (headers::TENANT_ID, env.tenant_id.as_str()),
            (headers::TRACEPARENT, env.traceparent.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        all.extend(extra.clone());
        self.send_raw(&event.topic, Some(env.aggregate_id.as_bytes()), &env.encode_to_vec(), &all).await
    }
}

#[async_trait::async_trait]
impl EventPublisher for KafkaPublisher {
    async fn publish(&self, event: &Event) -> Result<(), EventError> {
        self.send(event, &BTreeMap::new()).await
    }

    fn reset(&self) {
        let (generation, _) = self.producer();
        self.replace(generation, "kept failing");
    }
}

/// Consumes with a consumer group; see the module doc for the delivery guarantees.
pub struct KafkaSubscriber {
    brokers: String,
    policy: DeliveryPolicy,
    dead_letters: KafkaPublisher,
}

impl KafkaSubscriber {
    pub fn new(brokers: &str) -> Result<Self, EventError> {
        Ok(Self {
            brokers: brokers.to_string(),
            policy: DeliveryPolicy::default(),
            dead_letters: KafkaPublisher::new(brokers)?,
        })
    }

    pub fn with_policy(mut self, policy: DeliveryPolicy) -> Self {
        self.policy = policy;
        self
    }

    fn consumer(&self, group: &str) -> Result<StreamConsumer<LagContext>, EventError> {
        Ok(ClientConfig::new()
            .set("bootstrap.servers", &self.brokers)
            .set("group.id", group)
            .set("enable.auto.commit", "false")
            .set("auto.offset.reset", "earliest")
            // Low delivery latency: the broker answers a fetch within 20 ms even with little data.
            .set("fetch.wait.max.ms", "20")
            .set("session.timeout.ms", "6000")
            // Also the rebalance timeout the coordinator waits for members to rejoin: a member
            // killed mid-rebalance would otherwise stall the group for the default 5 minutes.
            .set("max.poll.interval.ms", "10000")
            .set("heartbeat.interval.ms", "1000")
            // librdkafka's statistics carry each assigned partition's lag (LagContext).
            .set("statistics.interval.ms", "5000")
            .create_with_context(LagContext { group: group.to_string() })?)
    }

    /// Handles one record (decoded by [`decode`]): deliver with retries, dead-letter on failure.
    async fn process(
        &self,
        handler: &dyn EventHandler,
        msg: &rdkafka::message::BorrowedMessage<'_>,
        decoded: &Result<Event, EventError>,
    ) -> Result<(), EventError> {
        let topic = msg.topic();
        let payload = msg.payload().unwrap_or_default();
        let (error, attempts) = match decoded {
            Ok(event) => match deliver(handler, event, self.policy).await {
                Outcome::Handled { .. } => return Ok(()),
                Outcome::DeadLetter { attempts, error } => (error, attempts),
            },
            // A poison record: it will never decode, so retrying is pointless.
            Err(e) => (e.to_string(), 0),
        };
        tracing::error!(topic, partition = msg.partition(), offset = msg.offset(), %error, "dead-lettering record");
        let mut extra = dead_letter_headers(topic, &error, attempts);
        extra.insert("dlq-source-offset".into(), format!("{}:{}", msg.partition(), msg.offset()));
        if let Some(h) = msg.headers() {
            for i in 0..h.count() {
                let hdr = h.get(i);
                if let Some(v) = hdr.value.and_then(|v| std::str::from_utf8(v).ok()) {
                    extra.entry(hdr.key.to_string()).or_insert_with(|| v.to_string());
                }
            }
        }
        self.dead_letters.send_raw(&topics::dead_letter(topic), msg.key(), payload, &extra).await?;
        count_dead_letter(topic);
        Ok(())
    }
}

/// Publishes a consumer group's lag per partition from librdkafka's statistics (every 5 s):
/// `nexushr_kafka_consumer_lag{group, topic, partition}`, records between the group's position
/// and the end of the partition.
pub struct LagContext {
    group: String,
}

impl ClientContext for LagContext {
    fn stats(&self, statistics: rdkafka::statistics::Statistics) {
        let metrics = nexushr_metrics::global();
        for (topic, t) in &statistics.topics {
            for (partition, p) in &t.partitions {
                // -1 is librdkafka's internal "unassigned" partition; a negative lag is unknown.
                if *partition < 0 || p.consumer_lag < 0 {
                    continue;
                }
                metrics
                    .gauge(
                        "nexushr_kafka_consumer_lag",
                        "Records a consumer group of this process has still to read, by topic and partition.",
                        &[("group", &self.group), ("topic", topic), ("partition", &partition.to_string())],
                    )
                    .set(p.consumer_lag);
            }
        }
    }
}

impl ConsumerContext for LagContext {}

/// Where every partition of `topic` ends now: (partition, low, high) watermarks.
async fn partition_ends(brokers: &str, topic: &str) -> Result<Vec<(i32, i64, i64)>, EventError> {
    let (brokers, topic) = (brokers.to_string(), topic.to_string());
    tokio::task::spawn_blocking(move || {
        let probe: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", &brokers)
            .set("group.id", format!("probe-{}", uuid::Uuid::new_v4().simple()))
            .create()?;
        let meta = probe.fetch_metadata(Some(&topic), Duration::from_secs(10))?;
        let partitions: Vec<i32> =
            meta.topics().iter().flat_map(|t| t.partitions().iter().map(|p| p.id())).collect();
        if partitions.is_empty() {
            return Err(EventError::Publish {
                topic: topic.clone(),
                reason: "the topic has no partitions".into(),
            });
        }
        partitions
            .into_iter()
            .map(|p| {
                let (low, high) = probe.fetch_watermarks(&topic, p, Duration::from_secs(10))?;
                Ok((p, low, high))
            })
            .collect()
    })
    .await
    .map_err(|e| EventError::Publish { topic: String::new(), reason: format!("watermark probe: {e}") })?
}

/// Reads all of `topic` from its start, then follows it, handing every event to `handler`:
/// for a copy of state rebuilt from the log on every start (question generation's copy of the
/// catalog). No consumer group is joined and nothing is committed, so any number of replicas
/// each read everything and no rebalance ever stalls them. `caught_up` turns true once every
/// record that was in the topic when the reader started has been handled. A record the handler
/// still refuses after the delivery policy's retries is logged and skipped (a copy keyed by
/// version takes the next change of that aggregate).
pub async fn replay_and_follow(
    brokers: &str,
    topic: &str,
    handler: Arc<dyn EventHandler>,
    caught_up: tokio::sync::watch::Sender<bool>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) -> Result<(), EventError> {
    let ends = partition_ends(brokers, topic).await?;
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        // librdkafka wants one; it is never joined (assign, not subscribe) nor committed to.
        .set("group.id", format!("replay-{}", uuid::Uuid::new_v4().simple()))
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("fetch.wait.max.ms", "20")
        .create()?;
    let mut assignment = TopicPartitionList::new();
    for (partition, _, _) in &ends {
        assignment.add_partition_offset(topic, *partition, Offset::Beginning)?;
    }
    consumer.assign(&assignment)?;
    let mut behind: BTreeMap<i32, i64> =
        ends.iter().filter(|(_, low, high)| high > low).map(|(p, _, high)| (*p, *high)).collect();
    if behind.is_empty() {
        let _ = caught_up.send(true);
    }
    let policy = DeliveryPolicy::default();
    while let Some(msg) = next_record(&consumer, &mut shutdown).await {
        match decode(&msg) {
            Ok(event) => {
                if let Outcome::DeadLetter { error, .. } = deliver(handler.as_ref(), &event, policy).await {
                    tracing::warn!(topic, offset = msg.offset(), %error, "record skipped");
                }
            }
            Err(e) => tracing::warn!(topic, offset = msg.offset(), error = %e, "undecodable record skipped"),
        }
        if behind.get(&msg.partition()).is_some_and(|end| msg.offset() + 1 >= *end) {
            behind.remove(&msg.partition());
            if behind.is_empty() {
                let _ = caught_up.send(true);
            }
        }
    }
    Ok(())
}

/// The next record, waiting out receive errors; `None` once `shutdown` turns true.
async fn next_record<'a, C: ConsumerContext + 'static>(
    consumer: &'a StreamConsumer<C>,
    shutdown: &mut tokio::sync::watch::Receiver<bool>,
) -> Option<rdkafka::message::BorrowedMessage<'a>> {
    while !*shutdown.borrow() {
        let received = tokio::select! {
            m = consumer.recv() => m,
            _ = shutdown.changed() => return None,
        };
        match received {
            Ok(msg) => return Some(msg),
            Err(e) => {
                tracing::warn!(error = %e, "kafka receive failed");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    None
}

/// The records already waiting behind `first`, up to [`PRECOMPUTE_RUN`] in all, without waiting
/// for more: a run for [`EventHandler::precompute`].
fn run_from<'a, C: ConsumerContext + 'static>(
    consumer: &'a StreamConsumer<C>,
    first: rdkafka::message::BorrowedMessage<'a>,
) -> Vec<rdkafka::message::BorrowedMessage<'a>> {
    let mut run = vec![first];
    while run.len() < PRECOMPUTE_RUN {
        match consumer.recv().now_or_never() {
            Some(Ok(msg)) => run.push(msg),
            Some(Err(e)) => {
                tracing::warn!(error = %e, "kafka receive failed");
                break;
            }
            None => break,
        }
    }
    run
}

/// A record's event, with the trace context from its headers when the envelope has none.
fn decode(msg: &rdkafka::message::BorrowedMessage<'_>) -> Result<Event, EventError> {
    let mut event = Event::decode(msg.topic(), msg.payload().unwrap_or_default())?;
    if event.envelope.traceparent.is_empty() {
        event.envelope.traceparent = header(msg, headers::TRACEPARENT).unwrap_or_default();
    }
    Ok(event)
}

fn header(msg: &rdkafka::message::BorrowedMessage<'_>, name: &str) -> Option<String> {
    let h = msg.headers()?;
    (0..h.count())
        .map(|i| h.get(i))
        .find(|hdr| hdr.key == name)
        .and_then(|hdr| hdr.value.and_then(|v| std::str::from_utf8(v).ok()).map(str::to_string))
}

#[async_trait::async_trait]
impl EventSubscriber for KafkaSubscriber {
    async fn run(
        &self,
        group: &str,
        topics: &[&str],
        handler: Arc<dyn EventHandler>,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), EventError> {
        let consumer = self.consumer(group)?;
        consumer.subscribe(topics)?;
        while let Some(first) = next_record(&consumer, &mut shutdown).await {
            let run = run_from(&consumer, first);
            let decoded: Vec<Result<Event, EventError>> = run.iter().map(decode).collect();
            handler.precompute(&decoded.iter().flatten().collect::<Vec<_>>()).await;
            for (msg, decoded) in run.iter().zip(&decoded) {
                // Retry the dead-letter write until it lands: committing without it would lose
                // the record.
                while let Err(e) = self.process(handler.as_ref(), msg, decoded).await {
                    tracing::warn!(error = %e, "record not settled, retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
                // Asynchronous: the offset still only moves past handled records; a commit lost
                // in a crash means a redelivery, which handlers absorb.
                consumer.commit_message(msg, CommitMode::Async)?;
            }
        }
        Ok(())
    }
}
