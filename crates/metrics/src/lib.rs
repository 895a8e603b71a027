//! Process metrics in the Prometheus text exposition format (version 0.0.4): counters, gauges
//! and latency histograms with labels, in one registry per process ([`global`]). Every crate
//! records into it (the gRPC layer its calls, the event consumers their lag and dead letters,
//! the outbox relay its backlog); each server renders it on its own metrics port.
//!
//! Series are created once and kept as `Arc` handles, so recording is a few atomic operations;
//! the registry's lock is taken only to create a series or to render.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Latency buckets in seconds: 1 ms to 10 s, enough to read p50 and p99 of any call.
pub const LATENCY_BUCKETS: [f64; 14] =
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// A monotonically increasing count.
#[derive(Debug, Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub fn inc(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A value that goes up and down.
#[derive(Debug, Default)]
pub struct Gauge(AtomicI64);

impl Gauge {
    pub fn set(&self, v: i64) {
        self.0.store(v, Ordering::Relaxed);
    }

    pub fn add(&self, v: i64) {
        self.0.fetch_add(v, Ordering::Relaxed);
    }

    pub fn get(&self) -> i64 {
        self.0.load(Ordering::Relaxed)
    }

    /// Counts one more until the returned guard is dropped (work in flight, even if cancelled).
    pub fn track(self: &Arc<Self>) -> Tracked {
        self.add(1);
        Tracked(Arc::clone(self))
    }
}

/// One unit of a [`Gauge`], given back on drop.
#[derive(Debug)]
pub struct Tracked(Arc<Gauge>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.add(-1);
    }
}

/// Observations counted into [`LATENCY_BUCKETS`], with their sum (kept in microseconds).
#[derive(Debug, Default)]
pub struct Histogram {
    buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, seconds: f64) {
        if let Some(i) = LATENCY_BUCKETS.iter().position(|b| seconds <= *b) {
            self.buckets[i].fetch_add(1, Ordering::Relaxed);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros.fetch_add((seconds.max(0.0) * 1e6) as u64, Ordering::Relaxed);
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

#[derive(Debug, Clone)]
enum Series {
    Counter(Arc<Counter>),
    Gauge(Arc<Gauge>),
    Histogram(Arc<Histogram>),
}

impl Series {
    fn kind(&self) -> &'static str {
        match self {
            Series::Counter(_) => "counter",
            Series::Gauge(_) => "gauge",
            Series::Histogram(_) => "histogram",
        }
    }
}

#[derive(Debug)]
struct Family {
    help: String,
    /// Rendered label set (`a="1",b="2"`) to its series.
    series: BTreeMap<String, Series>,
}

/// Series by metric name and labels.
#[derive(Debug, Default)]
pub struct Registry {
    families: Mutex<BTreeMap<String, Family>>,
}

/// The process's registry.
pub fn global() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Registry::default)
}

impl Registry {
    /// The counter `name{labels}`, created on first use.
    pub fn counter(&self, name: &str, help: &str, labels: &[(&str, &str)]) -> Arc<Counter> {
        match self.series(name, help, labels, || Series::Counter(Arc::default())) {
            Series::Counter(c) => c,
            // A name registered as another kind: a private series that is not rendered, so a
            // naming mistake never panics a server.
            _ => Arc::default(),
        }
    }

    /// The gauge `name{labels}`, created on first use.
    pub fn gauge(&self, name: &str, help: &str, labels: &[(&str, &str)]) -> Arc<Gauge> {
        match self.series(name, help, labels, || Series::Gauge(Arc::default())) {
            Series::Gauge(g) => g,
            _ => Arc::default(),
        }
    }

    /// The histogram `name{labels}` over [`LATENCY_BUCKETS`], created on first use.
    pub fn histogram(&self, name: &str, help: &str, labels: &[(&str, &str)]) -> Arc<Histogram> {
        match self.series(name, help, labels, || Series::Histogram(Arc::default())) {
            Series::Histogram(h) => h,
            _ => Arc::default(),
        }
    }

    fn series(
        &self,
        name: &str,
        help: &str,
        labels: &[(&str, &str)],
        make: impl FnOnce() -> Series,
    ) -> Series {
        let key = render_labels(labels);
        let mut families = self.families.lock().unwrap_or_else(PoisonError::into_inner);
        let family = families
            .entry(name.to_string())
            .or_insert_with(|| Family { help: help.to_string(), series: BTreeMap::new() });
        let made = make();
        if let Some(existing) = family.series.values().next()
            && existing.kind() != made.kind()
        {
            return made;
        }
        family.series.entry(key).or_insert(made).clone()
    }

    /// Every series in the text exposition format.
    pub fn render(&self) -> String {
        let families = self.families.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = String::new();
        for (name, family) in families.iter() {
            let Some(kind) = family.series.values().next().map(Series::kind) else { continue };
            let _ = writeln!(out, "# HELP {name} {}", family.help.replace('\n', " "));
            let _ = writeln!(out, "# TYPE {name} {kind}");
            for (labels, series) in &family.series {
                let braced = |extra: &str| match (labels.is_empty(), extra.is_empty()) {
                    (true, true) => String::new(),
                    (true, false) => format!("{{{extra}}}"),
                    (false, true) => format!("{{{labels}}}"),
                    (false, false) => format!("{{{labels},{extra}}}"),
                };
                match series {
                    Series::Counter(c) => {
                        let _ = writeln!(out, "{name}{} {}", braced(""), c.get());
                    }
                    Series::Gauge(g) => {
                        let _ = writeln!(out, "{name}{} {}", braced(""), g.get());
                    }
                    Series::Histogram(h) => {
                        let mut cumulative = 0;
                        for (bound, n) in LATENCY_BUCKETS.iter().zip(&h.buckets) {
                            cumulative += n.load(Ordering::Relaxed);
                            let le = format!("le=\"{bound}\"");
                            let _ = writeln!(out, "{name}_bucket{} {cumulative}", braced(&le));
                        }
                        let count = h.count();
                        let _ = writeln!(out, "{name}_bucket{} {count}", braced("le=\"+Inf\""));
                        let sum = h.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
                        let _ = writeln!(out, "{name}_sum{} {sum:.6}", braced(""));
                        let _ = writeln!(out, "{name}_count{} {count}", braced(""));
                    }
                }
            }
        }
        out
    }
}

/// `a="1",b="x\"y"`: label values escaped as the format requires.
fn render_labels(labels: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in labels.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let v = v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        let _ = write!(out, "{k}=\"{v}\"");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_gauges_and_cumulative_buckets() {
        let r = Registry::default();
        r.counter("calls_total", "Calls.", &[("method", "Get"), ("code", "OK")]).add(3);
        r.gauge("backlog", "Rows waiting.", &[]).set(7);
        let h = r.histogram("call_seconds", "Latency.", &[("method", "Get")]);
        for s in [0.0005, 0.003, 0.003, 2.0, 60.0] {
            h.observe(s);
        }
        let text = r.render();
        assert!(
            text.contains("# TYPE calls_total counter\ncalls_total{method=\"Get\",code=\"OK\"} 3\n"),
            "{text}"
        );
        assert!(text.contains("backlog 7\n"), "{text}");
        assert!(text.contains("call_seconds_bucket{method=\"Get\",le=\"0.001\"} 1\n"), "{text}");
        assert!(text.contains("call_seconds_bucket{method=\"Get\",le=\"0.005\"} 3\n"), "{text}");
        assert!(text.contains("call_seconds_bucket{method=\"Get\",le=\"30\"} 4\n"), "{text}");
        assert!(text.contains("call_seconds_bucket{method=\"Get\",le=\"+Inf\"} 5\n"), "{text}");
        assert!(text.contains("call_seconds_count{method=\"Get\"} 5\n"), "{text}");
    }

    #[test]
    fn one_series_per_label_set_and_a_kind_clash_is_not_rendered() {
        let r = Registry::default();
        r.counter("n", "N.", &[("a", "x\"y")]).inc();
        r.counter("n", "N.", &[("a", "x\"y")]).inc();
        r.gauge("n", "N.", &[("a", "z")]).set(5);
        let text = r.render();
        assert!(text.contains("n{a=\"x\\\"y\"} 2\n"), "{text}");
        assert!(!text.contains("a=\"z\""), "{text}");
        let g = r.gauge("busy", "Busy.", &[]);
        {
            let _one = g.track();
            let _two = g.track();
            assert_eq!(g.get(), 2);
        }
        assert_eq!(g.get(), 0);
    }
}
