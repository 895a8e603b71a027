//! One trace from a gRPC call through the outbox, the relay, Kafka and a consumer, checked with
//! an in-memory span exporter, for a resume upload (ResumeParsed) and a role creation
//! (RoleChanged). Needs the broker at `NEXUSHR_TEST_KAFKA_BROKERS`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nexushr_catalog_store::SqlRoleStore;
use nexushr_events::kafka::{KafkaPublisher, KafkaSubscriber, ensure_topics};
use nexushr_events::relay::OutboxRelay;
use nexushr_events::{Event, EventHandler, EventSubscriber, HandlerError, topics};
use nexushr_platform::{ApiKeys, grpc};
use nexushr_proto::catalog::v1::{self as pb, role_catalog_client::RoleCatalogClient};
use nexushr_proto::resumes::v1::resume_ingestion_client::ResumeIngestionClient;
use opentelemetry_sdk::trace::InMemorySpanExporter;

mod support;

struct Seen(Mutex<Vec<String>>);

#[async_trait::async_trait]
impl EventHandler for Seen {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        self.0.lock().expect("lock").push(event.envelope.aggregate_id.clone());
        Ok(())
    }
}

/// A relay from `pool`'s outbox to Kafka and a consumer of `topic` recording what it handled.
fn relay_and_consume(
    brokers: &str,
    pool: sqlx::AnyPool,
    topic: &'static str,
    stopped: &tokio::sync::watch::Receiver<bool>,
) -> Arc<Seen> {
    let relay = OutboxRelay::new(pool, Arc::new(KafkaPublisher::new(brokers).expect("producer")));
    let relay_stop = stopped.clone();
    tokio::spawn(async move { relay.run(relay_stop).await });
    let seen = Arc::new(Seen(Mutex::new(Vec::new())));
    let subscriber = KafkaSubscriber::new(brokers).expect("consumer");
    let (handler, group) = (seen.clone(), format!("trace-{}", uuid::Uuid::new_v4().simple()));
    let consumer_stop = stopped.clone();
    tokio::spawn(async move { subscriber.run(&group, &[topic], handler, consumer_stop).await });
    seen
}

async fn listen() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    (listener, format!("http://{addr}"))
}

fn traced<T>(message: T) -> (tonic::Request<T>, String) {
    let trace_id = format!("{:032x}", uuid::Uuid::new_v4().as_u128());
    let mut req = tonic::Request::new(message);
    req.metadata_mut()
        .insert("traceparent", format!("00-{trace_id}-b7ad6b7169203331-01").parse().expect("ascii"));
    (req, trace_id)
}

async fn wait_for(seen: &Seen, aggregate: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !seen.0.lock().expect("lock").iter().any(|a| a == aggregate) {
        assert!(tokio::time::Instant::now() < deadline, "the consumer never saw {aggregate}'s event");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn one_trace_spans_grpc_outbox_kafka_and_consumer() {
    let exporter = InMemorySpanExporter::default();
    let telemetry =
        nexushr_telemetry::install("trace-test", Some(exporter.clone()), false).expect("telemetry");
    let brokers = std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    tokio::time::timeout(
        Duration::from_secs(30),
        ensure_topics(&brokers, &[topics::ROLES, topics::RESUMES], 3, 1),
    )
    .await
    .unwrap_or_else(|_| panic!("no Kafka-protocol broker at {brokers}"))
    .expect("topics");
    let dir = tempfile::tempdir().expect("temp dir");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let keys = ApiKeys::parse("", "default").expect("open mode");

    // A resume upload: Upload → ResumeParsed in the outbox → relay → Kafka → consumer.
    let (addr, pool) = support::resume_ingestion(dir.path(), grpc::DEFAULT_MAX_IN_FLIGHT).await;
    let seen_resumes = relay_and_consume(&brokers, pool, topics::RESUMES, &stopped);
    let mut client = ResumeIngestionClient::connect(addr).await.expect("connect");
    let text = b"Ana Souza\nana@example.com\n\nExperience\nBackend Engineer, Acme\n2020 - 2024\nBuilt Rust services on Kafka.\n";
    let messages = support::upload("trace", "ana.txt", text);
    let (req, upload_trace) = traced(tokio_stream::iter(messages));
    let resume = client.upload(req).await.expect("upload").into_inner();
    wait_for(&seen_resumes, &resume.id).await;

    // A role creation: CreateRole → RoleChanged in the outbox → relay → Kafka → consumer.
    let store = Arc::new(SqlRoleStore::open_sqlite(&dir.path().join("c.db")).await.expect("store"));
    let seen_roles = relay_and_consume(&brokers, store.pool().clone(), topics::ROLES, &stopped);
    let (listener, addr) = listen().await;
    tokio::spawn(grpc::serve(
        listener,
        nexushr_role_catalog::routes(store, None, &keys),
        std::future::pending(),
    ));
    let mut client = RoleCatalogClient::connect(addr).await.expect("connect");
    let (req, role_trace) = traced(pb::CreateRoleRequest {
        role: Some(pb::Role {
            title: "Trace Engineer".into(),
            slug: format!("trace-{}", uuid::Uuid::new_v4().simple()),
            category: "Technology".into(),
            ..Default::default()
        }),
    });
    let role = client.create_role(req).await.expect("create").into_inner();
    wait_for(&seen_roles, &role.id).await;

    let _ = stop.send(true);
    tokio::time::sleep(Duration::from_millis(200)).await;
    telemetry.flush();
    let spans = exporter.get_finished_spans().expect("spans");
    for (trace_id, hops) in [
        (
            upload_trace,
            [
                "/nexushr.resumes.v1.ResumeIngestion/Upload",
                "publish nexushr.resumes.v1",
                "handle nexushr.resumes.v1",
            ],
        ),
        (
            role_trace,
            [
                "/nexushr.catalog.v1.RoleCatalog/CreateRole",
                "publish nexushr.roles.v1",
                "handle nexushr.roles.v1",
            ],
        ),
    ] {
        let in_trace: Vec<String> = spans
            .iter()
            .filter(|s| s.span_context.trace_id().to_string() == trace_id)
            .map(|s| s.name.to_string())
            .collect();
        for hop in hops {
            assert!(in_trace.iter().any(|n| n == hop), "no {hop:?} span in trace {trace_id}: {in_trace:?}");
        }
    }
}
