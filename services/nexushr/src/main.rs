//! `nexushr`: the all-in-one server of the embedded mode and the command line for people.

mod parse;
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
    },
    /// Browse the role catalog.
    Roles {
        #[command(subcommand)]
        command: roles::RolesCommand,
    },
    /// Parse a resume file (format told from its content) and print it as JSON.
    Parse {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: parse::OutputFormat,
    },
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut settings = Settings::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve { grpc_addr } => {
            if let Some(addr) = grpc_addr {
                settings.grpc_addr = addr;
            }
            let _telemetry = nexushr_telemetry::init("nexushr", settings.log_json)?;
            serve(settings).await
        }
        Command::Roles { command } => {
            let store = nexushr_role_catalog::server::open_store(&settings).await?;
            roles::run(store.as_ref(), &settings, command).await
        }
        Command::Parse { file, format } => parse::run(&file, format),
        Command::Import { source, path } => {
            settings.load_bundled_catalog = false;
            let store = SqlRoleStore::connect(&settings.database_url()).await?;
            import_dataset(&store, source, path).await
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    // Scripts and tests read the "nexushr listening on grpc://ADDR" line to learn the port.
    nexushr_role_catalog::server::run(&settings, "nexushr").await
}

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
