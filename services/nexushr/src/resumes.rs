//! `nexushr resumes upload DIR`: every resume file of a directory to a running server over one
//! UploadBatch stream (files over 3 MiB through Upload, in chunks), with a progress bar and an
//! ETA, resumable after an interruption.
//!
//! Each file's idempotency key is its SHA-256, so a file sent twice (a crash after the server
//! stored it, before the journal line was written) is the same resume, not a duplicate. A
//! journal of finished files (`<data dir>/uploads/<hash of DIR>.jsonl`, one JSON line per file)
//! lets a second run skip what the first one finished.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;
use nexushr_platform::Settings;
use nexushr_proto::resumes::v1::{
    self as pb, resume_ingestion_client::ResumeIngestionClient, upload_batch_result::Outcome,
    upload_request::Part,
};
use sha2::Digest;

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
    let mut client =
        ResumeIngestionClient::new(channel).max_encoding_message_size(BATCH_FILE_MAX + 64 * 1024);
    let started = Instant::now();
    let total = files.len();
    let mut tally = Tally::default();
    // A first pass hashes every file and leaves out what the journal has, before the stream
    // opens (the server's idle timeout never waits on it); files over 3 MiB go through Upload
    // in chunks afterwards.
    let (mut batch, mut large) = (Vec::new(), Vec::new());
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                tally.failed.push(format!("{name}: {e}"));
                continue;
            }
        };
        let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
        if done.contains(&(name.clone(), sha256.clone())) {
            tally.skipped += 1;
        } else if bytes.len() > BATCH_FILE_MAX {
            large.push((path, name, sha256));
        } else {
            batch.push((path, name, sha256));
        }
    }
    let mut answered = 0;
    let mut batch_error = None;
    if !batch.is_empty() {
        // Every item is pending until answered; what is left when the stream ends was not stored.
        let mut pending: HashMap<String, (String, String)> = batch
            .iter()
            .enumerate()
            .map(|(i, (_, name, sha))| (i.to_string(), (name.clone(), sha.clone())))
            .collect();
        let (items, to_send) = tokio::sync::mpsc::channel::<pb::UploadBatchItem>(READ_AHEAD);
        let sender = tokio::spawn(send_files(batch, items));
        let mut request = tonic::Request::new(tokio_stream::wrappers::ReceiverStream::new(to_send));
        authorize(&mut request, api_key.as_deref())?;
        match client.upload_batch(request).await {
            Ok(answers) => {
                let mut answers = answers.into_inner();
                loop {
                    let result = match answers.message().await {
                        Ok(Some(result)) => result,
                        Ok(None) => break,
                        Err(status) => {
                            batch_error = Some(status);
                            break;
                        }
                    };
                    let Some((name, sha256)) = pending.remove(&result.item_id) else { continue };
                    answered += 1;
                    let outcome = match result.outcome {
                        Some(Outcome::Resume(resume)) => Ok(resume.id),
                        Some(Outcome::Refused(r)) => Err((r.code, r.message)),
                        None => Err(("UNKNOWN".to_string(), "no outcome".to_string())),
                    };
                    journal_entry(&mut journal, tally.record(name, sha256, outcome))?;
                    progress(answered + tally.skipped, total, started, "");
                }
            }
            Err(status) => batch_error = Some(status),
        }
        sender.abort();
        let mut left: Vec<(String, String)> = pending.into_values().collect();
        left.sort();
        tally
            .failed
            .extend(left.into_iter().map(|(name, _)| format!("{name}: not stored (the batch ended early)")));
    }
    for (path, name, sha256) in large {
        progress(answered + tally.skipped, total, started, &name);
        let outcome = upload_chunked(&mut client, &path, &name, &sha256, api_key.as_deref())
            .await
            .map_err(|status| (nexushr_platform::code_name(status.code()), status.message().to_string()));
        answered += 1;
        journal_entry(&mut journal, tally.record(name, sha256, outcome))?;
    }
    progress(total, total, started, "");
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    println!(
        "{} uploaded, {} already done, {} refused, {} failed, in {:.1}s (journal {})",
        tally.uploaded,
        tally.skipped,
        tally.refused.len(),
        tally.failed.len(),
        started.elapsed().as_secs_f64(),
        journal_path.display()
    );
    if let Some(status) = &batch_error {
        println!("  the batch stream ended: {:?} {}", status.code(), status.message());
    }
    for line in tally.refused.iter().chain(&tally.failed) {
        println!("  {line}");
    }
    if !tally.failed.is_empty() {
        anyhow::bail!("{} files failed; run the same command again to retry them", tally.failed.len());
    }
    Ok(())
}

/// Appends a final answer to the journal (a transient one is not journaled: retried next run).
fn journal_entry(journal: &mut std::fs::File, entry: Option<Done>) -> anyhow::Result<()> {
    if let Some(entry) = entry {
        writeln!(journal, "{}", serde_json::to_string(&entry)?)?;
        journal.flush()?;
    }
    Ok(())
}

/// Files sent whole in one UploadBatch message; larger ones go through Upload, in chunks.
const BATCH_FILE_MAX: usize = 3 * 1024 * 1024;
/// Files read ahead of the server's answers.
const READ_AHEAD: usize = 8;

/// Codes that refuse a file for good (journaled); any other is transient (retried next run).
const REFUSALS: [&str; 3] = ["INVALID_ARGUMENT", "FAILED_PRECONDITION", "ALREADY_EXISTS"];

#[derive(Default)]
struct Tally {
    uploaded: usize,
    skipped: usize,
    refused: Vec<String>,
    failed: Vec<String>,
}

impl Tally {
    /// Counts one answer; the journal entry when it is final (stored or refused for good).
    fn record(
        &mut self,
        file: String,
        sha256: String,
        outcome: Result<String, (String, String)>,
    ) -> Option<Done> {
        match outcome {
            Ok(resume_id) => {
                self.uploaded += 1;
                Some(Done { file, sha256, resume_id, refused: String::new() })
            }
            Err((code, message)) if REFUSALS.contains(&code.as_str()) => {
                self.refused.push(format!("{file}: {message}"));
                Some(Done { file, sha256, resume_id: String::new(), refused: message })
            }
            Err((code, message)) => {
                self.failed.push(format!("{file}: {code} {message}"));
                None
            }
        }
    }
}

/// Reads each file again and sends it as batch item `index`, a few ahead of the answers; stops
/// when the stream ends. A file that cannot be read now is not sent (it stays pending).
async fn send_files(
    batch: Vec<(PathBuf, String, String)>,
    items: tokio::sync::mpsc::Sender<pb::UploadBatchItem>,
) {
    for (i, (path, name, sha256)) in batch.into_iter().enumerate() {
        let Ok(content) = tokio::fs::read(&path).await else { continue };
        let metadata = metadata(&path, &name, &sha256, content.len());
        let item = pb::UploadBatchItem { item_id: i.to_string(), metadata: Some(metadata), content };
        if items.send(item).await.is_err() {
            break;
        }
    }
}

/// A file's upload metadata: its stem as the candidate id, its SHA-256 as the idempotency key
/// (a file sent twice is the same resume, not a duplicate).
fn metadata(path: &Path, name: &str, sha256: &str, size: usize) -> pb::UploadMetadata {
    pb::UploadMetadata {
        external_candidate_id: path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        idempotency_key: sha256.to_string(),
        file_name: name.to_string(),
        content_type: String::new(),
        size_bytes: size as u64,
    }
}

/// One file through Upload, in chunks; its resume id.
async fn upload_chunked(
    client: &mut ResumeIngestionClient<tonic::transport::Channel>,
    path: &Path,
    name: &str,
    sha256: &str,
    api_key: Option<&str>,
) -> Result<String, tonic::Status> {
    let bytes = std::fs::read(path).map_err(|e| tonic::Status::unavailable(format!("cannot read: {e}")))?;
    let mut messages =
        vec![pb::UploadRequest { part: Some(Part::Metadata(metadata(path, name, sha256, bytes.len()))) }];
    messages.extend(bytes.chunks(CHUNK).map(|c| pb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
    let mut request = tonic::Request::new(tokio_stream::iter(messages));
    authorize(&mut request, api_key).map_err(|e| tonic::Status::invalid_argument(e.to_string()))?;
    Ok(client.upload(request).await?.into_inner().id)
}

fn authorize<T>(request: &mut tonic::Request<T>, api_key: Option<&str>) -> anyhow::Result<()> {
    if let Some(key) = api_key {
        request.metadata_mut().insert("authorization", format!("Bearer {key}").parse()?);
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
