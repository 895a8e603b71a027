//! Load and overload against a real `nexushr serve` process (embedded mode: SQLite,
//! qdrant-edge, the real model), over gRPC:
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

async fn one_call(
    kind: &'static str,
    n: u64,
    channel: Channel,
    ids: Arc<Vec<String>>,
    pdfs: Arc<Vec<Vec<u8>>>,
) -> Result<(), tonic::Status> {
    let id = ids[(n as usize * 7919) % ids.len()].clone();
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
            QuestionGenerationClient::new(channel).generate(req).await.map(|_| ())
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

    let server = start(None);
    let pid = server.child.id();
    let channel = Channel::from_shared(format!("http://{}", server.addr))
        .expect("uri")
        .connect()
        .await
        .expect("connect");
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
        while one_call("generate", 0, channel.clone(), Arc::new(vec![id.clone()]), pdfs.clone())
            .await
            .is_err()
        {
            assert!(started.elapsed() < Duration::from_secs(60), "resume {id} never prepared");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let ids = Arc::new(ids);
    let rss_start = rss_mib(pid);
    println!(
        "load: {rate} calls/s for {seconds} s (get 40%, list 20%, generate 30%, upload 10%); server RSS {rss_start:.0} MiB"
    );

    let stats = Arc::new(Mutex::new(Stats::default()));
    let started = Instant::now();
    let mut ticker = tokio::time::interval(Duration::from_micros(1_000_000 / rate.max(1)));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut n: u64 = 0;
    let mut next_report = 10;
    let mut rss_max = rss_start;
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
        let (channel, ids, pdfs, shared) = (channel.clone(), ids.clone(), pdfs.clone(), stats.clone());
        handles.push(tokio::spawn(async move {
            let t = Instant::now();
            let result = one_call(kind, n, channel, ids, pdfs).await;
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
            let rss = rss_mib(pid);
            rss_max = rss_max.max(rss);
            let s = stats.lock().expect("stats");
            let mut all: Vec<f64> = s.latencies.values().flatten().copied().collect();
            let done = all.len();
            println!(
                "t={:>4}s  {:>6.1} calls/s  errors {:>3}  p99 {:>7.1} ms  in flight {:>4}  RSS {rss:.0} MiB",
                started.elapsed().as_secs(),
                done as f64 / started.elapsed().as_secs_f64(),
                s.errors.values().sum::<u64>(),
                pct(&mut all, 0.99),
                handles.len()
            );
        }
    }
    for h in handles {
        let _ = h.await;
    }
    let rss_end = rss_mib(pid);
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
    println!("server RSS: start {rss_start:.0} MiB, max {rss_max:.0} MiB, end {rss_end:.0} MiB");
    drop(server);

    // Overload: capacity 32 calls in flight, 400 callers.
    let small = start(Some(32));
    let channel = Channel::from_shared(format!("http://{}", small.addr))
        .expect("uri")
        .connect()
        .await
        .expect("connect");
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
        let (channel, ids, pdfs, shed) = (channel.clone(), ids.clone(), pdfs.clone(), shed.clone());
        callers.push(tokio::spawn(async move {
            let mut i = 0;
            while Instant::now() < until {
                i += 1;
                let t = Instant::now();
                let r = one_call("generate", c * 1000 + i, channel.clone(), ids.clone(), pdfs.clone()).await;
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
