//! One trace from a gRPC call through the outbox, the relay, Kafka and a consumer, checked with
//! an in-memory span exporter. Needs the broker at `NEXUSHR_TEST_KAFKA_BROKERS`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nexushr_catalog_store::SqlRoleStore;
use nexushr_events::kafka::{KafkaPublisher, KafkaSubscriber, ensure_topics};
use nexushr_events::relay::OutboxRelay;
use nexushr_events::{Event, EventHandler, EventSubscriber, HandlerError, topics};
use nexushr_platform::{ApiKeys, grpc};
use nexushr_proto::catalog::v1::{self as pb, role_catalog_client::RoleCatalogClient};
use opentelemetry_sdk::trace::InMemorySpanExporter;

struct Seen(Mutex<Vec<String>>);

#[async_trait::async_trait]
impl EventHandler for Seen {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        self.0.lock().expect("lock").push(event.envelope.aggregate_id.clone());
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn one_trace_spans_grpc_outbox_kafka_and_consumer() {
    let exporter = InMemorySpanExporter::default();
    let telemetry =
        nexushr_telemetry::install("trace-test", Some(exporter.clone()), false).expect("telemetry");
    let brokers = std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    tokio::time::timeout(Duration::from_secs(30), ensure_topics(&brokers, &[topics::ROLES], 3, 1))
        .await
        .unwrap_or_else(|_| panic!("no Kafka-protocol broker at {brokers}"))
        .expect("topics");

    let dir = tempfile::tempdir().expect("temp dir");
    let store = Arc::new(SqlRoleStore::open_sqlite(&dir.path().join("c.db")).await.expect("store"));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let relay =
        OutboxRelay::new(store.pool().clone(), Arc::new(KafkaPublisher::new(&brokers).expect("producer")));
    let relay_stop = stopped.clone();
    tokio::spawn(async move { relay.run(relay_stop).await });
    let seen = Arc::new(Seen(Mutex::new(Vec::new())));
    let subscriber = KafkaSubscriber::new(&brokers).expect("consumer");
    let (handler, group) = (seen.clone(), format!("trace-{}", uuid::Uuid::new_v4().simple()));
    let consumer_stop = stopped.clone();
    tokio::spawn(async move { subscriber.run(&group, &[topics::ROLES], handler, consumer_stop).await });

    let keys = ApiKeys::parse("", "default").expect("open mode");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(grpc::serve(listener, nexushr_role_catalog::routes(store, None, &keys), std::future::pending()));
    let mut client = RoleCatalogClient::connect(format!("http://{addr}")).await.expect("connect");

    let trace_id = format!("{:032x}", uuid::Uuid::new_v4().as_u128());
    let mut req = tonic::Request::new(pb::CreateRoleRequest {
        role: Some(pb::Role {
            title: "Trace Engineer".into(),
            slug: format!("trace-{}", &trace_id[..8]),
            category: "Technology".into(),
            ..Default::default()
        }),
    });
    req.metadata_mut()
        .insert("traceparent", format!("00-{trace_id}-b7ad6b7169203331-01").parse().expect("ascii"));
    let role = client.create_role(req).await.expect("create").into_inner();

    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !seen.0.lock().expect("lock").contains(&role.id) {
        assert!(tokio::time::Instant::now() < deadline, "the consumer never saw the role's event");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = stop.send(true);
    tokio::time::sleep(Duration::from_millis(200)).await;
    telemetry.flush();
    let spans = exporter.get_finished_spans().expect("spans");
    let in_trace: Vec<String> = spans
        .iter()
        .filter(|s| s.span_context.trace_id().to_string() == trace_id)
        .map(|s| s.name.to_string())
        .collect();
    for hop in
        ["/nexushr.catalog.v1.RoleCatalog/CreateRole", "publish nexushr.roles.v1", "handle nexushr.roles.v1"]
    {
        assert!(in_trace.iter().any(|n| n == hop), "no {hop:?} span in trace {trace_id}: {in_trace:?}");
    }
}
