//! Embedding throughput: the Rust embedder, in floats and in int8, against Python
//! sentence-transformers (PyTorch, CPU) on the same 1,000 resume sentences, in one run, with
//! the cosine between their vectors and the Rust side's peak memory.
//!
//!   cargo bench -p nexushr-embed --bench embed
//!
//! The Python side runs when `NEXUSHR_BENCH_PYTHON` names an interpreter with
//! sentence-transformers (scripts/bench-embed.sh sets it up); otherwise only Rust is measured.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use nexushr_embed::{Embedder, Precision, cosine};

fn main() {
    let sentences_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/sentences.txt");
    let text = std::fs::read_to_string(&sentences_path).expect("benches/sentences.txt");
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let dir = Embedder::default_dir();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut measured = Vec::new();
    // NEXUSHR_BENCH_PRECISION=f32 or int8 measures only that one (for a profile).
    let only = std::env::var("NEXUSHR_BENCH_PRECISION").unwrap_or_default();
    for precision in [Precision::F32, Precision::Int8] {
        if !only.is_empty() && only != precision.as_str() {
            continue;
        }
        // Each precision's own peak: the high-water mark is reset (Linux's clear_refs) after the
        // previous embedder is dropped.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let embedder = match Embedder::load_with(&dir, precision) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("embed bench needs the model: {e}");
                std::process::exit(2);
            }
        };
        if precision == Precision::F32 {
            println!(
                "embedding {} resume sentences, {} threads, model {}",
                sentences.len(),
                threads,
                embedder.version()
            );
        }
        if embedder.precision() != precision {
            println!("rust {:<4}                 : not on this CPU (no AVX-512 VNNI)", precision.as_str());
            continue;
        }
        let m = measure(&embedder, &sentences);
        println!(
            "rust {:<4} (nexushr-embed) : {:>8.1} sentences/s  best of 3 {:.3} s  runs {:?}  peak RSS {:.0} MiB  one-at-a-time {:.2} ms/sentence",
            precision.as_str(),
            m.rate,
            m.best,
            m.runs.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>(),
            m.peak,
            m.single
        );
        measured.push((precision, m));
    }
    if let [(_, float), (_, int8)] = measured.as_slice() {
        let cosines: Vec<f32> = int8.vectors.iter().zip(&float.vectors).map(|(a, b)| cosine(a, b)).collect();
        let (min, mean) = spread(&cosines);
        println!("cosine int8 vs f32 (rust) : min {min:.6}  mean {mean:.6}");
    }
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
    println!(
        "python sentence-transformers: {:>6.1} sentences/s  best of 3 {:.3} s  runs {:?}  torch threads {}  peak RSS {:.0} MiB",
        py_rate,
        py_best,
        reference.seconds.iter().map(|s| format!("{s:.3}")).collect::<Vec<_>>(),
        reference.threads,
        reference.peak_rss_mib
    );
    for (precision, m) in &measured {
        let cosines: Vec<f32> = m.vectors.iter().zip(&reference.vectors).map(|(a, b)| cosine(a, b)).collect();
        let (min, mean) = spread(&cosines);
        println!(
            "rust {:<4} / python       : {:.2}x   cosine min {min:.6}  mean {mean:.6}  over {} vectors",
            precision.as_str(),
            m.rate / py_rate,
            cosines.len()
        );
    }
}

struct Measured {
    rate: f64,
    best: f64,
    runs: Vec<f64>,
    peak: f64,
    single: f64,
    vectors: Vec<Vec<f32>>,
}

/// Best of three runs over all sentences, after a warm-up, and one sentence at a time.
fn measure(embedder: &Embedder, sentences: &[&str]) -> Measured {
    embedder.embed(&sentences[..64]);
    let mut runs = Vec::new();
    let mut vectors = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        vectors = embedder.embed(sentences);
        runs.push(start.elapsed().as_secs_f64());
    }
    let best = runs.iter().copied().fold(f64::INFINITY, f64::min);
    let single = {
        let start = Instant::now();
        for s in &sentences[..200] {
            embedder.embed_one(s);
        }
        start.elapsed().as_secs_f64() / 200.0 * 1000.0
    };
    Measured { rate: sentences.len() as f64 / best, best, runs, peak: peak_rss_mib(), single, vectors }
}

fn spread(cosines: &[f32]) -> (f32, f32) {
    let min = cosines.iter().copied().fold(f32::INFINITY, f32::min);
    (min, cosines.iter().sum::<f32>() / cosines.len().max(1) as f32)
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}
