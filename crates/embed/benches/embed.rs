//! Embedding throughput: the Rust embedder against Python sentence-transformers (PyTorch, CPU)
//! on the same 1,000 resume sentences, in one run, with the cosine between their vectors and
//! the Rust side's peak memory.
//!
//!   cargo bench -p nexushr-embed --bench embed
//!
//! The Python side runs when `NEXUSHR_BENCH_PYTHON` names an interpreter with
//! sentence-transformers (scripts/bench-embed.sh sets it up); otherwise only Rust is measured.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use nexushr_embed::{Embedder, cosine};

fn main() {
    let sentences_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/sentences.txt");
    let text = std::fs::read_to_string(&sentences_path).expect("benches/sentences.txt");
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let dir = Embedder::default_dir();
    let embedder = match Embedder::load(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("embed bench needs the model: {e}");
            std::process::exit(2);
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    embedder.embed(&sentences[..64]);
    let mut rust_runs = Vec::new();
    let mut vectors = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        vectors = embedder.embed(&sentences);
        rust_runs.push(start.elapsed().as_secs_f64());
    }
    let rust_best = rust_runs.iter().copied().fold(f64::INFINITY, f64::min);
    let rust_rate = sentences.len() as f64 / rust_best;
    let single = {
        let start = Instant::now();
        for s in &sentences[..200] {
            embedder.embed_one(s);
        }
        start.elapsed().as_secs_f64() / 200.0 * 1000.0
    };
    let peak = peak_rss_mib();
    println!(
        "embedding {} resume sentences, {} threads, model {}",
        sentences.len(),
        threads,
        embedder.version()
    );
    println!(
        "rust (nexushr-embed)      : {:>8.1} sentences/s  best of 3 {:.3} s  runs {:?}  peak RSS {:.0} MiB  one-at-a-time {:.2} ms/sentence",
        rust_rate,
        rust_best,
        rust_runs.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>(),
        peak,
        single
    );
    let Some(python) = std::env::var_os("NEXUSHR_BENCH_PYTHON") else {
        println!(
            "python reference          : skipped (set NEXUSHR_BENCH_PYTHON, see scripts/bench-embed.sh)"
        );
        return;
    };
    let out = std::env::temp_dir().join(format!("nexushr-embed-bench-{}.json", std::process::id()));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/embed-reference.py");
    let status = Command::new(python)
        .arg(&script)
        .arg("bench")
        .arg(&sentences_path)
        .arg(&out)
        .env("NEXUSHR_MODEL_DIR", &dir)
        .status()
        .expect("run the python reference");
    assert!(status.success(), "python reference failed: {status}");
    #[derive(serde::Deserialize)]
    struct Reference {
        seconds: Vec<f64>,
        threads: usize,
        peak_rss_mib: f64,
        vectors: Vec<Vec<f32>>,
    }
    let reference: Reference =
        serde_json::from_slice(&std::fs::read(&out).expect("reference output")).expect("reference JSON");
    let _ = std::fs::remove_file(&out);
    let py_best = reference.seconds.iter().copied().fold(f64::INFINITY, f64::min);
    let py_rate = sentences.len() as f64 / py_best;
    let cosines: Vec<f32> = vectors.iter().zip(&reference.vectors).map(|(a, b)| cosine(a, b)).collect();
    let min = cosines.iter().copied().fold(f32::INFINITY, f32::min);
    let mean = cosines.iter().sum::<f32>() / cosines.len() as f32;
    println!(
        "python sentence-transformers: {:>6.1} sentences/s  best of 3 {:.3} s  runs {:?}  torch threads {}  peak RSS {:.0} MiB",
        py_rate,
        py_best,
        reference.seconds.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>(),
        reference.threads,
        reference.peak_rss_mib
    );
    println!("ratio rust/python         : {:.2}x", rust_rate / py_rate);
    println!("cosine rust vs python     : min {min:.6}  mean {mean:.6}  over {} vectors", cosines.len());
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}
