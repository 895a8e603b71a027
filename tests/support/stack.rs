//! The distributed stack's processes, for the distributed test and the load benchmark: each
//! service binary started as its own process on PostgreSQL (a schema of its own), the
//! Kafka-protocol broker and the Qdrant server, killed when dropped; and clients of them (gRPC,
//! the gateway's HTTP API).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use sqlx::Connection;

/// A service process, killed when dropped.
pub struct Service {
    pub child: Child,
    /// Its gRPC address (the gateway: its HTTP address), `host:port`.
    pub addr: String,
    /// Its Prometheus endpoint (`host:port`).
    pub metrics: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the stack's shared parts are: from the environment `scripts/test.sh` sets.
pub struct Backing {
    pub database: String,
    pub brokers: String,
    pub qdrant: String,
}

impl Backing {
    /// The PostgreSQL, broker and Qdrant server of the test command; fails without a Qdrant
    /// server, never skips.
    pub fn from_env() -> Self {
        Self {
            database: std::env::var("NEXUSHR_TEST_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into()),
            brokers: std::env::var("NEXUSHR_TEST_KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into()),
            qdrant: std::env::var("NEXUSHR_TEST_QDRANT_URL")
                .expect("NEXUSHR_TEST_QDRANT_URL names no Qdrant server (scripts/test.sh starts one)"),
        }
    }

    /// A fresh PostgreSQL schema of the test database, as a URL whose connections use it.
    pub async fn schema(&self) -> String {
        let base = &self.database;
        let schema = format!("nexushr_e2e_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(base)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL at {base} is required: {e}"));
        sqlx::query(&format!("CREATE SCHEMA {schema}")).execute(&mut admin).await.expect("create schema");
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}options=-c%20search_path%3D{schema}")
    }

    /// Replica `n` of the binary `bin` on `database`, with its own data dir under `data`;
    /// `env` adds settings. Waits for its address and metrics lines.
    pub fn start(&self, bin: &Path, n: u32, database: &str, data: &Path, env: &[(&str, &str)]) -> Service {
        let name = bin.file_name().and_then(|n| n.to_str()).unwrap_or("service").to_string();
        let mut child = Command::new(bin)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", std::env::var("HOME").unwrap_or_default())
            .env("NEXUSHR_DATA_DIR", data.join(format!("{name}-{n}")))
            .env("NEXUSHR_GRPC_ADDR", "127.0.0.1:0")
            .env("NEXUSHR_DATABASE_URL", database)
            .env("NEXUSHR_KAFKA_BROKERS", &self.brokers)
            .env("QDRANT_URL", &self.qdrant)
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", bin.display()));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // The services' gRPC address, or the gateway's HTTP one.
                if let Some(addr) =
                    line.split("grpc://").nth(1).or_else(|| line.split("http on http://").nth(1))
                {
                    let _ = tx.send((true, addr.trim().to_string()));
                }
                if let Some(addr) = line.split("metrics on http://").nth(1) {
                    let _ = tx.send((false, addr.trim().trim_end_matches("/metrics").to_string()));
                }
            }
        });
        let (mut addr, mut metrics) = (None, None);
        while addr.is_none() || metrics.is_none() {
            match rx.recv_timeout(Duration::from_secs(300)) {
                Ok((true, a)) => addr = Some(a),
                Ok((false, m)) => metrics = Some(m),
                Err(_) => panic!("{name} did not start (or printed no metrics address)"),
            }
        }
        Service { child, addr: addr.unwrap_or_default(), metrics: metrics.unwrap_or_default() }
    }
}

/// The workspace binary `name` in `dir`, which must have been built.
pub fn binary_in(dir: &Path, name: &str) -> PathBuf {
    let bin = dir.join(name);
    assert!(bin.exists(), "{} is missing: build the workspace's binaries first", bin.display());
    bin
}

/// A gRPC channel to `addr` (`host:port`), connected.
pub async fn connect(addr: &str) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .expect("uri")
        .connect()
        .await
        .expect("connect")
}

/// The gateway's HTTP API at `host:port`.
pub struct Http {
    base: String,
    client: reqwest::Client,
}

impl Http {
    pub fn new(addr: &str) -> Self {
        Self { base: format!("http://{addr}"), client: reqwest::Client::new() }
    }

    /// `method path` with a JSON body, without a key: the status and the JSON answer.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        self.call_as(None, method, path, body).await
    }

    /// [`Http::call`] with `Authorization: Bearer KEY` when `key` is given.
    pub async fn call_as(
        &self,
        key: Option<&str>,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        if let Some(key) = key {
            req = req.bearer_auth(key);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let answer = req.send().await.expect("the gateway answers");
        let status = answer.status().as_u16();
        (status, answer.json().await.expect("a JSON answer"))
    }

    /// A PDF uploaded to `path`: the status and the JSON answer.
    pub async fn upload(&self, path: &str, file: Vec<u8>) -> (u16, serde_json::Value) {
        let answer = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/pdf")
            .body(file)
            .send()
            .await
            .expect("the gateway answers");
        let status = answer.status().as_u16();
        (status, answer.json().await.expect("a JSON answer"))
    }
}
