//! The MiniLM (BERT) encoder: embeddings, six transformer layers, mean pooling, L2 norm.
//!
//! Sequences are packed, not padded: the linear layers run once over every token of a batch
//! (one large matrix product), attention runs per sequence, so no work is spent on padding and
//! no attention mask is needed.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::gemm::{View, matmul, matmul_bt};
use crate::qgemm::{self, QuantRows, QuantWeight};
use crate::{EmbedError, Precision};

#[derive(Debug, Clone, serde::Deserialize)]
pub(crate) struct Config {
    pub hidden_size: usize,
    pub num_attention_heads: usize,
    pub num_hidden_layers: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub vocab_size: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f32,
    #[serde(default)]
    pub hidden_act: String,
}

fn default_eps() -> f32 {
    1e-12
}

struct Linear {
    weight: Vec<f32>, // out × in; empty once quantized
    bias: Vec<f32>,
    out: usize,
    inp: usize,
    quant: Option<QuantWeight>,
}

impl Linear {
    /// Quantizes the layer to int8 (the float weights are dropped) when the shape allows it;
    /// the `outliers` input dimensions stay in floats.
    fn quantize(&mut self, outliers: Vec<usize>) {
        self.quant = QuantWeight::new(&self.weight, &self.bias, self.out, self.inp, outliers);
        if self.quant.is_some() {
            self.weight = Vec::new();
        }
    }

    /// `y[n×out] = x[n×in] · Wᵀ + b`; `q` is scratch for the int8 path.
    fn forward(&self, x: &[f32], n: usize, q: &mut QuantRows, y: &mut Vec<f32>) {
        if let Some(w) = &self.quant {
            qgemm::linear(x, n, w, q, y);
            return;
        }
        y.clear();
        y.reserve(n * self.out);
        for _ in 0..n {
            y.extend_from_slice(&self.bias);
        }
        matmul_bt(
            View::new(x, n, self.inp, self.inp),
            View::new(&self.weight, self.out, self.inp, self.inp),
            1.0,
            y,
            self.out,
        );
    }
}

struct LayerNorm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
    eps: f32,
}

impl LayerNorm {
    #[inline(always)]
    fn apply(&self, x: &mut [f32]) {
        let d = self.gamma.len();
        for row in x.chunks_exact_mut(d) {
            let mean = lanes_sum(row, |v| v) / d as f32;
            let var = lanes_sum(row, |v| (v - mean) * (v - mean)) / d as f32;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.gamma).zip(&self.beta) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// The sum of `f` over `values` in sixteen independent lanes, so that the compiler vectorizes
/// it (a plain sum is one serial chain of additions).
#[inline(always)]
fn lanes_sum(values: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0.0f32; 16];
    let chunks = values.chunks_exact(16);
    let tail: f32 = chunks.remainder().iter().map(|&v| f(v)).sum();
    for chunk in chunks {
        for k in 0..16 {
            lanes[k] += f(chunk[k]);
        }
    }
    lanes.iter().sum::<f32>() + tail
}

struct Layer {
    qkv: Linear, // query, key and value fused: 3·hidden × hidden
    attn_out: Linear,
    attn_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    out_norm: LayerNorm,
}

pub(crate) struct Model {
    config: Config,
    precision: Precision,
    word: Vec<f32>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: LayerNorm,
    layers: Vec<Layer>,
}

/// Scratch buffers reused across batches by one thread.
#[derive(Default)]
pub(crate) struct Scratch {
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    big: Vec<f32>,
    scores: Vec<f32>,
    quant: QuantRows,
    /// While calibrating: per linear layer (four per encoder layer), each input dimension's
    /// largest magnitude.
    observed: Option<Vec<Vec<f32>>>,
}

/// The input dimensions to keep in floats: those whose largest magnitude in calibration is more
/// than three times the median dimension's (at most eight; a layer has two or three).
fn outliers(peaks: &[f32]) -> Vec<usize> {
    let mut sorted = peaks.to_vec();
    sorted.sort_by(f32::total_cmp);
    let Some(&median) = sorted.get(sorted.len() / 2) else { return Vec::new() };
    let mut found: Vec<usize> = (0..peaks.len()).filter(|&d| peaks[d] > 3.0 * median).collect();
    found.sort_by(|&a, &b| peaks[b].total_cmp(&peaks[a]));
    found.truncate(8);
    found.sort_unstable();
    found
}

/// Records the largest magnitude of each input dimension of linear layer `slot`.
fn observe(s: &mut Option<Vec<Vec<f32>>>, slot: usize, x: &[f32], inp: usize) {
    let Some(observed) = s else { return };
    if observed.len() <= slot {
        observed.resize(slot + 1, Vec::new());
    }
    let peaks = &mut observed[slot];
    peaks.resize(inp, 0.0);
    for row in x.chunks_exact(inp) {
        for (p, v) in peaks.iter_mut().zip(row) {
            *p = p.max(v.abs());
        }
    }
}

impl Model {
    /// Loads the model in floats.
    pub(crate) fn load(dir: &Path) -> Result<Self, EmbedError> {
        let config: Config = serde_json::from_str(&read_text(&dir.join("config.json"))?)
            .map_err(|e| EmbedError::Model(format!("config.json: {e}")))?;
        if !config.hidden_act.is_empty() && config.hidden_act != "gelu" {
            return Err(EmbedError::Model(format!("activation {} is not supported", config.hidden_act)));
        }
        if config.num_attention_heads == 0 || !config.hidden_size.is_multiple_of(config.num_attention_heads) {
            return Err(EmbedError::Model("hidden size is not a multiple of the head count".into()));
        }
        let mut weights = SafeTensors::open(&dir.join("model.safetensors"))?;
        let (h, i) = (config.hidden_size, config.intermediate_size);
        let eps = config.layer_norm_eps;
        let norm = |w: &mut SafeTensors, p: &str| -> Result<LayerNorm, EmbedError> {
            Ok(LayerNorm {
                gamma: w.tensor(&format!("{p}.weight"), &[h])?,
                beta: w.tensor(&format!("{p}.bias"), &[h])?,
                eps,
            })
        };
        let linear = |w: &mut SafeTensors, p: &str, out: usize, inp: usize| -> Result<Linear, EmbedError> {
            Ok(Linear {
                weight: w.tensor(&format!("{p}.weight"), &[out, inp])?,
                bias: w.tensor(&format!("{p}.bias"), &[out])?,
                out,
                inp,
                quant: None,
            })
        };
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for l in 0..config.num_hidden_layers {
            let p = format!("encoder.layer.{l}");
            let mut qkv = linear(&mut weights, &format!("{p}.attention.self.query"), h, h)?;
            for part in ["key", "value"] {
                let next = linear(&mut weights, &format!("{p}.attention.self.{part}"), h, h)?;
                qkv.weight.extend_from_slice(&next.weight);
                qkv.bias.extend_from_slice(&next.bias);
                qkv.out += h;
            }
            layers.push(Layer {
                qkv,
                attn_out: linear(&mut weights, &format!("{p}.attention.output.dense"), h, h)?,
                attn_norm: norm(&mut weights, &format!("{p}.attention.output.LayerNorm"))?,
                intermediate: linear(&mut weights, &format!("{p}.intermediate.dense"), i, h)?,
                output: linear(&mut weights, &format!("{p}.output.dense"), h, i)?,
                out_norm: norm(&mut weights, &format!("{p}.output.LayerNorm"))?,
            });
        }
        Ok(Self {
            precision: Precision::F32,
            word: weights.tensor("embeddings.word_embeddings.weight", &[config.vocab_size, h])?,
            position: weights
                .tensor("embeddings.position_embeddings.weight", &[config.max_position_embeddings, h])?,
            token_type: weights.tensor_prefix("embeddings.token_type_embeddings.weight", h)?,
            embed_norm: norm(&mut weights, "embeddings.LayerNorm")?,
            layers,
            config,
        })
    }

    /// Quantizes the linear layers to int8 where the CPU has the kernel (else keeps floats).
    ///
    /// A few input dimensions of each layer carry values far larger than the rest (BERT's
    /// outlier features, largest on the `[CLS]` and `[SEP]` tokens); rounded with the rest, they
    /// would coarsen every other value of their row. They are found by running `calibration`
    /// (token sequences) in floats, and stay in floats.
    pub(crate) fn quantize(&mut self, calibration: &[&[u32]]) {
        if !qgemm::available() {
            return;
        }
        let mut s = Scratch { observed: Some(Vec::new()), ..Scratch::default() };
        let mut out = Vec::new();
        self.embed(calibration, &mut s, &mut out);
        let observed = s.observed.unwrap_or_default();
        for (l, layer) in self.layers.iter_mut().enumerate() {
            for (slot, linear) in
                [&mut layer.qkv, &mut layer.attn_out, &mut layer.intermediate, &mut layer.output]
                    .into_iter()
                    .enumerate()
            {
                linear.quantize(outliers(&observed[l * 4 + slot]));
            }
        }
        // Int8 when the kernel took the layers' shapes (it takes MiniLM's).
        if self.layers.iter().any(|l| l.qkv.quant.is_some()) {
            self.precision = Precision::Int8;
        }
    }

    pub(crate) fn precision(&self) -> Precision {
        self.precision
    }

    pub(crate) fn dim(&self) -> usize {
        self.config.hidden_size
    }

    pub(crate) fn max_positions(&self) -> usize {
        self.config.max_position_embeddings
    }

    pub(crate) fn vocab_size(&self) -> usize {
        self.config.vocab_size
    }

    /// Mean-pooled, L2-normalized embeddings of `sequences` (token ids, each non-empty and no
    /// longer than `max_positions`, ids below `vocab_size`), written to `out` in order.
    pub(crate) fn embed(&self, sequences: &[&[u32]], s: &mut Scratch, out: &mut Vec<Vec<f32>>) {
        #[cfg(target_arch = "x86_64")]
        if self.precision == Precision::Int8 {
            // SAFETY: int8 is only chosen where `qgemm::available` found AVX-512 F and BW.
            #[allow(unsafe_code)]
            unsafe {
                self.embed_wide(sequences, s, out)
            };
            return;
        }
        self.embed_with(sequences, s, out);
    }

    /// [`Model::embed`] compiled for AVX-512: the float steps between the products (layer
    /// norms, GELU, softmax, pooling) vectorize sixteen wide instead of four.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx2,fma")]
    fn embed_wide(&self, sequences: &[&[u32]], s: &mut Scratch, out: &mut Vec<Vec<f32>>) {
        self.embed_with(sequences, s, out);
    }

    #[inline(always)]
    fn embed_with(&self, sequences: &[&[u32]], s: &mut Scratch, out: &mut Vec<Vec<f32>>) {
        let h = self.config.hidden_size;
        let total: usize = sequences.iter().map(|q| q.len()).sum();
        s.x.clear();
        s.x.reserve(total * h);
        for seq in sequences {
            for (pos, &id) in seq.iter().enumerate() {
                let (w, p) = (id as usize * h, pos * h);
                let word = &self.word[w..w + h];
                let position = &self.position[p..p + h];
                s.x.extend(word.iter().zip(position).zip(&self.token_type[..h]).map(|((a, b), c)| a + b + c));
            }
        }
        self.embed_norm.apply(&mut s.x);
        for (l, layer) in self.layers.iter().enumerate() {
            self.layer(l, layer, sequences, total, s);
        }
        let mut offset = 0;
        for seq in sequences {
            let rows = &s.x[offset * h..(offset + seq.len()) * h];
            let mut v = vec![0.0f32; h];
            for row in rows.chunks_exact(h) {
                for (a, b) in v.iter_mut().zip(row) {
                    *a += b;
                }
            }
            // The mean's direction is the sum's: normalizing the sum is mean pooling plus L2.
            let norm = v.iter().map(|a| a * a).sum::<f32>().sqrt().max(1e-12);
            v.iter_mut().for_each(|a| *a /= norm);
            out.push(v);
            offset += seq.len();
        }
    }

    #[inline(always)]
    fn layer(&self, l: usize, layer: &Layer, sequences: &[&[u32]], total: usize, s: &mut Scratch) {
        let h = self.config.hidden_size;
        let heads = self.config.num_attention_heads;
        let hd = h / heads;
        let scale = 1.0 / (hd as f32).sqrt();
        observe(&mut s.observed, l * 4, &s.x, h);
        layer.qkv.forward(&s.x, total, &mut s.quant, &mut s.qkv);
        s.ctx.clear();
        s.ctx.resize(total * h, 0.0);
        let stride = 3 * h;
        let mut offset = 0;
        for seq in sequences {
            let n = seq.len();
            let block = &s.qkv[offset * stride..(offset + n) * stride];
            for head in 0..heads {
                let q = &block[head * hd..];
                let k = &block[h + head * hd..];
                let v = &block[2 * h + head * hd..];
                s.scores.clear();
                s.scores.resize(n * n, 0.0);
                matmul_bt(View::new(q, n, hd, stride), View::new(k, n, hd, stride), 0.0, &mut s.scores, n);
                for row in s.scores.chunks_exact_mut(n) {
                    let max = row.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x * scale));
                    let mut sum = 0.0;
                    for x in row.iter_mut() {
                        *x = (*x * scale - max).exp();
                        sum += *x;
                    }
                    row.iter_mut().for_each(|x| *x /= sum);
                }
                let ctx = &mut s.ctx[offset * h + head * hd..];
                matmul(View::new(&s.scores, n, n, n), View::new(v, n, hd, stride), ctx, h);
            }
            offset += n;
        }
        observe(&mut s.observed, l * 4 + 1, &s.ctx, h);
        layer.attn_out.forward(&s.ctx, total, &mut s.quant, &mut s.tmp);
        add_in_place(&mut s.x, &s.tmp);
        layer.attn_norm.apply(&mut s.x);
        observe(&mut s.observed, l * 4 + 2, &s.x, h);
        layer.intermediate.forward(&s.x, total, &mut s.quant, &mut s.big);
        s.big.iter_mut().for_each(|v| *v = gelu(*v));
        observe(&mut s.observed, l * 4 + 3, &s.big, self.config.intermediate_size);
        layer.output.forward(&s.big, total, &mut s.quant, &mut s.tmp);
        add_in_place(&mut s.x, &s.tmp);
        layer.out_norm.apply(&mut s.x);
    }
}

#[inline(always)]
fn add_in_place(x: &mut [f32], y: &[f32]) {
    x.iter_mut().zip(y).for_each(|(a, b)| *a += b);
}

/// The exact (erf) GELU that BERT's "gelu" names.
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf in f32 as a rational polynomial on [-4, 4] (Eigen's `generic_fast_erf_float`): no
/// `exp`, so the compiler vectorizes it; the GELU over every FFN activation is the model's most
/// frequent non-matrix operation.
#[inline(always)]
fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = x2 * -2.726_142_3e-10 + 2.770_681_4e-8;
    p = p * x2 + -2.101_024e-6;
    p = p * x2 + -5.692_506_4e-5;
    p = p * x2 + -7.349_906e-4;
    p = p * x2 + -2.954_600_1e-3;
    p = p * x2 + -1.609_603_3e-2;
    p *= x;
    let mut q = x2 * -1.456_607_2e-5 + -2.133_740_6e-4;
    q = q * x2 + -1.682_827e-3;
    q = q * x2 + -7.373_329e-3;
    q = q * x2 + -1.426_474e-2;
    p / q
}

fn read_text(path: &Path) -> Result<String, EmbedError> {
    std::fs::read_to_string(path).map_err(|e| EmbedError::Io(path.display().to_string(), e))
}

/// Reads tensors one by one from a `.safetensors` file, without holding the whole file.
struct SafeTensors {
    file: File,
    path: String,
    data_start: u64,
    entries: HashMap<String, Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [u64; 2],
}

impl SafeTensors {
    fn open(path: &Path) -> Result<Self, EmbedError> {
        let shown = path.display().to_string();
        let io = |e| EmbedError::Io(shown.clone(), e);
        let mut file = File::open(path).map_err(io)?;
        let mut len = [0u8; 8];
        file.read_exact(&mut len).map_err(io)?;
        let len = u64::from_le_bytes(len);
        if len > 100 << 20 {
            return Err(EmbedError::Model(format!("{shown}: header of {len} bytes")));
        }
        let mut header = vec![0u8; len as usize];
        file.read_exact(&mut header).map_err(io)?;
        let mut raw: HashMap<String, serde_json::Value> = serde_json::from_slice(&header)
            .map_err(|e| EmbedError::Model(format!("{shown}: header: {e}")))?;
        raw.remove("__metadata__");
        let entries = raw
            .into_iter()
            .map(|(k, v)| serde_json::from_value(v).map(|e| (k, e)))
            .collect::<Result<_, _>>()
            .map_err(|e| EmbedError::Model(format!("{shown}: header entry: {e}")))?;
        Ok(Self { file, path: shown, data_start: 8 + len, entries })
    }

    fn tensor(&mut self, name: &str, shape: &[usize]) -> Result<Vec<f32>, EmbedError> {
        let entry = self
            .entries
            .get(name)
            .ok_or_else(|| EmbedError::Model(format!("{}: no tensor {name}", self.path)))?;
        if entry.shape != shape {
            return Err(EmbedError::Model(format!("{name}: shape {:?}, expected {shape:?}", entry.shape)));
        }
        self.read(name)
    }

    /// A tensor whose first `len` values are used (token type embeddings: type 0 only).
    fn tensor_prefix(&mut self, name: &str, len: usize) -> Result<Vec<f32>, EmbedError> {
        let v = self.read(name)?;
        if v.len() < len {
            return Err(EmbedError::Model(format!("{name}: {} values, expected at least {len}", v.len())));
        }
        Ok(v)
    }

    fn read(&mut self, name: &str) -> Result<Vec<f32>, EmbedError> {
        let entry = self
            .entries
            .get(name)
            .ok_or_else(|| EmbedError::Model(format!("{}: no tensor {name}", self.path)))?;
        if entry.dtype != "F32" {
            return Err(EmbedError::Model(format!("{name}: dtype {} is not F32", entry.dtype)));
        }
        let [start, end] = entry.data_offsets;
        let count: usize = entry.shape.iter().product();
        if end < start || (end - start) as usize != count * 4 {
            return Err(EmbedError::Model(format!("{name}: offsets do not match the shape")));
        }
        let io = |e| EmbedError::Io(self.path.clone(), e);
        self.file.seek(SeekFrom::Start(self.data_start + start)).map_err(io)?;
        let mut bytes = vec![0u8; count * 4];
        self.file.read_exact(&mut bytes).map_err(io)?;
        Ok(bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_is_accurate() {
        for (x, want) in
            [(0.0, 0.0), (0.5, 0.520_499_9), (1.0, 0.842_700_8), (-2.0, -0.995_322_3), (3.5, 0.999_999_3)]
        {
            assert!((erf(x) - want).abs() < 1e-6, "erf({x}) = {}", erf(x));
        }
    }
}
