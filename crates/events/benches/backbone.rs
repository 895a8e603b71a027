//! End to end (publish → consume → handler) through the Kafka broker at
//! `NEXUSHR_TEST_KAFKA_BROKERS` and through the in-process bus, side by side:
//! throughput with the publisher flooding, then delivery latency at a steady rate.
//!
//!   cargo bench -p nexushr-events --bench backbone [-- EVENTS]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nexushr_events::kafka::{KafkaPublisher, KafkaSubscriber, ensure_topics};
use nexushr_events::{
    Event, EventHandler, EventPublisher, EventSubscriber, HandlerError, InProcessBus, topics,
};
use nexushr_proto::events::v1::RoleChanged;

struct Latencies {
    micros: Mutex<Vec<u64>>,
}

#[async_trait::async_trait]
impl EventHandler for Latencies {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        let sent =
            event.envelope.occurred_at.as_ref().map(|t| t.seconds * 1_000_000 + i64::from(t.nanos) / 1000);
        let now = chrono::Utc::now().timestamp_micros();
        self.micros.lock().expect("lock").push(sent.map(|s| (now - s).max(0) as u64).unwrap_or(0));
        Ok(())
    }
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0
}

fn event(topic: &str, i: usize) -> Event {
    let key = format!("role-{}", i % 64);
    let payload = RoleChanged { role_id: key.clone(), version: i as i64, ..Default::default() };
    Event::new(topic, "bench", &key, &payload, None, chrono::Utc::now())
}

/// Publishes `n` events (all at once, or at `rate` per second) and waits until all are handled.
async fn phase(
    publisher: &Arc<dyn EventPublisher>,
    subscriber: &Arc<dyn EventSubscriber>,
    topic: &str,
    group: &str,
    n: usize,
    rate: Option<u32>,
) -> (f64, Vec<u64>) {
    let handler = Arc::new(Latencies { micros: Mutex::new(Vec::with_capacity(n)) });
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let (s, t, g, h) = (subscriber.clone(), topic.to_string(), group.to_string(), handler.clone());
    let sub = tokio::spawn(async move { s.run(&g, &[&t], h, stopped).await });
    tokio::time::sleep(Duration::from_secs(3)).await; // let the group settle before timing
    let started = Instant::now();
    match rate {
        None => {
            for chunk in 0..n.div_ceil(500) {
                let events: Vec<Event> =
                    (chunk * 500..((chunk + 1) * 500).min(n)).map(|i| event(topic, i)).collect();
                let sent = futures::future::join_all(events.iter().map(|e| publisher.publish(e))).await;
                sent.into_iter().collect::<Result<Vec<()>, _>>().expect("publish");
            }
        }
        Some(rate) => {
            let mut tick = tokio::time::interval(Duration::from_secs(1) / rate);
            for i in 0..n {
                tick.tick().await;
                publisher.publish(&event(topic, i)).await.expect("publish");
            }
        }
    }
    let deadline = Instant::now() + Duration::from_secs(300);
    while handler.micros.lock().expect("lock").len() < n && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let _ = stop.send(true);
    let _ = sub.await;
    let mut lat = handler.micros.lock().expect("lock").clone();
    assert_eq!(lat.len(), n, "handled {} of {n}", lat.len());
    lat.sort_unstable();
    (n as f64 / elapsed, lat)
}

/// Runs both phases, each on its own topic (`[flood, steady]`) so neither sees the other's events.
async fn run(
    name: &str,
    publisher: Arc<dyn EventPublisher>,
    subscriber: Arc<dyn EventSubscriber>,
    topics: [&str; 2],
    n: usize,
) {
    let (throughput, _) = phase(&publisher, &subscriber, topics[0], "bench-flood", n, None).await;
    let steady = 1_000;
    let (_, lat) = phase(&publisher, &subscriber, topics[1], "bench-steady", steady, Some(200)).await;
    println!(
        "{name:<24} flood {n:>6}: {throughput:>8.0} events/s | steady 200/s x {steady}: p50 {:>7.2} ms  p99 {:>7.2} ms",
        pct(&lat, 0.50),
        pct(&lat, 0.99)
    );
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(20_000);
    println!("end to end: publish -> consume -> handler, 64 keys");

    // The embedded configuration: SQLite in WAL mode, as the stores open it.
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display());
    let pool = nexushr_db::connect(&url).await.expect("sqlite");
    nexushr_events::migrate(&pool).await.expect("migrate");
    let bus = InProcessBus::new(pool);
    run("in-process (SQLite log)", Arc::new(bus.clone()), Arc::new(bus), [topics::ROLES, topics::RESUMES], n)
        .await;

    let brokers = std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let flood = format!("bench-{}", uuid::Uuid::new_v4().simple());
    let steady = format!("bench-{}", uuid::Uuid::new_v4().simple());
    ensure_topics(&brokers, &[&flood, &steady], 3, 1).await.expect("topics");
    let publisher = Arc::new(KafkaPublisher::new(&brokers).expect("producer"));
    let subscriber = Arc::new(KafkaSubscriber::new(&brokers).expect("consumer"));
    run("kafka (tansu, memory)", publisher, subscriber, [flood.as_str(), steady.as_str()], n).await;
}
