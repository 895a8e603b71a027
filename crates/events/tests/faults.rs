//! Fault tests through a real Kafka-protocol broker: 10,000 events written to a PostgreSQL
//! outbox, moved by a relay process and applied by a consumer process, both killed with SIGKILL
//! at random moments and restarted. Every event must be applied exactly once.
//!
//! Needs the broker at `NEXUSHR_TEST_KAFKA_BROKERS` (default 127.0.0.1:9092) and PostgreSQL at
//! `NEXUSHR_TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nexushr_events::kafka::ensure_topics;
use nexushr_events::{Event, outbox};
use nexushr_proto::events::v1::RoleChanged;
use sqlx::{AnyPool, Connection};

const EVENTS: i64 = 10_000;
const CONSUMER_KILLS: u32 = 20;
const RELAY_KILLS: u32 = 5;

fn brokers() -> String {
    std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into())
}

/// A small xorshift generator: kill times vary run to run, and the seed is printed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

async fn schema() -> (String, AnyPool) {
    sqlx::any::install_default_drivers();
    let url = std::env::var("NEXUSHR_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let schema = format!("nexushr_faults_{}", uuid::Uuid::new_v4().simple());
    let mut admin =
        sqlx::PgConnection::connect(&url).await.unwrap_or_else(|e| panic!("PostgreSQL at {url}: {e}"));
    sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let pool = AnyPool::connect(&scoped).await.expect("pool");
    nexushr_events::migrate(&pool).await.expect("outbox tables");
    sqlx::query("CREATE TABLE fault_totals (total BIGINT NOT NULL, applied BIGINT NOT NULL)")
        .execute(&pool)
        .await
        .expect("totals");
    sqlx::query("INSERT INTO fault_totals VALUES (0, 0)").execute(&pool).await.expect("totals row");
    sqlx::query("CREATE TABLE fault_deliveries (event_id TEXT NOT NULL)").execute(&pool).await.expect("log");
    (scoped, pool)
}

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nexushr-events-fault-consumer"))
        .args(args)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn fault process")
}

async fn totals(pool: &AnyPool) -> (i64, i64, i64) {
    let (total, applied): (i64, i64) =
        sqlx::query_as("SELECT total, applied FROM fault_totals").fetch_one(pool).await.expect("totals");
    let deliveries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM fault_deliveries")
        .fetch_one(pool)
        .await
        .expect("deliveries");
    (total, applied, deliveries)
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_events_survive_random_kills_of_relay_and_consumer() {
    let brokers = brokers();
    let topic = format!("faults-{}", uuid::Uuid::new_v4().simple());
    tokio::time::timeout(Duration::from_secs(30), ensure_topics(&brokers, &[&topic], 3, 1))
        .await
        .unwrap_or_else(|_| panic!("no Kafka-protocol broker at {brokers}"))
        .expect("topics");
    let (url, pool) = schema().await;

    // The service side: state and events committed together, in batches, while the relay and
    // the consumer run (and die).
    let expected_total: i64 = (1..=EVENTS).sum();
    let producer_pool = pool.clone();
    let producer_topic = topic.clone();
    let producer = tokio::spawn(async move {
        for chunk in 0..(EVENTS / 250) {
            let mut tx = producer_pool.begin().await.expect("tx");
            for i in (chunk * 250 + 1)..=(chunk * 250 + 250) {
                let aggregate = format!("role-{}", i % 97);
                let payload = RoleChanged {
                    role_id: aggregate.clone(),
                    slug: "ok".into(),
                    version: i,
                    ..Default::default()
                };
                let event = Event::new(&producer_topic, "t1", &aggregate, &payload, None, chrono::Utc::now());
                outbox::enqueue(&mut tx, &event).await.expect("enqueue");
            }
            tx.commit().await.expect("commit");
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    });

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7)
        | 1;
    println!("fault test seed {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let group = format!("faults-{}", uuid::Uuid::new_v4().simple());
    let mut relay = spawn(&["relay", &brokers, &url]);
    let mut consumer = spawn(&["consume", &brokers, &topic, &group, &url]);
    let (mut relay_kills, mut consumer_kills) = (0, 0);
    let deadline = Instant::now() + Duration::from_secs(600);
    // Each consumer is killed at a random moment after it has applied something: mid-stream,
    // with records in flight. (Killing members faster than the group can form only measures
    // the broker's rebalancing, which tansu can leave wedged.)
    let mut applied_at_spawn = 0;
    loop {
        tokio::time::sleep(Duration::from_millis(200 + rng.next(1000))).await;
        let (_, applied, _) = totals(&pool).await;
        if applied >= EVENTS || Instant::now() > deadline {
            break;
        }
        if relay_kills < RELAY_KILLS && !producer.is_finished() {
            relay.kill().expect("kill relay");
            relay.wait().expect("reap");
            relay_kills += 1;
            relay = spawn(&["relay", &brokers, &url]);
        }
        if consumer_kills < CONSUMER_KILLS && applied > applied_at_spawn {
            consumer.kill().expect("kill consumer");
            consumer.wait().expect("reap");
            consumer_kills += 1;
            applied_at_spawn = totals(&pool).await.1;
            consumer = spawn(&["consume", &brokers, &topic, &group, &url]);
        }
    }
    producer.await.expect("producer");
    // Once the kills are done, give the last consumer time to finish the stream.
    while totals(&pool).await.1 < EVENTS && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for child in [&mut relay, &mut consumer] {
        let _ = child.kill();
        let _ = child.wait();
    }
    let (total, applied, deliveries) = totals(&pool).await;
    println!(
        "fault test: {applied} of {EVENTS} events applied once, {deliveries} deliveries ({} redelivered), \
         {consumer_kills} consumer kills, {relay_kills} relay kills, {:.1}s",
        deliveries - applied,
        started.elapsed().as_secs_f64()
    );
    assert!(consumer_kills >= CONSUMER_KILLS, "only {consumer_kills} consumer kills happened");
    assert_eq!(applied, EVENTS, "lost events");
    assert_eq!(total, expected_total, "a side effect was lost or applied twice");
    assert!(deliveries >= applied);
    assert_eq!(outbox::pending(&pool).await.expect("pending"), 0, "the relay drained the outbox");
}
