//! Fault tests through a real Kafka-protocol broker: events written to a PostgreSQL outbox, moved
//! by a relay process and applied by a consumer process, while the relay, the consumer or the
//! broker itself are killed with SIGKILL at random moments and restarted. Every event must be
//! applied exactly once.
//!
//! Needs the broker at `NEXUSHR_TEST_KAFKA_BROKERS` (default 127.0.0.1:9092), PostgreSQL at
//! `NEXUSHR_TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test) and, for the
//! broker-restart test, the tansu binary at `NEXUSHR_TEST_TANSU_BIN` (the test command sets it):
//! that test runs its own broker on a disk log so it can kill and restart it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nexushr_events::kafka::ensure_topics;
use nexushr_events::{Event, outbox};
use nexushr_proto::events::v1::RoleChanged;
use sqlx::{AnyPool, Connection};

const EVENTS: i64 = 10_000;
const CONSUMER_KILLS: u32 = 20;
const RELAY_KILLS: u32 = 5;
/// The broker-restart test: fewer events, each restart costs the clients a reconnect.
const RESTART_EVENTS: i64 = 5_000;
const BROKER_KILLS: u32 = 5;

fn brokers() -> String {
    std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into())
}

/// A small xorshift generator: kill times vary run to run, and the seed is printed.
struct Rng(u64);

impl Rng {
    fn seeded() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(7)
            | 1;
        println!("fault test seed {seed}");
        Rng(seed)
    }

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

/// A child process that is killed when dropped, so a failing test leaves none behind.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        kill(self);
    }
}

/// `path` opened for appending, created if missing: a child process's log over its restarts.
fn appended(path: &std::path::Path) -> std::fs::File {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap_or_else(|e| panic!("log {}: {e}", path.display()))
}

/// Starts a relay or consumer process; its warnings are appended to `log`, which a failing run
/// prints.
fn spawn(args: &[&str], log: &std::path::Path) -> Proc {
    let log = appended(log);
    Proc(
        Command::new(env!("CARGO_BIN_EXE_nexushr-events-fault-consumer"))
            .args(args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn fault process"),
    )
}

/// The last `lines` lines of a fault process log.
fn tail(log: &std::path::Path, lines: usize) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
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

/// Writes `events` RoleChanged events to the outbox in transactions of 250, as a service would,
/// `pause` apart; past the first `held` events it waits for `gate` to open.
fn produce(
    pool: &AnyPool,
    topic: &str,
    events: i64,
    pause: Duration,
    held: i64,
    mut gate: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let (pool, topic) = (pool.clone(), topic.to_string());
    tokio::spawn(async move {
        for chunk in 0..(events / 250) {
            if chunk * 250 >= held {
                gate.wait_for(|open| *open).await.expect("gate");
            }
            let mut tx = pool.begin().await.expect("tx");
            for i in (chunk * 250 + 1)..=(chunk * 250 + 250) {
                let aggregate = format!("role-{}", i % 97);
                let payload = RoleChanged {
                    role_id: aggregate.clone(),
                    slug: "ok".into(),
                    version: i,
                    ..Default::default()
                };
                let event = Event::new(&topic, "t1", &aggregate, &payload, None, chrono::Utc::now());
                outbox::enqueue(&mut tx, &event).await.expect("enqueue");
            }
            tx.commit().await.expect("commit");
            tokio::time::sleep(pause).await;
        }
    })
}

/// Kills a child process (SIGKILL) and reaps it.
fn kill(child: &mut Proc) {
    let _ = child.0.kill();
    let _ = child.0.wait();
}

/// One fault run: a fresh topic and outbox schema, a producer committing `events` events, and
/// a relay and a consumer process to kill.
struct Stream {
    brokers: String,
    topic: String,
    group: String,
    url: String,
    pool: AnyPool,
    events: i64,
    producer: tokio::task::JoinHandle<()>,
    /// Lets the producer past its held events.
    gate: tokio::sync::watch::Sender<bool>,
    relay: Proc,
    consumer: Proc,
    /// The relay's and the consumer's logs, over all their restarts.
    logs: tempfile::TempDir,
    started: Instant,
    deadline: Instant,
}

impl Stream {
    /// Creates the topic on `brokers`, then starts the producer (a batch every `pause`; past
    /// `held` events it waits for [`Stream::release`]), the relay and the consumer; the run
    /// must be over `within` from now.
    async fn start(brokers: String, events: i64, held: i64, pause: Duration, within: Duration) -> Self {
        let topic = format!("faults-{}", uuid::Uuid::new_v4().simple());
        tokio::time::timeout(Duration::from_secs(30), ensure_topics(&brokers, &[&topic], 3, 1))
            .await
            .unwrap_or_else(|_| panic!("no Kafka-protocol broker at {brokers}"))
            .expect("topics");
        let (url, pool) = schema().await;
        // The service side: state and events committed together, in batches, while the relay
        // and the consumer run (and die).
        let (gate, opened) = tokio::sync::watch::channel(false);
        let producer = produce(&pool, &topic, events, pause, held, opened);
        let group = format!("faults-{}", uuid::Uuid::new_v4().simple());
        let logs = tempfile::tempdir().expect("log dir");
        let relay = spawn(&["relay", &brokers, &url], &logs.path().join("relay.log"));
        let consumer = spawn(&["consume", &brokers, &topic, &group, &url], &logs.path().join("consumer.log"));
        let started = Instant::now();
        Self {
            brokers,
            topic,
            group,
            url,
            pool,
            events,
            producer,
            gate,
            relay,
            consumer,
            logs,
            started,
            deadline: started + within,
        }
    }

    /// Lets the producer write its held events.
    fn release(&self) {
        let _ = self.gate.send(true);
    }

    async fn applied(&self) -> i64 {
        totals(&self.pool).await.1
    }

    fn restart_relay(&mut self) {
        kill(&mut self.relay);
        self.relay = spawn(&["relay", &self.brokers, &self.url], &self.logs.path().join("relay.log"));
    }

    /// A new consumer in the group, replacing one killed before.
    fn spawn_consumer(&mut self) {
        self.consumer = spawn(
            &["consume", &self.brokers, &self.topic, &self.group, &self.url],
            &self.logs.path().join("consumer.log"),
        );
    }

    /// Waits for the stream to finish, stops the clients and checks every event was applied once.
    /// `broker`: the test's own broker, restarted if it wedges while the stream drains.
    async fn finish(mut self, kills: &str, mut broker: Option<&mut Broker>) {
        let events = self.events;
        while self.applied().await < events && Instant::now() < self.deadline {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if let Some(b) = broker.as_deref_mut() {
                b.supervise().await;
            }
        }
        let kills = match broker.as_ref().map_or(0, |b| b.wedged) {
            0 => kills.to_string(),
            n => format!("{kills}, {n} restarts of a wedged broker"),
        };
        kill(&mut self.relay);
        kill(&mut self.consumer);
        let (total, applied, deliveries) = totals(&self.pool).await;
        let pending = outbox::pending(&self.pool).await.expect("pending");
        println!(
            "fault test: {applied} of {events} events applied once, {deliveries} deliveries ({} redelivered), \
             {pending} left in the outbox, {kills}, {:.1}s",
            deliveries - applied,
            self.started.elapsed().as_secs_f64()
        );
        if applied != events || pending != 0 {
            let ours = ["relay.log", "consumer.log"].map(|name| self.logs.path().join(name));
            for log in ours.into_iter().chain(broker.map(|b| b.log())) {
                println!("--- last lines of {}:\n{}", log.display(), tail(&log, 15));
            }
        }
        assert_eq!(applied, events, "lost events");
        assert_eq!(total, (1..=events).sum::<i64>(), "a side effect was lost or applied twice");
        assert!(deliveries >= applied);
        assert_eq!(pending, 0, "the relay drained the outbox");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_events_survive_random_kills_of_relay_and_consumer() {
    let mut stream =
        Stream::start(brokers(), EVENTS, EVENTS, Duration::from_millis(150), Duration::from_secs(600)).await;
    let mut rng = Rng::seeded();
    let (mut relay_kills, mut consumer_kills) = (0, 0);
    // Each consumer is killed at a random moment after it has applied something: mid-stream,
    // with records in flight. (Killing members faster than the group can form only measures
    // the broker's rebalancing, which tansu can leave wedged.)
    let mut applied_at_spawn = 0;
    loop {
        tokio::time::sleep(Duration::from_millis(200 + rng.next(1000))).await;
        let applied = stream.applied().await;
        if applied >= EVENTS || Instant::now() > stream.deadline {
            break;
        }
        if relay_kills < RELAY_KILLS && !stream.producer.is_finished() {
            stream.restart_relay();
            relay_kills += 1;
        }
        if consumer_kills < CONSUMER_KILLS && applied > applied_at_spawn {
            kill(&mut stream.consumer);
            consumer_kills += 1;
            applied_at_spawn = stream.applied().await;
            stream.spawn_consumer();
        }
    }
    (&mut stream.producer).await.expect("producer");
    assert!(consumer_kills >= CONSUMER_KILLS, "only {consumer_kills} consumer kills happened");
    stream.finish(&format!("{consumer_kills} consumer kills, {relay_kills} relay kills"), None).await;
}

/// The file in a test broker's directory its warnings go to.
const BROKER_LOG: &str = "tansu.log";

/// A broker of our own on a free port with its log in SQLite under `dir`, so a SIGKILL loses
/// nothing that was acknowledged.
struct Broker {
    bin: String,
    dir: tempfile::TempDir,
    port: u16,
    child: Proc,
    /// Panics seen in its log, and restarts because of them (see [`Broker::supervise`]).
    panics: usize,
    wedged: u32,
}

impl Broker {
    fn start() -> Self {
        let bin = std::env::var("NEXUSHR_TEST_TANSU_BIN")
            .expect("NEXUSHR_TEST_TANSU_BIN: the tansu binary (scripts/start-kafka.sh --which prints it)");
        let dir = tempfile::tempdir().expect("broker dir");
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port").port();
        let child = Self::spawn(&bin, dir.path(), port);
        Self { bin, dir, port, child, panics: 0, wedged: 0 }
    }

    /// The broker's warnings, over all its restarts.
    fn log(&self) -> std::path::PathBuf {
        self.dir.path().join(BROKER_LOG)
    }

    fn spawn(bin: &str, dir: &std::path::Path, port: u16) -> Proc {
        let listener = format!("tcp://127.0.0.1:{port}");
        let log = appended(&dir.join(BROKER_LOG));
        let child = Command::new(bin)
            .current_dir(dir)
            .args(["broker", "--listener-url", &listener, "--advertised-listener-url", &listener])
            .args(["--storage-engine", "sqlite://tansu.db"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start tansu ({bin}): {e}"));
        let up = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(up.elapsed() < Duration::from_secs(30), "tansu did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Proc(child)
    }

    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    async fn restart(&mut self, down_for: Duration) {
        kill(&mut self.child);
        tokio::time::sleep(down_for).await;
        self.child = Self::spawn(&self.bin, self.dir.path(), self.port);
    }

    /// Restarts the broker when it has wedged, as a liveness probe would in a deployment: tansu
    /// 0.6 can panic in its SQLite storage after a SIGKILL restart ("more or less than one row",
    /// tansu-storage `lite.rs`) and then keeps its port open while resetting every connection,
    /// so no client can ever reach it again (seen in CI: the stream stalled to the deadline). A
    /// wedged broker is one whose log has a panic it did not have before.
    async fn supervise(&mut self) {
        let panics = std::fs::read_to_string(self.log()).unwrap_or_default().matches("panicked at").count();
        if panics > self.panics {
            self.panics = panics;
            self.wedged += 1;
            println!("fault test: the broker panicked ({panics} panics in its log so far); restarting it");
            self.restart(Duration::from_millis(500)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn events_survive_broker_kills_and_restarts() {
    let mut broker = Broker::start();
    // The last fifth of the events is held back until every kill is done, so the stream can
    // never finish before the broker has died BROKER_KILLS times, however fast it runs.
    let held = RESTART_EVENTS * 4 / 5;
    let mut stream = Stream::start(
        broker.address(),
        RESTART_EVENTS,
        held,
        Duration::from_millis(1000),
        Duration::from_secs(420),
    )
    .await;
    let mut rng = Rng::seeded();
    // The broker dies at random moments while the relay publishes and the consumer applies,
    // each once the consumer has applied more since the last restart; it stays down for
    // 0.5-2.5 s.
    let mut broker_kills = 0;
    let mut applied_at_restart = 0;
    while broker_kills < BROKER_KILLS && Instant::now() < stream.deadline {
        tokio::time::sleep(Duration::from_millis(500 + rng.next(1500))).await;
        broker.supervise().await;
        let applied = stream.applied().await;
        if applied > applied_at_restart {
            broker.restart(Duration::from_millis(500 + rng.next(2000))).await;
            broker_kills += 1;
            applied_at_restart = applied;
        }
    }
    stream.release();
    (&mut stream.producer).await.expect("producer");
    let applied = stream.applied().await;
    assert_eq!(
        broker_kills, BROKER_KILLS,
        "the stream stopped after {broker_kills} broker kills with {applied} of {RESTART_EVENTS} events applied"
    );
    stream.finish(&format!("{broker_kills} broker kills and restarts"), Some(&mut broker)).await;
}
