//! `nexushr resumes upload DIR`: every resume file of a directory to a running server, with a
//! progress bar, resumable after an interruption.
//!
//! Each file's idempotency key is its SHA-256, so a file sent twice (a crash after the server
//! stored it, before the journal line was written) is the same resume, not a duplicate. A
//! journal of finished files (`<data dir>/uploads/<hash of DIR>.jsonl`, one JSON line per file)
//! lets a second run skip what the first one finished.

use std::collections::HashSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;
use nexushr_platform::Settings;
use nexushr_proto::resumes::v1::{
    self as pb, resume_ingestion_client::ResumeIngestionClient, upload_request::Part,
};
use sha2::Digest;
use tonic::Code;

#[derive(Subcommand)]
pub(crate) enum ResumesCommand {
    /// Upload every file of DIR (not recursive) to the ResumeIngestion service.
    Upload {
        dir: PathBuf,
        /// The server's gRPC URL; default: the configured gRPC address.
        #[arg(long)]
        server: Option<String>,
        /// An API key (NEXUSHR_API_KEY) for servers that require one.
        #[arg(long, env = "NEXUSHR_API_KEY")]
        api_key: Option<String>,
    },
}

/// Chunks sent per message.
const CHUNK: usize = 256 * 1024;

/// What happened to one file, as the journal records it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Done {
    file: String,
    sha256: String,
    /// The resume id, or empty when the server refused the file.
    resume_id: String,
    /// The refusal, when there was one.
    refused: String,
}

pub(crate) async fn run(settings: &Settings, command: ResumesCommand) -> anyhow::Result<()> {
    let ResumesCommand::Upload { dir, server, api_key } = command;
    let server = server.unwrap_or_else(|| format!("http://{}", settings.grpc_addr));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    files.sort();
    let journal_path = journal_path(settings, &dir)?;
    let done = read_journal(&journal_path)?;
    let mut journal = std::fs::OpenOptions::new().create(true).append(true).open(&journal_path)?;
    let channel = tonic::transport::Channel::from_shared(server.clone())?
        .connect()
        .await
        .map_err(|e| anyhow::anyhow!("cannot reach {server}: {e} (is `nexushr serve` running?)"))?;
    let mut client = ResumeIngestionClient::new(channel).max_encoding_message_size(CHUNK * 2);
    let (mut uploaded, mut skipped, mut refused, mut failed) = (0, 0, Vec::new(), Vec::new());
    let started = Instant::now();
    for (n, path) in files.iter().enumerate() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        progress(n, files.len(), started, &name);
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                failed.push(format!("{name}: {e}"));
                continue;
            }
        };
        let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
        if done.contains(&(name.clone(), sha256.clone())) {
            skipped += 1;
            continue;
        }
        let mut messages = vec![pb::UploadRequest {
            part: Some(Part::Metadata(pb::UploadMetadata {
                external_candidate_id: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                idempotency_key: sha256.clone(),
                file_name: name.clone(),
                content_type: String::new(),
                size_bytes: bytes.len() as u64,
            })),
        }];
        messages
            .extend(bytes.chunks(CHUNK).map(|c| pb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
        let mut request = tonic::Request::new(tokio_stream::iter(messages));
        if let Some(key) = &api_key {
            request.metadata_mut().insert("authorization", format!("Bearer {key}").parse()?);
        }
        let entry = match client.upload(request).await {
            Ok(resume) => {
                uploaded += 1;
                Done { file: name, sha256, resume_id: resume.into_inner().id, refused: String::new() }
            }
            Err(s)
                if matches!(
                    s.code(),
                    Code::InvalidArgument | Code::FailedPrecondition | Code::AlreadyExists
                ) =>
            {
                refused.push(format!("{name}: {}", s.message()));
                Done { file: name, sha256, resume_id: String::new(), refused: s.message().to_string() }
            }
            // Transient (the server is down, busy or overloaded): not journaled, retried next run.
            Err(s) => {
                failed.push(format!("{name}: {:?} {}", s.code(), s.message()));
                continue;
            }
        };
        writeln!(journal, "{}", serde_json::to_string(&entry)?)?;
        journal.flush()?;
    }
    progress(files.len(), files.len(), started, "");
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    println!(
        "{uploaded} uploaded, {skipped} already done, {} refused, {} failed, in {:.1}s (journal {})",
        refused.len(),
        failed.len(),
        started.elapsed().as_secs_f64(),
        journal_path.display()
    );
    for line in refused.iter().chain(&failed) {
        println!("  {line}");
    }
    if !failed.is_empty() {
        anyhow::bail!("{} files failed; run the same command again to retry them", failed.len());
    }
    Ok(())
}

fn journal_path(settings: &Settings, dir: &Path) -> anyhow::Result<PathBuf> {
    let absolute = std::fs::canonicalize(dir)?;
    let key = format!("{:x}", sha2::Sha256::digest(absolute.to_string_lossy().as_bytes()));
    let folder = settings.data_dir.join("uploads");
    std::fs::create_dir_all(&folder)?;
    Ok(folder.join(format!("{}.jsonl", &key[..16])))
}

/// Files finished by earlier runs: (file name, SHA-256). A torn last line is ignored.
fn read_journal(path: &Path) -> anyhow::Result<HashSet<(String, String)>> {
    let Ok(file) = std::fs::File::open(path) else { return Ok(HashSet::new()) };
    Ok(std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<Done>(&l).ok())
        .map(|d| (d.file, d.sha256))
        .collect())
}

/// `[=========>          ]  45/120  37%  12.1 files/s  ETA 00:06  name.pdf` on stderr.
fn progress(done: usize, total: usize, started: Instant, current: &str) {
    const WIDTH: usize = 30;
    if !std::io::stderr().is_terminal() {
        return;
    }
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-3);
    let bar: String = (0..WIDTH)
        .map(|i| {
            if i < filled {
                '='
            } else if i == filled {
                '>'
            } else {
                ' '
            }
        })
        .collect();
    let shown: String = current.chars().take(40).collect();
    let left = (total - done.min(total)) as f64 / rate.max(1e-9);
    let eta = if done == 0 {
        "--:--".to_string()
    } else {
        format!("{:02}:{:02}", left as u64 / 60, left as u64 % 60)
    };
    eprint!(
        "\r[{bar}] {done:>5}/{total:<5} {:>3}%  {rate:>6.1} files/s  ETA {eta}  {shown:<40}",
        (done * 100).checked_div(total).unwrap_or(100)
    );
    let _ = std::io::stderr().flush();
}
