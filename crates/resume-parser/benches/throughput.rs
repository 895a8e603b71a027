//! Full structured parses of the PDF corpus (`tests/corpus/resumes`, 109 resumes rendered by
//! Chromium and LibreOffice from JSON Resume themes) against poppler's `pdftotext` doing bare
//! text extraction of the same files, one file at a time on one core.
//!
//!     cargo bench -p nexushr-resume-parser --bench throughput
//!
//! `pdftotext` runs as a process per file, as it is used; its figure without process start
//! (the cost of spawning `/bin/true`, measured alongside) is printed too, so the comparison
//! holds either way. Each file is timed `NEXUSHR_BENCH_ROUNDS` times (default 5) and its median
//! kept. Needs `pdftotext` (Debian poppler-utils).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nexushr_resume_parser::{Limits, ParseStatus, parse};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn run(program: &str, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status();
    let took = started.elapsed();
    assert!(status.is_ok_and(|s| s.success()), "{program} {args:?} failed (is poppler-utils installed?)");
    took
}

fn report(name: &str, per_file: &[Duration]) -> f64 {
    let mut sorted = per_file.to_vec();
    sorted.sort_unstable();
    let total: Duration = per_file.iter().sum();
    let rate = per_file.len() as f64 / total.as_secs_f64();
    println!(
        "{name:<38} {rate:>9.1} files/s   p50 {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms",
        percentile(&sorted, 0.5).as_secs_f64() * 1e3,
        percentile(&sorted, 0.95).as_secs_f64() * 1e3,
        sorted[sorted.len() - 1].as_secs_f64() * 1e3,
    );
    rate
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/resumes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    let rounds: usize = std::env::var("NEXUSHR_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let limits = Limits::default();
    let bytes: usize = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len() as usize)).sum();
    println!(
        "{} PDF resumes, {:.1} MB, {rounds} rounds per file, median kept",
        files.len(),
        bytes as f64 / 1e6
    );

    let (mut ours, mut ok) = (Vec::new(), 0);
    for f in &files {
        let data = std::fs::read(f).expect("read");
        let times: Vec<Duration> = (0..rounds)
            .map(|_| {
                let started = Instant::now();
                let p = parse(&data, &limits);
                let took = started.elapsed();
                ok += usize::from(p.status == ParseStatus::Ok && !p.work.is_empty());
                took
            })
            .collect();
        ours.push(median(times));
    }
    let spawn: Vec<Duration> =
        (0..files.len()).map(|_| median((0..rounds).map(|_| run("/bin/true", &[])).collect())).collect();
    let poppler: Vec<Duration> = files
        .iter()
        .map(|f| median((0..rounds).map(|_| run("pdftotext", &["-q", &f.to_string_lossy(), "-"])).collect()))
        .collect();
    let spawn_median = median(spawn.clone());
    let bare: Vec<Duration> = poppler.iter().map(|d| d.saturating_sub(spawn_median)).collect();

    let r_ours = report("nexushr parse (full structure)", &ours);
    let r_poppler = report("pdftotext (process per file)", &poppler);
    let r_bare = report("pdftotext minus process start", &bare);
    report("/bin/true (process start)", &spawn);
    println!("parses with work entries: {}/{}", ok / rounds, files.len());
    println!(
        "throughput ratio, ours / pdftotext: {:.2}x (process per file), {:.2}x (without process start)",
        r_ours / r_poppler,
        r_ours / r_bare
    );
}
