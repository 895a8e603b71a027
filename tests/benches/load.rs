//! Load and overload against a real `nexushr serve` process (embedded mode: SQLite,
//! qdrant-edge, the real model), or against the distributed stack (`NEXUSHR_LOAD_STACK=distributed`:
//! role-catalog, resume-ingestion and two question-generation replicas as their own processes on
//! PostgreSQL, the Kafka-protocol broker and the Qdrant server), over gRPC:
//!
//! 1. Hold a stated rate (open loop: calls start on schedule whether or not earlier ones
//!    finished) of a mix of GetResume 40%, ListResumes 20%, Generate 30% and Upload 10% for
//!    the stated time, printing every 10 s the achieved rate, errors, p99 and the server's RSS.
//! 2. Overload: a second server with `NEXUSHR_MAX_IN_FLIGHT=32` under 400 concurrent Generate
//!    callers for 10 s: calls past capacity must come back RESOURCE_EXHAUSTED at once.
//!
//!     cargo build --release --bin nexushr
//!    cargo bench -p nexushr-tests --bench load
//!    (NEXUSHR_BIN, NEXUSHR_LOAD_RATE=calls/s (default 150), NEXUSHR_LOAD_SECONDS (default 600))
//!
//! The distributed stack (phase 1 only; the broker, PostgreSQL and a Qdrant server as
//! `scripts/test.sh` starts them: `NEXUSHR_TEST_DATABASE_URL`, `NEXUSHR_TEST_KAFKA_BROKERS`,
//! `NEXUSHR_TEST_QDRANT_URL`):
//!
//!    cargo build --release -p nexushr-role-catalog -p nexushr-resume-ingestion \
//!      -p nexushr-question-generation --features distributed --bins
//!    NEXUSHR_LOAD_STACK=distributed cargo bench -p nexushr-tests --bench load
//!    (NEXUSHR_LOAD_BIN_DIR: where the binaries are, default target/release)

#[path = "../support/stack.rs"]
#[allow(dead_code)] // the bench uses the processes and gRPC, not metrics or HTTP
mod stack;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nexushr_proto::questions::v1::{
    GenerateRequest, generate_request::Candidate, question_generation_client::QuestionGenerationClient,
};
use nexushr_proto::resumes::v1::{
    self as rpb, resume_ingestion_client::ResumeIngestionClient, upload_request::Part,
};
use tonic::transport::Channel;

const ROLES: &[&str] =
    &["backend-developer", "software-developer", "database-designer", "ict-system-architect"];

struct Server {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(max_in_flight: Option<usize>) -> Server {
    let bin = std::env::var("NEXUSHR_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/nexushr"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(&bin);
    cmd.args(["serve", "--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"])
        .env("NEXUSHR_DATA_DIR", dir.path())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(n) = max_in_flight {
        cmd.env("NEXUSHR_MAX_IN_FLIGHT", n.to_string());
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (cargo build --release --bin nexushr)", bin.display()));
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(addr) = line.strip_prefix("nexushr listening on grpc://") {
                let _ = tx.send(addr.trim().to_string());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(600)).expect("server started");
    Server { child, addr, _dir: dir }
}

/// The processes under load, stopped when dropped.
enum Processes {
    Embedded(Server),
    Distributed(Vec<(String, stack::Service)>),
}

impl Processes {
    /// Each process's resident memory, MiB.
    fn rss(&self) -> Vec<(String, f64)> {
        match self {
            Processes::Embedded(server) => vec![("nexushr".into(), rss_mib(server.child.id()))],
            Processes::Distributed(all) => {
                all.iter().map(|(name, s)| (name.clone(), rss_mib(s.child.id()))).collect()
            }
        }
    }
}

fn show(rss: &[(String, f64)]) -> String {
    rss.iter().map(|(name, mib)| format!("{name} {mib:.0} MiB")).collect::<Vec<_>>().join(", ")
}

/// role-catalog, resume-ingestion and two question-generation replicas (the Kubernetes
/// default), each on its own PostgreSQL schema (the replicas share theirs), the broker and the
/// Qdrant server; question generation's calls balanced over the replicas.
async fn start_distributed(data: &std::path::Path) -> (Processes, Targets) {
    let bins = std::env::var("NEXUSHR_LOAD_BIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release"));
    let backing = stack::Backing::from_env();
    let catalog =
        backing.start(&stack::binary_in(&bins, "role-catalog"), 1, &backing.schema().await, data, &[]);
    let resumes =
        backing.start(&stack::binary_in(&bins, "resume-ingestion"), 1, &backing.schema().await, data, &[]);
    let ingestion_url = format!("http://{}", resumes.addr);
    let env = [("NEXUSHR_RESUME_INGESTION_URL", ingestion_url.as_str())];
    let qg_bin = stack::binary_in(&bins, "question-generation");
    let qg_database = backing.schema().await;
    let replicas: Vec<stack::Service> =
        (1..=2).map(|n| backing.start(&qg_bin, n, &qg_database, data, &env)).collect();
    let endpoints = replicas
        .iter()
        .map(|r| tonic::transport::Endpoint::from_shared(format!("http://{}", r.addr)).expect("uri"));
    let targets =
        Targets { resumes: stack::connect(&resumes.addr).await, questions: Channel::balance_list(endpoints) };
    let mut processes =
        vec![("role-catalog".to_string(), catalog), ("resume-ingestion".to_string(), resumes)];
    processes
        .extend(replicas.into_iter().enumerate().map(|(i, r)| (format!("question-generation-{}", i + 1), r)));
    (Processes::Distributed(processes), targets)
}

fn rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn upload_messages(pdf: &[u8], key: String) -> Vec<rpb::UploadRequest> {
    let mut m = vec![rpb::UploadRequest {
        part: Some(Part::Metadata(rpb::UploadMetadata {
            external_candidate_id: "load".into(),
            idempotency_key: key,
            file_name: "resume.pdf".into(),
            content_type: String::new(),
            size_bytes: pdf.len() as u64,
        })),
    }];
    m.extend(pdf.chunks(256 * 1024).map(|c| rpb::UploadRequest { part: Some(Part::Chunk(c.to_vec())) }));
    m
}

#[derive(Default)]
struct Stats {
    latencies: BTreeMap<&'static str, Vec<f64>>,
    errors: BTreeMap<String, u64>,
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// Where the calls go: resume ingestion's and question generation's channels (one server's in
/// embedded mode; question generation's balanced over its replicas in distributed mode).
#[derive(Clone)]
struct Targets {
    resumes: Channel,
    questions: Channel,
}

async fn one_call(
    kind: &'static str,
    n: u64,
    targets: Targets,
    ids: Arc<Vec<String>>,
    pdfs: Arc<Vec<Vec<u8>>>,
) -> Result<(), tonic::Status> {
    let id = ids[(n as usize * 7919) % ids.len()].clone();
    let Targets { resumes: channel, questions } = targets;
    match kind {
        "get" => {
            ResumeIngestionClient::new(channel).get_resume(rpb::GetResumeRequest { id }).await.map(|_| ())
        }
        "list" => ResumeIngestionClient::new(channel)
            .list_resumes(rpb::ListResumesRequest::default())
            .await
            .map(|_| ()),
        "generate" => {
            let req = GenerateRequest {
                role: ROLES[n as usize % ROLES.len()].into(),
                candidate: Some(Candidate::ResumeId(id)),
                count: Some(10),
                ..Default::default()
            };
            QuestionGenerationClient::new(questions).generate(req).await.map(|_| ())
        }
        _ => {
            let pdf = &pdfs[n as usize % pdfs.len()];
            let msgs = upload_messages(pdf, format!("load-{n}"));
            ResumeIngestionClient::new(channel).upload(tokio_stream::iter(msgs)).await.map(|_| ())
        }
    }
}

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

#[tokio::main]
async fn main() {
    let rate: u64 = std::env::var("NEXUSHR_LOAD_RATE").ok().and_then(|v| v.parse().ok()).unwrap_or(150);
    let seconds: u64 = std::env::var("NEXUSHR_LOAD_SECONDS").ok().and_then(|v| v.parse().ok()).unwrap_or(600);
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/resumes");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&corpus).expect("corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let pdfs: Arc<Vec<Vec<u8>>> =
        Arc::new(files.iter().take(40).map(|f| std::fs::read(f).expect("pdf")).collect());

    let distributed = std::env::var("NEXUSHR_LOAD_STACK").is_ok_and(|v| v == "distributed");
    let scratch = tempfile::tempdir().expect("temp dir");
    let (processes, targets) = if distributed {
        start_distributed(scratch.path()).await
    } else {
        let server = start(None);
        let channel = stack::connect(&server.addr).await;
        (Processes::Embedded(server), Targets { resumes: channel.clone(), questions: channel })
    };
    let channel = targets.resumes.clone();
    // Resumes to read and generate for; each is prepared from its ResumeParsed event.
    let mut ids = Vec::new();
    for (i, pdf) in pdfs.iter().take(20).enumerate() {
        let r = ResumeIngestionClient::new(channel.clone())
            .upload(tokio_stream::iter(upload_messages(pdf, format!("seed-{i}"))))
            .await;
        ids.push(r.expect("seed upload").into_inner().id);
    }
    for id in &ids {
        let started = Instant::now();
        while one_call("generate", 0, targets.clone(), Arc::new(vec![id.clone()]), pdfs.clone())
            .await
            .is_err()
        {
            assert!(started.elapsed() < Duration::from_secs(60), "resume {id} never prepared");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let ids = Arc::new(ids);
    let rss_start = processes.rss();
    println!(
        "load ({}): {rate} calls/s for {seconds} s (get 40%, list 20%, generate 30%, upload 10%); RSS {}",
        if distributed { "distributed" } else { "embedded" },
        show(&rss_start)
    );

    let stats = Arc::new(Mutex::new(Stats::default()));
    let started = Instant::now();
    let mut ticker = tokio::time::interval(Duration::from_micros(1_000_000 / rate.max(1)));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut n: u64 = 0;
    let mut next_report = 10;
    let mut rss_max = rss_start.clone();
    let mut handles = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        ticker.tick().await;
        n += 1;
        let kind = match n % 10 {
            0..=3 => "get",
            4 | 5 => "list",
            6..=8 => "generate",
            _ => "upload",
        };
        let (targets, ids, pdfs, shared) = (targets.clone(), ids.clone(), pdfs.clone(), stats.clone());
        handles.push(tokio::spawn(async move {
            let t = Instant::now();
            let result = one_call(kind, n, targets, ids, pdfs).await;
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let mut s = shared.lock().expect("stats");
            s.latencies.entry(kind).or_default().push(ms);
            if let Err(e) = result {
                *s.errors.entry(format!("{kind} {:?}", e.code())).or_default() += 1;
            }
        }));
        if started.elapsed().as_secs() >= next_report {
            next_report += 10;
            handles.retain(|h| !h.is_finished());
            let rss = processes.rss();
            for ((_, max), (_, now)) in rss_max.iter_mut().zip(&rss) {
                *max = max.max(*now);
            }
            let s = stats.lock().expect("stats");
            let mut all: Vec<f64> = s.latencies.values().flatten().copied().collect();
            let done = all.len();
            println!(
                "t={:>4}s  {:>6.1} calls/s  errors {:>3}  p99 {:>7.1} ms  in flight {:>4}  RSS {}",
                started.elapsed().as_secs(),
                done as f64 / started.elapsed().as_secs_f64(),
                s.errors.values().sum::<u64>(),
                pct(&mut all, 0.99),
                handles.len(),
                show(&rss)
            );
        }
    }
    for h in handles {
        let _ = h.await;
    }
    let rss_end = processes.rss();
    // The figures are printed with the lock held; it is released before the overload phase.
    let mut s = std::mem::take(&mut *stats.lock().expect("stats"));
    let total: usize = s.latencies.values().map(Vec::len).sum();
    println!(
        "\n{total} calls in {:.0} s: {:.1} calls/s",
        started.elapsed().as_secs_f64(),
        total as f64 / started.elapsed().as_secs_f64()
    );
    for (kind, v) in s.latencies.iter_mut() {
        println!(
            "  {kind:<9} {:>7} calls  p50 {:>7.1} ms  p99 {:>7.1} ms",
            v.len(),
            pct(v, 0.5),
            pct(v, 0.99)
        );
    }
    println!("errors: {:?}", s.errors);
    println!("RSS: start {}; max {}; end {}", show(&rss_start), show(&rss_max), show(&rss_end));
    drop(processes);
    if distributed {
        println!("\noverload: measured on the embedded server only (one process's in-flight bound)");
        return;
    }

    // Overload: capacity 32 calls in flight, 400 callers.
    let small = start(Some(32));
    let channel = stack::connect(&small.addr).await;
    let targets = Targets { resumes: channel.clone(), questions: channel.clone() };
    let r = ResumeIngestionClient::new(channel.clone())
        .upload(tokio_stream::iter(upload_messages(&pdfs[0], "o".into())))
        .await;
    let id = r.expect("upload").into_inner().id;
    let ids = Arc::new(vec![id]);
    tokio::time::sleep(Duration::from_secs(2)).await;
    // (served, shed, shed latencies in ms, other failures)
    let shed = Arc::new(Mutex::new((0u64, 0u64, Vec::<f64>::new(), BTreeMap::<String, u64>::new())));
    let until = Instant::now() + Duration::from_secs(10);
    let mut callers = Vec::new();
    for c in 0..400u64 {
        let (targets, ids, pdfs, shed) = (targets.clone(), ids.clone(), pdfs.clone(), shed.clone());
        callers.push(tokio::spawn(async move {
            let mut i = 0;
            while Instant::now() < until {
                i += 1;
                let t = Instant::now();
                let r = one_call("generate", c * 1000 + i, targets.clone(), ids.clone(), pdfs.clone()).await;
                let mut s = shed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                match r {
                    Ok(()) => s.0 += 1,
                    Err(e) if e.code() == tonic::Code::ResourceExhausted => {
                        s.1 += 1;
                        s.2.push(t.elapsed().as_secs_f64() * 1e3);
                    }
                    Err(e) => *s.3.entry(format!("{:?} {}", e.code(), e.message())).or_default() += 1,
                }
            }
        }));
    }
    for c in callers {
        let _ = c.await;
    }
    let mut s = shed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let (ok, exhausted) = (s.0, s.1);
    println!("other failures under overload: {:?}", s.3);
    println!(
        "\noverload (max in flight 32, 400 callers, 10 s): {ok} served, {exhausted} shed with RESOURCE_EXHAUSTED in p50 {:.2} ms, p99 {:.2} ms",
        pct(&mut s.2, 0.5),
        pct(&mut s.2, 0.99)
    );
}
