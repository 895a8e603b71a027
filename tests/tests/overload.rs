//! Shedding end to end: many callers on one HTTP/2 connection against a server with little
//! capacity get either an answer or RESOURCE_EXHAUSTED, never a transport error, including
//! client-streaming uploads whose bodies are still arriving when they are shed. Tens of
//! thousands of calls are shed on the one connection.
//!
//! In process this does not reproduce the reset flood that the shed layer's body draining
//! prevents (a server in its own process under 400 callers does: `cargo bench -p nexushr-tests
//! --bench load`, whose overload phase counts transport errors).

use std::time::Duration;

use nexushr_proto::resumes::v1::{self as rpb, resume_ingestion_client::ResumeIngestionClient};
use tonic::Code;
use tonic::transport::Channel;

mod support;

const CALLERS: usize = 200;
const CAPACITY: usize = 4;
/// How long the callers keep calling.
const FOR: Duration = Duration::from_secs(4);

/// A text resume of about 16 KiB.
fn resume(i: usize) -> Vec<u8> {
    let mut text =
        format!("Candidate {i}\ncandidate{i}@example.com\n\nExperience\nEngineer, Acme\n2020 - 2024\n");
    text.push_str(&"Built and ran Rust services on Kafka and PostgreSQL.\n".repeat(300));
    text.into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn callers_past_capacity_are_shed_not_disconnected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (addr, _) = support::resume_ingestion(dir.path(), CAPACITY).await;
    let channel = Channel::from_shared(addr).expect("uri").connect().await.expect("connect");

    let until = std::time::Instant::now() + FOR;
    let calls: Vec<_> = (0..CALLERS)
        .map(|c| {
            let mut client = ResumeIngestionClient::new(channel.clone());
            tokio::spawn(async move {
                let mut outcomes = Vec::new();
                let mut i = c;
                while std::time::Instant::now() < until {
                    // Unary calls (a listing) and client-streaming ones (an upload), mixed.
                    let outcome = if i % 2 == 0 {
                        let list = rpb::ListResumesRequest {
                            external_candidate_id: format!("c{c}"),
                            ..Default::default()
                        };
                        client.list_resumes(list).await.map(|_| ())
                    } else {
                        let upload = support::upload(&format!("c{i}"), &format!("c{i}.txt"), &resume(i));
                        client.upload(tokio_stream::iter(upload)).await.map(|_| ())
                    };
                    outcomes.push(outcome);
                    i += CALLERS;
                }
                outcomes
            })
        })
        .collect();
    let (mut served, mut shed, mut other) = (0, 0, Vec::new());
    for call in calls {
        let outcomes =
            tokio::time::timeout(Duration::from_secs(60), call).await.expect("no call hangs").expect("task");
        for outcome in outcomes {
            match outcome {
                Ok(()) => served += 1,
                Err(s) if s.code() == Code::ResourceExhausted => shed += 1,
                Err(s) => other.push(format!("{:?}: {}", s.code(), s.message())),
            }
        }
    }
    println!(
        "overload: {CALLERS} callers listing and uploading for {FOR:?} on one connection, capacity {CAPACITY}: {served} served, {shed} shed, {} other failures",
        other.len()
    );
    assert!(other.is_empty(), "{} calls failed otherwise, first: {:?}", other.len(), other.first());
    assert!(shed > 2_000, "only {shed} calls were shed: the test did not overload the server enough");
    assert!(served >= CAPACITY, "only {served} served");
}
