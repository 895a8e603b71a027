//! Sentence embeddings and sparse lexical vectors for NexusHR's ranking.
//!
//! [`Embedder`] computes all-MiniLM-L6-v2 sentence embeddings in Rust from the model's own
//! files (`model.safetensors`, `tokenizer.json`, `config.json`): WordPiece tokens, six BERT
//! layers over packed (unpadded) sequences, mean pooling, L2 normalization; batched and spread
//! over threads. On CPUs with AVX-512 VNNI the linear layers run in int8 (weights per output
//! channel, activations per token, see `qgemm`); elsewhere, and for attention, the matrix
//! products use matrixmultiply's runtime-dispatched float kernels. `benches/embed.rs` measures
//! both against the PyTorch reference.
//!
//! [`SparseEncoder`] turns text into BM25-style sparse vectors over words and taxonomy skill ids,
//! so that ranking works without the model too.

mod gemm;
mod model;
mod qgemm;
mod sparse;
mod tokenizer;

use std::path::{Path, PathBuf};

pub use sparse::{SparseEncoder, SparseVector};
pub use tokenizer::Tokenizer;

/// The model NexusHR ships with.
pub const DEFAULT_MODEL: &str = "all-MiniLM-L6-v2";

/// Tokens per input (sentence-transformers' `max_seq_length` for this model).
pub const MAX_TOKENS: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("{0}: {1}")]
    Io(String, #[source] std::io::Error),
    #[error("model files: {0}")]
    Model(String),
    #[error("model directory {0} not found; run scripts/fetch-data.sh model")]
    Missing(String),
    #[error("NEXUSHR_EMBED_PRECISION is {0:?}; use f32 or int8")]
    Precision(String),
}

/// How the linear layers compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// 32-bit floats, as the model was trained.
    F32,
    /// 8-bit integers (cosine to the float model at least 0.995, measured in
    /// `tests/parity.rs`), where the CPU has AVX-512 VNNI; floats elsewhere.
    Int8,
}

impl Precision {
    /// `NEXUSHR_EMBED_PRECISION` (`f32` or `int8`), by default int8.
    pub fn from_env() -> Result<Self, EmbedError> {
        match std::env::var("NEXUSHR_EMBED_PRECISION").as_deref() {
            Err(_) | Ok("" | "int8") => Ok(Self::Int8),
            Ok("f32") => Ok(Self::F32),
            Ok(other) => Err(EmbedError::Precision(other.to_string())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::F32 => "f32",
            Self::Int8 => "int8",
        }
    }
}

pub struct Embedder {
    tokenizer: Tokenizer,
    model: model::Model,
    name: String,
    threads: usize,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("name", &self.name).field("dim", &self.dim()).finish()
    }
}

/// Sentences the int8 model is calibrated on (which input dimensions stay in floats): resume
/// and interview lines in the three languages, short and long, and empty input.
const CALIBRATION: &[&str] = &[
    "",
    "Python",
    "Senior Software Engineer, Acme Corp, 2019 - present",
    "Built a payments API in Go and PostgreSQL serving 20k requests per second on Kubernetes.",
    "Tell me about a time you disagreed with a teammate about a design decision.",
    "Desenvolvi microsserviços em Java com Spring Boot e migrei o banco para PostgreSQL.",
    "Lideré la migración de servicios a la nube y reduje los costos en un 30 %.",
    "Skills: AWS, Docker, Terraform, CI/CD, React, TypeScript, SQL, Redis, Kafka",
];

/// Sequences embedded together: large enough for efficient matrix products, small enough to
/// keep the activations (tokens × 1536 floats) in cache-friendly sizes.
const BATCH_TOKENS: usize = 2048;

impl Embedder {
    /// Loads a model directory (config.json, tokenizer.json, model.safetensors) at the
    /// precision [`Precision::from_env`] names.
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        Self::load_with(dir, Precision::from_env()?)
    }

    /// Loads a model directory at `precision` (int8 falls back to floats on a CPU without the
    /// int8 kernel: [`Embedder::precision`] tells which runs).
    pub fn load_with(dir: &Path, precision: Precision) -> Result<Self, EmbedError> {
        if !dir.join("model.safetensors").is_file() {
            return Err(EmbedError::Missing(dir.display().to_string()));
        }
        let tokenizer_json = std::fs::read_to_string(dir.join("tokenizer.json"))
            .map_err(|e| EmbedError::Io(dir.join("tokenizer.json").display().to_string(), e))?;
        let tokenizer = Tokenizer::from_json(&tokenizer_json)?;
        let mut model = model::Model::load(dir)?;
        if tokenizer.max_id() as usize >= model.vocab_size() {
            return Err(EmbedError::Model("the tokenizer's vocabulary is larger than the model's".into()));
        }
        if precision == Precision::Int8 {
            let max = MAX_TOKENS.min(model.max_positions());
            let calibration: Vec<Vec<u32>> = CALIBRATION.iter().map(|t| tokenizer.encode(t, max)).collect();
            model.quantize(&calibration.iter().map(Vec::as_slice).collect::<Vec<_>>());
        }
        let name =
            dir.file_name().map_or_else(|| DEFAULT_MODEL.to_string(), |n| n.to_string_lossy().into_owned());
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(Self { tokenizer, model, name, threads })
    }

    /// The default model directory: `$NEXUSHR_MODEL_DIR`, else the one `scripts/fetch-data.sh
    /// model` fills (`$NEXUSHR_DATA_CACHE` or `~/.cache/nexushr/data`, then `models/<name>`).
    pub fn default_dir() -> PathBuf {
        if let Some(dir) = std::env::var_os("NEXUSHR_MODEL_DIR") {
            return PathBuf::from(dir);
        }
        let cache = std::env::var_os("NEXUSHR_DATA_CACHE").map(PathBuf::from).unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/nexushr/data")
        });
        cache.join("models").join(DEFAULT_MODEL)
    }

    /// Uses at most `threads` threads per call (at least one).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    pub fn dim(&self) -> usize {
        self.model.dim()
    }

    /// The precision the linear layers run at.
    pub fn precision(&self) -> Precision {
        self.model.precision()
    }

    /// A stamp naming the model and its output, stored with every vector collection.
    pub fn version(&self) -> String {
        format!("{}/{}d/mean-l2", self.name, self.dim())
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// One embedding.
    pub fn embed_one(&self, text: &str) -> Vec<f32> {
        let ids = self.tokens(text);
        let mut out = Vec::with_capacity(1);
        self.model.embed(&[&ids], &mut model::Scratch::default(), &mut out);
        out.pop().unwrap_or_default()
    }

    /// Embeddings of `texts`, in order: unit vectors of [`Embedder::dim`] floats.
    pub fn embed<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        let tokens: Vec<Vec<u32>> = texts.iter().map(|t| self.tokens(t.as_ref())).collect();
        // Longest first, dealt round-robin to threads so each gets a similar amount of work.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(tokens[i].len()));
        let threads = self.threads.min(texts.len().div_ceil(8)).max(1);
        let shares: Vec<Vec<usize>> =
            (0..threads).map(|t| order.iter().copied().skip(t).step_by(threads).collect()).collect();
        let mut results: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        let run = |share: &[usize]| -> Vec<(usize, Vec<f32>)> {
            let mut scratch = model::Scratch::default();
            let mut out = Vec::with_capacity(share.len());
            let mut start = 0;
            while start < share.len() {
                let mut end = start;
                let mut budget = 0;
                while end < share.len() && (end == start || budget + tokens[share[end]].len() <= BATCH_TOKENS)
                {
                    budget += tokens[share[end]].len();
                    end += 1;
                }
                let batch: Vec<&[u32]> = share[start..end].iter().map(|&i| tokens[i].as_slice()).collect();
                self.model.embed(&batch, &mut scratch, &mut out);
                start = end;
            }
            share.iter().copied().zip(out).collect()
        };
        if threads == 1 {
            for (i, v) in run(&shares[0]) {
                results[i] = v;
            }
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = shares.iter().map(|share| scope.spawn(|| run(share))).collect();
                for handle in handles {
                    for (i, v) in handle.join().expect("an embedding thread panicked") {
                        results[i] = v;
                    }
                }
            });
        }
        results
    }

    fn tokens(&self, text: &str) -> Vec<u32> {
        let max = MAX_TOKENS.min(self.model.max_positions());
        self.tokenizer.encode(text, max)
    }
}

/// Cosine similarity of two vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (na, nb) = (dot(a, a).sqrt(), dot(b, b).sqrt());
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot(a, b) / (na * nb) }
}

/// Dot product over the shorter of two vectors, in eight independent lanes so the compiler
/// turns it into SIMD (a plain iterator sum is one serial chain of additions).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut lanes = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    lanes.iter().sum::<f32>() + tail
}
