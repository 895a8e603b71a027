//! Settings: built-in defaults, then a TOML file, then environment variables.
//!
//! Stable environment names: `NEXUSHR_DATA_DIR`, `NEXUSHR_GRPC_ADDR`, `NEXUSHR_HTTP_ADDR`, `NEXUSHR_METRICS_ADDR`,
//! `NEXUSHR_DATABASE_URL` (`sqlite://…` or `postgres://…`), `NEXUSHR_KAFKA_BROKERS` (unset: the
//! in-process bus), `QDRANT_URL` (unset: the embedded engine), `QDRANT_API_KEY`, `NEXUSHR_MODEL_DIR`, `NEXUSHR_API_KEYS`
//! (`KEY=TENANT[:admin],…`, `KEY=*:service`; unset: open embedded mode),
//! `NEXUSHR_RESUME_INGESTION_URL` and `NEXUSHR_SERVICE_KEY` (question generation's reads of
//! parsed resumes in distributed mode), `NEXUSHR_ROLE_CATALOG_URL` and
//! `NEXUSHR_QUESTION_GENERATION_URL` (with the first, where the `gateway` binary sends its calls).
//! Nested settings use `__`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where the embedded stores keep their files.
    pub data_dir: PathBuf,
    pub grpc_addr: SocketAddr,
    pub http_addr: SocketAddr,
    /// Where a distributed-mode binary serves Prometheus `/metrics` (port 0: a free port, printed
    /// at start); unset: no metrics port. `nexushr serve` adds them to the gateway's `/metrics`.
    pub metrics_addr: Option<SocketAddr>,
    /// Unset: SQLite at `<data_dir>/nexushr.db`.
    pub database_url: Option<String>,
    /// Unset: the in-process event bus.
    pub kafka_brokers: Option<String>,
    /// Partitions and replication factor of the topics created at startup.
    pub kafka_partitions: i32,
    pub kafka_replication: i32,
    /// Send one record per Kafka batch: needed on tansu 0.6, slower; turn off on Apache Kafka.
    pub kafka_one_record_per_batch: bool,
    /// Unset: the embedded vector engine.
    pub qdrant_url: Option<String>,
    pub qdrant_api_key: Option<String>,
    /// The sentence-embedding model's directory. Unset: `$NEXUSHR_MODEL_DIR`, else the cache
    /// `scripts/fetch-data.sh model` fills. Without the model, ranking is lexical only.
    pub model_dir: Option<PathBuf>,
    /// Derived data that depends only on versions (the question bank's vectors per model).
    /// Unset: `~/.cache/nexushr/derived`, or `<data_dir>/cache` without a home directory.
    pub cache_dir: Option<PathBuf>,
    /// An OpenAI-compatible chat completions endpoint for extra tailored questions (base URL,
    /// e.g. `https://api.openai.com/v1`); unset: kits come from the bank only.
    pub llm_url: Option<String>,
    pub llm_model: String,
    pub llm_api_key: Option<String>,
    pub llm_timeout_ms: u64,
    /// Largest resume file accepted, in bytes.
    pub max_upload_bytes: usize,
    /// gRPC calls in flight per server before new ones are shed with RESOURCE_EXHAUSTED.
    pub max_in_flight: usize,
    /// `KEY=TENANT[:admin]` entries separated by commas (`KEY=*:service` for the services'
    /// calls to each other); empty: no authentication.
    pub api_keys: String,
    /// Resume ingestion's gRPC address (`http://host:port`), where distributed question
    /// generation reads the parse of a resume its ResumeParsed event names (events carry no
    /// personal data). Unset in embedded mode, where the read is in process.
    pub resume_ingestion_url: Option<String>,
    /// Role catalog's and question generation's gRPC addresses, where the `gateway` binary sends
    /// the HTTP API's calls (comma-separated addresses for replicas; resume ingestion's is
    /// `resume_ingestion_url`). Unused by the other binaries.
    pub role_catalog_url: Option<String>,
    pub question_generation_url: Option<String>,
    /// The service key (`NEXUSHR_API_KEYS` entry `KEY=*:service`) those reads present; unset
    /// when the other service has no keys.
    pub service_key: Option<String>,
    /// The tenant of unauthenticated calls in open (embedded) mode.
    pub default_tenant: String,
    /// Load the bundled catalog into an empty database on start.
    pub load_bundled_catalog: bool,
    pub log_json: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from(".nexushr"),
            grpc_addr: SocketAddr::from(([127, 0, 0, 1], 50051)),
            http_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            metrics_addr: Some(SocketAddr::from(([127, 0, 0, 1], 0))),
            database_url: None,
            kafka_brokers: None,
            kafka_partitions: 3,
            kafka_replication: 1,
            kafka_one_record_per_batch: true,
            qdrant_url: None,
            qdrant_api_key: None,
            model_dir: None,
            cache_dir: None,
            llm_url: None,
            llm_model: "gpt-4o-mini".into(),
            llm_api_key: None,
            llm_timeout_ms: 8000,
            max_upload_bytes: 10 * 1024 * 1024,
            max_in_flight: crate::grpc::DEFAULT_MAX_IN_FLIGHT,
            api_keys: String::new(),
            resume_ingestion_url: None,
            role_catalog_url: None,
            question_generation_url: None,
            service_key: None,
            default_tenant: "default".into(),
            load_bundled_catalog: true,
            log_json: false,
        }
    }
}

impl Settings {
    /// Loads defaults, then `file` (if given; else the file `NEXUSHR_CONFIG` names; else
    /// `nexushr.toml` in the working directory if it exists), then the environment. Every
    /// binary loads its settings this way, so `NEXUSHR_CONFIG` works for all of them.
    pub fn load(file: Option<&Path>) -> Result<Self, Box<figment::Error>> {
        let mut fig = Figment::from(Serialized::defaults(Settings::default()));
        let named =
            std::env::var_os("NEXUSHR_CONFIG").filter(|f| !f.is_empty()).map(std::path::PathBuf::from);
        match file.or(named.as_deref()) {
            Some(path) => fig = fig.merge(Toml::file_exact(path)),
            None if Path::new("nexushr.toml").exists() => fig = fig.merge(Toml::file("nexushr.toml")),
            None => {}
        }
        fig = fig
            .merge(Env::prefixed("NEXUSHR_").split("__").ignore(&["config"]))
            .merge(Env::raw().only(&["QDRANT_URL", "QDRANT_API_KEY"]));
        fig.extract().map_err(Box::new)
    }

    /// Where the process's outbox goes: Kafka when brokers are configured, else the in-process
    /// log.
    pub fn outbox_target(&self) -> nexushr_events::relay::OutboxTarget {
        nexushr_events::relay::OutboxTarget {
            brokers: self.kafka_brokers.clone(),
            partitions: self.kafka_partitions,
            replication: self.kafka_replication,
            one_record_per_batch: self.kafka_one_record_per_batch,
        }
    }

    /// The cache directory in effect.
    pub fn cache_dir(&self) -> PathBuf {
        self.cache_dir.clone().unwrap_or_else(|| match std::env::var_os("HOME") {
            Some(home) => PathBuf::from(home).join(".cache/nexushr/derived"),
            None => self.data_dir.join("cache"),
        })
    }

    /// The database URL in effect.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("nexushr.db").display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)]
    fn layers_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("n.toml", "grpc_addr = \"127.0.0.1:6000\"\napi_keys = \"from-file\"")?;
            jail.set_env("NEXUSHR_API_KEYS", "from-env");
            jail.set_env("QDRANT_URL", "http://127.0.0.1:6334");
            let s = Settings::load(Some(Path::new("n.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(s.grpc_addr.port(), 6000);
            assert_eq!(s.api_keys, "from-env");
            assert_eq!(s.qdrant_url.as_deref(), Some("http://127.0.0.1:6334"));
            assert_eq!(s.http_addr.port(), 8080);
            assert!(s.database_url().starts_with("sqlite://"));
            Ok(())
        });
    }

    #[test]
    #[allow(clippy::result_large_err)]
    fn nexushr_config_names_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("named.toml", "grpc_addr = \"127.0.0.1:6001\"")?;
            jail.create_file("nexushr.toml", "grpc_addr = \"127.0.0.1:6002\"")?;
            jail.set_env("NEXUSHR_CONFIG", "named.toml");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.grpc_addr.port(), 6001, "NEXUSHR_CONFIG wins over ./nexushr.toml");
            jail.set_env("NEXUSHR_CONFIG", "missing.toml");
            assert!(Settings::load(None).is_err(), "a named file that is missing is an error");
            Ok(())
        });
    }
}
