//! `nexushr`: the all-in-one server of the embedded mode and the command line for people.

mod parse;
mod questions;
mod resumes;
mod roles;

use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use nexushr_catalog_store::{ImportFormat, RoleStore, SqlRoleStore, import, parse_dataset, read_oews};
use nexushr_platform::Settings;

#[derive(Parser)]
#[command(
    name = "nexushr",
    version,
    about = "AI-assisted recruiting backend: role catalog, resumes, interview kits"
)]
struct Cli {
    /// A TOML settings file (defaults, then this file, then NEXUSHR_* variables).
    #[arg(long, global = true, env = "NEXUSHR_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run every service in one process on one gRPC port (embedded stores by default).
    Serve {
        /// Override the gRPC address (NEXUSHR_GRPC_ADDR).
        #[arg(long)]
        grpc_addr: Option<std::net::SocketAddr>,
        /// Override the HTTP gateway and dashboard address (NEXUSHR_HTTP_ADDR).
        #[arg(long)]
        http_addr: Option<std::net::SocketAddr>,
    },
    /// Browse the role catalog.
    Roles {
        #[command(subcommand)]
        command: roles::RolesCommand,
    },
    /// Send resumes to a running server.
    Resumes {
        #[command(subcommand)]
        command: resumes::ResumesCommand,
    },
    /// Parse resume files (format told from their content) and print them as JSON: one file
    /// pretty-printed, several files or a folder as JSON Lines. Exits non-zero when a file is
    /// refused (unsupported, malformed, encrypted, too large or without text), with the reason
    /// on stderr.
    Parse {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: parse::OutputFormat,
        /// JSON Lines even for one file.
        #[arg(long)]
        jsonl: bool,
    },
    /// An interview kit for a resume file and a role, ranked and explained.
    Questions {
        /// Role slug or id, e.g. backend-developer.
        #[arg(long)]
        role: String,
        /// The resume file (PDF, DOCX, ODT, HTML, Markdown, text, RTF).
        #[arg(long)]
        resume: PathBuf,
        #[arg(long, default_value_t = 10)]
        count: usize,
        #[arg(long, value_enum, default_value = "md")]
        format: questions::KitFormat,
        /// The kit's language: en, pt-BR or es-MX (default: the resume's).
        #[arg(long)]
        language: Option<String>,
    },
    /// One kit per interviewer of a loop, with the coverage table: every requirement area and
    /// competency of the role covered once, no question twice.
    Loop {
        /// Role slug or id, e.g. backend-developer.
        #[arg(long)]
        role: String,
        /// The resume file (PDF, DOCX, ODT, HTML, Markdown, text, RTF).
        #[arg(long)]
        resume: PathBuf,
        /// The interviews, in order: screen, technical, system-design, behavioral (default: all).
        #[arg(long, value_delimiter = ',')]
        stages: Vec<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: questions::KitFormat,
        /// The kits' language: en, pt-BR or es-MX (default: the resume's).
        #[arg(long)]
        language: Option<String>,
    },
    /// The main job end to end on bundled data: parse a sample resume, print a Backend Developer kit.
    Demo,
    /// Load a public dataset into the catalog.
    Import {
        source: ImportSource,
        /// The dataset file (not needed for `bundled`).
        path: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportSource {
    /// ESCO occupations.csv
    Esco,
    /// O*NET "Occupation Data.txt"
    Onet,
    /// BLS OEWS SQLite snapshot
    Oews,
    /// A JSON array of NexusHR roles
    Roles,
    /// The catalog bundled with NexusHR
    Bundled,
}

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

fn main() -> anyhow::Result<()> {
    // A reader that stops reading (`nexushr roles get X | head -1`) closes the pipe, and Rust's
    // `println!` panics on the write after it: that is the reader leaving, not a fault. The
    // process ends quietly with the status a shell reports for a tool stopped by SIGPIPE.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied());
        if message.is_some_and(|m| m.starts_with("failed printing to std") && m.contains("Broken pipe")) {
            std::process::exit(141);
        }
        report(info);
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        // A parse needs no runtime, settings or stores, so it starts in a few milliseconds.
        Command::Parse { files, format, jsonl } => parse::run(&files, format, jsonl),
        command => tokio::runtime::Runtime::new()?.block_on(run(cli.config, command)),
    };
    match result {
        // The reader went away (`nexushr parse … | head`): nothing is wrong, nothing to say.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        result => result,
    }
}

async fn run(config: Option<PathBuf>, command: Command) -> anyhow::Result<()> {
    let mut settings = Settings::load(config.as_deref())?;
    match command {
        Command::Serve { grpc_addr, http_addr } => {
            if let Some(addr) = grpc_addr {
                settings.grpc_addr = addr;
            }
            if let Some(addr) = http_addr {
                settings.http_addr = addr;
            }
            let _telemetry = nexushr_telemetry::init("nexushr", settings.log_json)?;
            serve(settings).await
        }
        Command::Roles { command } => {
            let store = nexushr_role_catalog::server::open_store(&settings).await?;
            roles::run(store.as_ref(), &settings, command).await
        }
        Command::Parse { files, format, jsonl } => parse::run(&files, format, jsonl),
        Command::Resumes { command } => resumes::run(&settings, command).await,
        Command::Questions { role, resume, count, format, language } => {
            questions::run(&settings, &role, &resume, count, format, language.as_deref()).await
        }
        Command::Loop { role, resume, stages, format, language } => {
            questions::plan_loop(&settings, &role, &resume, &stages, format, language.as_deref()).await
        }
        Command::Demo => questions::demo(&settings).await,
        Command::Import { source, path } => {
            settings.load_bundled_catalog = false;
            let store = SqlRoleStore::connect(&settings.database_url()).await?;
            import_dataset(&store, source, path).await
        }
    }
}

/// Question generation's reads of the resumes its events name, in process: resume ingestion's
/// own GetResume, for the event's tenant.
struct InProcessResumes(nexushr_resume_ingestion::ResumeService);

#[async_trait::async_trait]
impl nexushr_question_generation::resumes::ResumeSource for InProcessResumes {
    async fn candidate(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<nexushr_domain::candidate::Candidate>, nexushr_question_generation::resumes::SourceError>
    {
        use nexushr_proto::resumes::v1::resume_ingestion_server::ResumeIngestion as _;
        use nexushr_question_generation::resumes::{SourceError, from_get_resume};
        let id_of_tenant =
            nexushr_domain::TenantId::parse(tenant).map_err(|e| SourceError::Refused(e.reason))?;
        // As the gRPC interceptor hands a request over: with the caller's tenant.
        let mut req =
            tonic::Request::new(nexushr_proto::resumes::v1::GetResumeRequest { id: id.to_string() });
        req.extensions_mut().insert(nexushr_domain::Tenant { id: id_of_tenant, admin: false });
        from_get_resume(self.0.get_resume(req).await.map(tonic::Response::into_inner))
    }
}

/// The catalog, resume ingestion and question generation on one gRPC port, over one database, one vector store
/// and one event log. Scripts and tests read the "nexushr listening on grpc://ADDR" line.
async fn serve(settings: Settings) -> anyhow::Result<()> {
    use nexushr_question_generation::server as questions;
    use nexushr_role_catalog::server as catalog;
    let store = catalog::open_store(&settings).await?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let events = catalog::start_events(&store, &settings, stopped.clone()).await?;
    let vectors = nexushr_vector_store::Vectors::open(&catalog::vector_settings(&settings))?;
    let index = catalog::open_index(store.as_ref(), vectors.clone()).await?;
    let question_store = nexushr_question_generation::store::QuestionStore::new(store.pool().clone()).await?;
    let service = questions::build(
        nexushr_question_generation::roles::CatalogRoles::shared(store.clone()),
        question_store,
        vectors.clone(),
        &settings,
    )
    .await?;
    let resumes = nexushr_resume_ingestion::server::build(store.pool().clone(), &settings).await?;
    let consumer = questions::start_consumer(
        service.clone(),
        std::sync::Arc::new(InProcessResumes(resumes.clone())),
        store.pool().clone(),
        &settings,
        stopped,
    )?;
    let keys = nexushr_platform::ApiKeys::parse(&settings.api_keys, &settings.default_tenant)?;
    let routes = catalog::routes(store.clone(), Some(index), &settings).await?;
    let routes = questions::add_routes(routes, service, &keys);
    let routes = nexushr_resume_ingestion::server::add_routes(routes, resumes, &keys);
    let routes = nexushr_platform::grpc::reflection_routes(routes)?;
    let listener = tokio::net::TcpListener::bind(settings.grpc_addr).await?;
    let addr = listener.local_addr()?;
    // The gateway is a gRPC client of this process, as it is of the services in distributed mode.
    let gateway = nexushr_gateway::Gateway::new(
        nexushr_gateway::Upstreams::one(&format!("http://{}", loopback(addr)))?,
        settings.max_upload_bytes,
    )
    .with_extra_metrics(pipeline_metrics(store.pool().clone()));
    let http = tokio::net::TcpListener::bind(settings.http_addr).await?;
    let http_addr = http.local_addr()?;
    println!("nexushr http on http://{http_addr}");
    let (http_done, mut http_drained) = tokio::sync::watch::channel(false);
    let mut http_task = tokio::spawn(async move {
        if let Err(e) = axum::serve(http, nexushr_gateway::router(std::sync::Arc::new(gateway)))
            .with_graceful_shutdown(nexushr_platform::grpc::shutdown_signal())
            .await
        {
            tracing::error!(error = %e, "http gateway stopped");
        }
        let _ = http_done.send(true);
    });
    // HTTP requests in flight call this gRPC server, so it drains after them (within the bound).
    let grpc_shutdown = async move {
        nexushr_platform::grpc::shutdown_signal().await;
        let _ = tokio::time::timeout(HTTP_DRAIN, http_drained.wait_for(|done| *done)).await;
    };
    tracing::info!(%addr, data_dir = %settings.data_dir.display(), ranking = vectors.mode(), "nexushr serving gRPC");
    println!("nexushr listening on grpc://{addr}");
    nexushr_platform::grpc::serve_with_limit(listener, routes, grpc_shutdown, settings.max_in_flight).await?;
    // SIGTERM drains HTTP first: the gateway stops accepting and finishes the requests it has,
    // within the same bound a Kubernetes grace period leaves; then gRPC drains.
    if tokio::time::timeout(std::time::Duration::from_secs(1), &mut http_task).await.is_err() {
        tracing::warn!(seconds = HTTP_DRAIN.as_secs(), "HTTP requests still running after the drain bound");
        http_task.abort();
    }
    let _ = stop.send(true);
    let _ = events.await;
    let _ = consumer.await;
    Ok(())
}

/// Where this process answers on `addr`: a wildcard address becomes loopback.
fn loopback(addr: std::net::SocketAddr) -> std::net::SocketAddr {
    match addr.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            (std::net::Ipv4Addr::LOCALHOST, addr.port()).into()
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            (std::net::Ipv6Addr::LOCALHOST, addr.port()).into()
        }
        _ => addr,
    }
}

/// More lines for the gateway's `/metrics` in `serve`: the event pipeline's outbox and dead letters
/// (rows the relay or the in-process consumers' compaction has not moved yet). The process's
/// registry (gRPC servers, consumers, relays, the gateway) follows them.
fn pipeline_metrics(pool: sqlx::AnyPool) -> nexushr_gateway::ExtraMetrics {
    Box::new(move || {
        let pool = pool.clone();
        Box::pin(async move {
            let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE topic NOT LIKE '%.dlq'")
                .fetch_one(&pool)
                .await
                .unwrap_or(-1);
            let dead: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE topic LIKE '%.dlq'")
                .fetch_one(&pool)
                .await
                .unwrap_or(-1);
            format!(
                "# HELP nexushr_outbox_events Events in the outbox log not yet compacted or relayed.\n# TYPE nexushr_outbox_events gauge\nnexushr_outbox_events {pending}\n\
                 # HELP nexushr_dead_letters Events that went to a dead-letter topic.\n# TYPE nexushr_dead_letters gauge\nnexushr_dead_letters {dead}\n"
            )
        })
    })
}

/// How long `serve` waits for in-flight HTTP requests after SIGTERM.
const HTTP_DRAIN: std::time::Duration = std::time::Duration::from_secs(25);

async fn import_dataset(
    store: &dyn RoleStore,
    source: ImportSource,
    path: Option<PathBuf>,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let need_path =
        || path.clone().ok_or_else(|| anyhow::anyhow!("give the dataset file: nexushr import SOURCE PATH"));
    let records = match source {
        ImportSource::Bundled => nexushr_role_catalog::bundled_records()?,
        ImportSource::Oews => read_oews(&need_path()?).await?,
        ImportSource::Esco | ImportSource::Onet | ImportSource::Roles => {
            let format = match source {
                ImportSource::Esco => ImportFormat::EscoCsv,
                ImportSource::Onet => ImportFormat::OnetOccupationData,
                _ => ImportFormat::RolesJson,
            };
            let path = need_path()?;
            let data = std::fs::read(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            parse_dataset(format, &data)?
        }
    };
    let read = records.len();
    let stats = import(store, records, chrono::Utc::now(), &nexushr_role_catalog::system_change).await?;
    println!(
        "imported {read} records: {} created, {} updated, {} unchanged, {} skipped in {:.2}s",
        stats.created,
        stats.updated,
        stats.unchanged,
        stats.skipped,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
