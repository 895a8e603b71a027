//! The hostile corpus (`tests/corpus/bad`, made by `scripts/make-bad-corpus.py`): every file
//! gets a typed status quickly, and nothing panics. `ok-*` files are valid documents behind a
//! misleading extension and must parse.

use std::time::{Duration, Instant};

use nexushr_resume_parser::{Limits, ParseStatus, parse};

/// Generous for a debug build on a loaded 2-core machine; release parses take milliseconds.
const BOUND: Duration = Duration::from_secs(2);

#[test]
fn every_bad_file_gets_a_typed_status_in_time() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/bad");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    assert!(files.len() >= 40, "{} files in {}", files.len(), dir.display());
    let mut report = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(path).expect("read");
        let started = Instant::now();
        let p = parse(&bytes, &Limits::default());
        let took = started.elapsed();
        assert!(took < BOUND, "{name} took {took:?}");
        if name.starts_with("ok-") {
            assert!(
                matches!(p.status, ParseStatus::Ok | ParseStatus::Partial),
                "{name}: {:?} {:?}",
                p.status,
                p.warnings
            );
            assert!(p.text.contains("Ana Souza"), "{name}: {}", p.text);
        } else {
            assert!(
                matches!(p.status, ParseStatus::Unsupported | ParseStatus::Malformed | ParseStatus::NoText),
                "{name}: {:?} {:?}",
                p.status,
                p.text.chars().take(80).collect::<String>()
            );
            assert!(p.work.is_empty() && p.contact.name.is_none(), "{name}: nothing is invented");
            assert!(!p.warnings.is_empty(), "{name}: the status says why");
        }
        report.push(format!("{name:<32} {:?} {took:?}", p.status));
    }
    println!("{}", report.join("\n"));
}

#[test]
fn a_50_mib_file_is_refused_by_size() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let started = Instant::now();
    let p = parse(&big, &Limits::default());
    assert_eq!(p.status, ParseStatus::Unsupported);
    assert!(p.warnings[0].contains("limit"), "{:?}", p.warnings);
    assert!(started.elapsed() < BOUND);
}

/// Inputs cargo-fuzz found crashing (`tests/corpus/fuzz-regressions`): they parse now.
#[test]
fn fuzz_regressions_parse() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/fuzz-regressions");
    for entry in std::fs::read_dir(&dir).expect("regressions") {
        let path = entry.expect("entry").path();
        let p = parse(&std::fs::read(&path).expect("read"), &Limits::default());
        assert!(!p.warnings.is_empty() || !p.text.is_empty(), "{}", path.display());
    }
}
