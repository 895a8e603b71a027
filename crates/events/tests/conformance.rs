//! One conformance suite for both event backbones: the SQL-backed in-process bus (SQLite) and
//! Kafka (rdkafka against the broker at `NEXUSHR_TEST_KAFKA_BROKERS`, default 127.0.0.1:9092,
//! which the README's test command starts). An unreachable broker fails the suite.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nexushr_events::kafka::{KafkaPublisher, KafkaSubscriber, ensure_topics};
use nexushr_events::{
    DeliveryPolicy, Event, EventHandler, EventPublisher, EventSubscriber, HandlerError, InProcessBus,
    PRECOMPUTE_RUN, outbox, topics,
};
use nexushr_proto::events::v1::RoleChanged;
use rdkafka::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Headers, Message};

const FAST: DeliveryPolicy = DeliveryPolicy { max_attempts: 3, first_backoff: Duration::from_millis(20) };

fn brokers() -> String {
    std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into())
}

fn event(topic: &str, aggregate: &str, version: i64, slug: &str) -> Event {
    let payload = RoleChanged { role_id: aggregate.into(), slug: slug.into(), version, ..Default::default() };
    Event::new(topic, "t1", aggregate, &payload, None, chrono::Utc::now())
}

/// Records what it handled; fails on demand.
#[derive(Default)]
struct Recorder {
    seen: Mutex<Vec<(String, i64)>>,
    attempts: Mutex<HashMap<String, u32>>,
    /// Slug → how many times to fail before succeeding (u32::MAX: always).
    fail: HashMap<String, u32>,
    /// The (aggregate, version) of each run handed to `precompute`, in order.
    runs: Mutex<Vec<Vec<(String, i64)>>>,
    /// Records handled that were not in the latest run.
    outside_run: Mutex<usize>,
}

fn role(event: &Event) -> Result<RoleChanged, HandlerError> {
    Ok(event
        .payload::<RoleChanged>()
        .map_err(|e| HandlerError::Permanent(e.to_string()))?
        .unwrap_or_default())
}

#[async_trait::async_trait]
impl EventHandler for Recorder {
    async fn precompute(&self, events: &[&Event]) {
        let run = events.iter().filter_map(|e| role(e).ok()).map(|p| (p.role_id, p.version)).collect();
        self.runs.lock().expect("lock").push(run);
    }

    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        let p = role(event)?;
        let key = (p.role_id.clone(), p.version);
        if !self.runs.lock().expect("lock").last().is_some_and(|run| run.contains(&key)) {
            *self.outside_run.lock().expect("lock") += 1;
        }
        let n = {
            let mut a = self.attempts.lock().expect("lock");
            let n = a.entry(event.envelope.event_id.clone()).or_default();
            *n += 1;
            *n
        };
        if self.fail.get(&p.slug).is_some_and(|&limit| n <= limit) {
            return Err(HandlerError::Retryable(format!("{} refuses attempt {n}", p.slug)));
        }
        self.seen.lock().expect("lock").push((p.role_id, p.version));
        Ok(())
    }
}

impl Recorder {
    fn count(&self) -> usize {
        self.seen.lock().expect("lock").len()
    }
}

#[async_trait::async_trait]
trait Backbone: Send + Sync {
    fn publisher(&self) -> Arc<dyn EventPublisher>;
    fn subscriber(&self) -> Arc<dyn EventSubscriber>;
    fn topic(&self) -> &str;
    /// Headers of the records in the dead-letter topic.
    async fn dead_letters(&self) -> Vec<BTreeMap<String, String>>;
}

struct Sql {
    bus: InProcessBus,
    topic: String,
    _dir: tempfile::TempDir,
}

impl Sql {
    async fn new() -> Self {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("events.db").display());
        let pool = sqlx::AnyPool::connect(&url).await.expect("sqlite");
        nexushr_events::migrate(&pool).await.expect("migrate");
        Self { bus: InProcessBus::new(pool).with_policy(FAST), topic: topics::ROLES.into(), _dir: dir }
    }
}

#[async_trait::async_trait]
impl Backbone for Sql {
    fn publisher(&self) -> Arc<dyn EventPublisher> {
        Arc::new(self.bus.clone())
    }
    fn subscriber(&self) -> Arc<dyn EventSubscriber> {
        Arc::new(self.bus.clone())
    }
    fn topic(&self) -> &str {
        &self.topic
    }
    async fn dead_letters(&self) -> Vec<BTreeMap<String, String>> {
        let dlq = topics::dead_letter(&self.topic);
        let rows = outbox::fetch(self.bus.pool(), 0, Some(&[dlq.as_str()]), 1000).await.expect("dlq");
        rows.into_iter().map(|s| s.headers).collect()
    }
}

struct Kafka {
    brokers: String,
    topic: String,
}

impl Kafka {
    async fn new() -> Self {
        let brokers = brokers();
        let topic = format!("conformance-{}", uuid::Uuid::new_v4().simple());
        tokio::time::timeout(Duration::from_secs(30), ensure_topics(&brokers, &[&topic], 3, 1))
            .await
            .unwrap_or_else(|_| panic!("no Kafka-protocol broker answered at {brokers} within 30 s"))
            .unwrap_or_else(|e| panic!("creating topics on {brokers}: {e}"));
        Self { brokers, topic }
    }
}

#[async_trait::async_trait]
impl Backbone for Kafka {
    fn publisher(&self) -> Arc<dyn EventPublisher> {
        Arc::new(KafkaPublisher::new(&self.brokers).expect("producer"))
    }
    fn subscriber(&self) -> Arc<dyn EventSubscriber> {
        Arc::new(KafkaSubscriber::new(&self.brokers).expect("subscriber").with_policy(FAST))
    }
    fn topic(&self) -> &str {
        &self.topic
    }
    async fn dead_letters(&self) -> Vec<BTreeMap<String, String>> {
        let consumer: StreamConsumer = ClientConfig::new()
            .set("bootstrap.servers", &self.brokers)
            .set("group.id", format!("dlq-reader-{}", uuid::Uuid::new_v4().simple()))
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false")
            .create()
            .expect("consumer");
        consumer.subscribe(&[&topics::dead_letter(&self.topic)]).expect("subscribe");
        let mut out = Vec::new();
        while let Ok(Ok(msg)) = tokio::time::timeout(Duration::from_secs(8), consumer.recv()).await {
            let mut h = BTreeMap::new();
            if let Some(headers) = msg.headers() {
                for i in 0..headers.count() {
                    let hdr = headers.get(i);
                    let v = hdr.value.map(|v| String::from_utf8_lossy(v).into_owned()).unwrap_or_default();
                    h.insert(hdr.key.to_string(), v);
                }
            }
            out.push(h);
        }
        out
    }
}

/// Runs `handler` in group `group` until it has recorded `want` events (or 60 s pass).
async fn consume(b: &dyn Backbone, group: &str, handler: Arc<Recorder>, want: usize) {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let subscriber = b.subscriber();
    let topic = b.topic().to_string();
    let group = group.to_string();
    let h: Arc<dyn EventHandler> = handler.clone();
    let task = tokio::spawn(async move { subscriber.run(&group, &[&topic], h, stopped).await });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while handler.count() < want && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(true);
    task.await.expect("join").expect("subscriber ran cleanly");
    assert!(handler.count() >= want, "handled {} of {want} events in 60 s", handler.count());
}

async fn delivers_everything_in_order_per_key(b: &dyn Backbone) {
    let publisher = b.publisher();
    for v in 1..=40 {
        for key in ["a", "b", "c", "d", "e"] {
            publisher.publish(&event(b.topic(), key, v, "ok")).await.expect("publish");
        }
    }
    let rec = Arc::new(Recorder::default());
    consume(b, "order", rec.clone(), 200).await;
    let seen = rec.seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 200, "exactly once each");
    for key in ["a", "b", "c", "d", "e"] {
        let versions: Vec<i64> = seen.iter().filter(|(k, _)| k == key).map(|(_, v)| *v).collect();
        assert_eq!(versions, (1..=40).collect::<Vec<_>>(), "key {key} in order");
    }
    // Handed to precompute in runs of what was waiting, each run just before it is handled.
    let runs = rec.runs.lock().expect("lock").clone();
    assert!(runs.iter().all(|run| run.len() <= PRECOMPUTE_RUN), "runs are bounded");
    assert!(runs.iter().any(|run| run.len() > 1), "waiting records form runs: {runs:?}");
    assert_eq!(runs.concat(), seen, "handled in the order of the runs, each once");
    assert_eq!(*rec.outside_run.lock().expect("lock"), 0, "every record handled right after its run");
}

async fn retries_then_succeeds(b: &dyn Backbone) {
    let publisher = b.publisher();
    publisher.publish(&event(b.topic(), "k", 1, "flaky")).await.expect("publish");
    publisher.publish(&event(b.topic(), "k", 2, "ok")).await.expect("publish");
    let rec = Arc::new(Recorder { fail: [("flaky".to_string(), 2)].into(), ..Default::default() });
    consume(b, "retry", rec.clone(), 2).await;
    assert_eq!(*rec.seen.lock().expect("lock"), [("k".to_string(), 1), ("k".to_string(), 2)]);
    assert!(rec.attempts.lock().expect("lock").values().any(|&n| n == 3), "two failures then success");
    assert!(b.dead_letters().await.is_empty());
}

async fn poison_is_dead_lettered_without_blocking(b: &dyn Backbone) {
    let publisher = b.publisher();
    publisher.publish(&event(b.topic(), "k", 1, "poison")).await.expect("publish");
    for v in 2..=5 {
        publisher.publish(&event(b.topic(), "k", v, "ok")).await.expect("publish");
    }
    let rec = Arc::new(Recorder { fail: [("poison".to_string(), u32::MAX)].into(), ..Default::default() });
    consume(b, "poison", rec.clone(), 4).await;
    let versions: Vec<i64> = rec.seen.lock().expect("lock").iter().map(|(_, v)| *v).collect();
    assert_eq!(versions, [2, 3, 4, 5], "records after the poison are handled");
    let dead = b.dead_letters().await;
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].get("dlq-attempts").map(String::as_str), Some("3"), "dead after 3 attempts");
    assert!(dead[0].get("dlq-error").is_some_and(|e| e.contains("poison refuses")), "{dead:?}");
}

async fn a_restarted_group_resumes_where_it_stopped(b: &dyn Backbone) {
    let publisher = b.publisher();
    for v in 1..=10 {
        publisher.publish(&event(b.topic(), "k", v, "ok")).await.expect("publish");
    }
    let first = Arc::new(Recorder::default());
    consume(b, "resume", first.clone(), 10).await;
    for v in 11..=20 {
        publisher.publish(&event(b.topic(), "k", v, "ok")).await.expect("publish");
    }
    let second = Arc::new(Recorder::default());
    consume(b, "resume", second.clone(), 10).await;
    let versions: Vec<i64> = second.seen.lock().expect("lock").iter().map(|(_, v)| *v).collect();
    assert_eq!(versions, (11..=20).collect::<Vec<_>>(), "committed offsets are not handled again");
}

macro_rules! conformance {
    ($($test:ident),* $(,)?) => {
        mod in_process {
            $(#[tokio::test(flavor = "multi_thread")] async fn $test() { super::$test(&super::Sql::new().await).await; })*
        }
        mod kafka {
            $(#[tokio::test(flavor = "multi_thread")] async fn $test() { super::$test(&super::Kafka::new().await).await; })*
        }
    };
}

conformance!(
    delivers_everything_in_order_per_key,
    retries_then_succeeds,
    poison_is_dead_lettered_without_blocking,
    a_restarted_group_resumes_where_it_stopped,
);

/// The relay deletes exactly what it published: a row committed late with a lower sequence
/// number than published ones must survive to be published in the next round.
#[tokio::test]
async fn outbox_delete_removes_only_the_published_rows() {
    let b = Sql::new().await;
    for v in 1..=3 {
        b.bus.publish(&event(topics::ROLES, "k", v, "ok")).await.expect("publish");
    }
    let rows = outbox::fetch(b.bus.pool(), 0, None, 10).await.expect("fetch");
    let seqs: Vec<i64> = rows.iter().map(|r| r.seq).collect();
    assert_eq!(outbox::delete(b.bus.pool(), &[seqs[1]]).await.expect("delete"), 1);
    let left: Vec<i64> =
        outbox::fetch(b.bus.pool(), 0, None, 10).await.expect("fetch").iter().map(|r| r.seq).collect();
    assert_eq!(left, [seqs[0], seqs[2]]);
}

/// Compaction drops what every group has read, but not the dead letters, which no group reads:
/// in embedded mode they are the only record of an event that could not be handled.
#[tokio::test]
async fn compaction_keeps_dead_letters() {
    let b = Sql::new().await;
    let publisher = b.publisher();
    publisher.publish(&event(b.topic(), "k", 1, "poison")).await.expect("publish");
    publisher.publish(&event(b.topic(), "k", 2, "ok")).await.expect("publish");
    let rec = Arc::new(Recorder { fail: [("poison".to_string(), u32::MAX)].into(), ..Default::default() });
    consume(&b, "compact", rec.clone(), 1).await;
    let read: i64 = outbox::fetch(b.bus.pool(), 0, None, 10)
        .await
        .expect("fetch")
        .iter()
        .map(|r| r.seq)
        .max()
        .expect("rows");
    outbox::commit(b.bus.pool(), "compact", read).await.expect("commit");
    outbox::compact(b.bus.pool(), 7 * 24 * 3600 * 1000).await.expect("compact");
    let left = outbox::fetch(b.bus.pool(), 0, None, 10).await.expect("fetch");
    let topics: Vec<&str> = left.iter().map(|r| r.event.topic.as_str()).collect();
    assert_eq!(topics, [topics::dead_letter(b.topic()).as_str()], "only the dead letter is left");
    assert_eq!(b.dead_letters().await.len(), 1);
}

/// A publisher whose first `failing` sends are refused; it counts the fresh clients it is asked
/// for and the versions it sent.
#[derive(Default)]
struct Refusing {
    failing: Mutex<u32>,
    resets: Mutex<u32>,
    sent: Mutex<Vec<i64>>,
}

#[async_trait::async_trait]
impl EventPublisher for Refusing {
    async fn publish(&self, event: &Event) -> Result<(), nexushr_events::EventError> {
        let mut failing = self.failing.lock().expect("lock");
        if *failing > 0 {
            *failing -= 1;
            return Err(nexushr_events::EventError::Publish {
                topic: event.topic.clone(),
                reason: "Unknown broker error".into(),
            });
        }
        self.sent.lock().expect("lock").push(role(event).expect("payload").version);
        Ok(())
    }

    fn reset(&self) {
        *self.resets.lock().expect("lock") += 1;
    }
}

/// A relay whose sends keep failing asks its publisher for a fresh client every third failed
/// round, and still sends everything, in order, once sends go through.
#[tokio::test]
async fn a_relay_that_keeps_failing_starts_over_with_a_fresh_client() {
    let b = Sql::new().await;
    for v in 1..=3 {
        b.bus.publish(&event(topics::ROLES, "k", v, "ok")).await.expect("publish");
    }
    // Rounds of three sends, all refused four times (0.1 + 0.2 + 0.4 + 0.8 s of backoff), then
    // the fifth round goes through.
    let publisher = Arc::new(Refusing { failing: Mutex::new(12), ..Default::default() });
    let relay = nexushr_events::relay::OutboxRelay::new(b.bus.pool().clone(), publisher.clone());
    let (stop, shutdown) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(async move { relay.run(shutdown).await });
    let pool = b.bus.pool().clone();
    tokio::time::timeout(Duration::from_secs(20), async {
        while outbox::pending(&pool).await.expect("pending") > 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the relay drained the outbox");
    stop.send(true).expect("stop");
    running.await.expect("relay task").expect("relay");
    assert_eq!(*publisher.resets.lock().expect("lock"), 1, "one fresh client, after the third failed round");
    assert_eq!(*publisher.sent.lock().expect("lock"), [1, 2, 3]);
}
