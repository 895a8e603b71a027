//! Int8 linear layers on CPUs with AVX-512 VNNI: `y = x · Wᵀ + b` with the weights quantized
//! once per output channel (symmetric, `i8`) and each input row quantized on the fly over its
//! own range (asymmetric, `u8`), multiplied by `vpdpbusd` (64 byte products per instruction
//! against 16 float products for an AVX-512 FMA) into exact `i32` sums.
//!
//! Per row, `x ≈ lo + s·q` with `q` in 0..=255, and per output `W ≈ w·p` with `p` in
//! -127..=127, so `Σ x·W ≈ w·(s·Σ q·p + lo·Σ p)`: the integer products are exact, and the only
//! error is the rounding of `x` and `W` to 256 and 255 levels of their own range. A row's
//! result does not depend on the other rows of the batch.

/// Output columns per panel: four 16-lane `i32` registers.
const PANEL: usize = 64;

/// Rows per micro-tile (4 rows × 4 registers = 16 accumulators of the 32).
const ROWS: usize = 4;

/// Whether this CPU runs the int8 kernel.
pub(crate) fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vnni")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// A linear layer (`out × inp` weights in PyTorch's `Linear` layout, and a bias) quantized per
/// output channel and packed for the kernel: for each panel of 64 outputs, for each group of 4
/// inputs, the 64 outputs' 4 bytes in a row (one 256-byte stretch read as four registers).
///
/// A few input dimensions (`outliers`, found by calibration) stay in floats: their values are
/// far larger than the rest of their row, and rounded with it they would coarsen every other
/// value of the row.
pub(crate) struct QuantWeight {
    out: usize,
    inp: usize,
    packed: Vec<i8>,
    /// Per output: the step of its levels.
    scale: Vec<f32>,
    /// Per output: the sum of its levels, for the rows' offsets.
    sums: Vec<f32>,
    bias: Vec<f32>,
    /// Input dimensions computed in floats (sorted), and their weights (`outliers × out`).
    outliers: Vec<usize>,
    outlier_weights: Vec<f32>,
}

impl QuantWeight {
    /// The quantized layer, or `None` for a shape the kernel does not take (outputs not a
    /// multiple of 64, inputs not a multiple of 4).
    pub(crate) fn new(
        weight: &[f32],
        bias: &[f32],
        out: usize,
        inp: usize,
        mut outliers: Vec<usize>,
    ) -> Option<Self> {
        if out == 0 || inp == 0 || !out.is_multiple_of(PANEL) || !inp.is_multiple_of(4) {
            return None;
        }
        assert_eq!(weight.len(), out * inp, "weight shape");
        assert_eq!(bias.len(), out, "bias shape");
        outliers.sort_unstable();
        outliers.dedup();
        outliers.retain(|&d| d < inp);
        let kept = |k: &usize| outliers.binary_search(k).is_err();
        let mut levels = vec![0i8; out * inp];
        let mut scale = vec![0.0f32; out];
        let mut sums = vec![0.0f32; out];
        for o in 0..out {
            let row = &weight[o * inp..(o + 1) * inp];
            let max = (0..inp).filter(kept).fold(0.0f32, |m, k| m.max(row[k].abs()));
            let step = if max > 0.0 { max / 127.0 } else { 1.0 };
            let mut sum = 0i32;
            for k in (0..inp).filter(kept) {
                // In -127..=127 by construction of `step`.
                let l = (row[k] / step).round().clamp(-127.0, 127.0) as i8;
                levels[o * inp + k] = l;
                sum += i32::from(l);
            }
            scale[o] = step;
            sums[o] = sum as f32;
        }
        let groups = inp / 4;
        let mut packed = vec![0i8; out * inp];
        for panel in 0..out / PANEL {
            for g in 0..groups {
                let base = (panel * groups + g) * PANEL * 4;
                for j in 0..PANEL {
                    let o = panel * PANEL + j;
                    packed[base + j * 4..base + j * 4 + 4]
                        .copy_from_slice(&levels[o * inp + g * 4..o * inp + g * 4 + 4]);
                }
            }
        }
        let outlier_weights =
            outliers.iter().flat_map(|&d| (0..out).map(move |o| weight[o * inp + d])).collect();
        Some(Self { out, inp, packed, scale, sums, bias: bias.to_vec(), outliers, outlier_weights })
    }

    #[cfg(test)]
    fn outliers(&self) -> &[usize] {
        &self.outliers
    }
}

/// Scratch for the rows of one product: each quantized to bytes over its own range
/// (`x ≈ lo + step·q`, outlier dimensions left out), and the outlier values in floats.
#[derive(Default)]
pub(crate) struct QuantRows {
    levels: Vec<u8>,
    step: Vec<f32>,
    lo: Vec<f32>,
    /// `rows × outliers` values.
    extra: Vec<f32>,
}

/// `y[n×out] = x[n×inp] · Wᵀ + b`. Only call when [`available`] is true.
pub(crate) fn linear(x: &[f32], n: usize, w: &QuantWeight, rows: &mut QuantRows, y: &mut Vec<f32>) {
    assert!(x.len() >= n * w.inp, "input shape");
    rows.levels.resize(n * w.inp, 0);
    rows.step.resize(n, 0.0);
    rows.lo.resize(n, 0.0);
    rows.extra.resize(n * w.outliers.len(), 0.0);
    // Every value of `y` is written by the kernel: no need to clear what a larger batch left.
    y.truncate(n * w.out);
    y.resize(n * w.out, 0.0);
    #[cfg(target_arch = "x86_64")]
    kernel::run(&x[..n * w.inp], n, w, rows, y);
}

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod kernel {
    use std::arch::x86_64::*;

    use super::{PANEL, QuantRows, QuantWeight, ROWS};

    pub(super) fn run(x: &[f32], n: usize, w: &QuantWeight, rows: &mut QuantRows, y: &mut [f32]) {
        // What the kernels below rely on, checked here where they are called.
        let k = w.outliers.len();
        assert!(super::available(), "the int8 kernel needs AVX-512 VNNI");
        assert!(w.out.is_multiple_of(PANEL) && w.inp.is_multiple_of(4), "weight shape");
        assert_eq!(w.packed.len(), w.out * w.inp, "packed weight shape");
        assert!(
            w.scale.len() == w.out && w.sums.len() == w.out && w.bias.len() == w.out,
            "per-output shapes"
        );
        assert_eq!(w.outlier_weights.len(), k * w.out, "outlier weight shape");
        assert!(w.outliers.iter().all(|&d| d < w.inp), "outlier dimensions");
        assert!(x.len() == n * w.inp && y.len() == n * w.out, "row shapes");
        assert!(rows.levels.len() == n * w.inp && rows.step.len() == n && rows.lo.len() == n, "row scratch");
        assert_eq!(rows.extra.len(), n * k, "outlier scratch");
        // SAFETY: the CPU has AVX-512 F, BW and VNNI (asserted above).
        unsafe { quantize(x, w, rows) };
        for panel in 0..w.out / PANEL {
            let mut row = 0;
            while row < n {
                let take = (n - row).min(ROWS);
                // SAFETY: asserted above: the CPU; `rows` holds `n` rows of `w.inp` levels
                // and `outliers` extra values, `w.packed` `out × inp` bytes, `w.scale`,
                // `w.sums` and `w.bias` `out` values, `w.outlier_weights` `outliers × out`,
                // and `y` `n × out`; `tile` reads rows `row..row + take` (`take ≤ n - row`)
                // of panel `panel < out / 64` and writes the same rows' 64 columns of that
                // panel, all inside those slices.
                unsafe {
                    match take {
                        4 => tile::<4>(rows, w, y, row, panel),
                        3 => tile::<3>(rows, w, y, row, panel),
                        2 => tile::<2>(rows, w, y, row, panel),
                        _ => tile::<1>(rows, w, y, row, panel),
                    }
                }
                row += take;
            }
        }
    }

    /// Quantizes every row of `x` over the range of its dimensions that are not outliers, and
    /// copies the outliers out. Plain code, compiled for AVX-512 so that it vectorizes.
    #[target_feature(enable = "avx512f,avx512bw")]
    fn quantize(x: &[f32], w: &QuantWeight, rows: &mut QuantRows) {
        let inp = w.inp;
        let k = w.outliers.len();
        let rows_out = rows.levels.chunks_exact_mut(inp).zip(rows.step.iter_mut()).zip(rows.lo.iter_mut());
        for (i, ((out, step_out), lo_out)) in rows_out.enumerate() {
            let row = &x[i * inp..(i + 1) * inp];
            // The range over the stretches between outlier dimensions (sorted).
            let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
            let mut from = 0;
            for &end in w.outliers.iter().chain(std::iter::once(&inp)) {
                let (a, b) = range(&row[from..end.max(from)]);
                (lo, hi) = (lo.min(a), hi.max(b));
                from = end + 1;
            }
            // No dimension left besides outliers (or non-finite values): all levels 0 at offset 0.
            if !(lo.is_finite() && hi.is_finite()) {
                (lo, hi) = (0.0, 0.0);
            }
            let step = if hi > lo { (hi - lo) / 255.0 } else { 1.0 };
            let inv = 1.0 / step;
            // Rounded by adding a half and truncating (the values are not negative); outlier
            // dimensions (their weights are zero) clamp to either end. Sixteen at a time.
            let (lo_v, inv_v, half) = (_mm512_set1_ps(lo), _mm512_set1_ps(inv), _mm512_set1_ps(0.5));
            let (zero, top) = (_mm512_setzero_ps(), _mm512_set1_ps(255.0));
            let mut qs = out.chunks_exact_mut(16);
            let mut vs = row.chunks_exact(16);
            for (q, v) in (&mut qs).zip(&mut vs) {
                // SAFETY: `v` holds 16 floats and `q` 16 bytes (exact chunks).
                unsafe {
                    let t = _mm512_fmadd_ps(_mm512_sub_ps(_mm512_loadu_ps(v.as_ptr()), lo_v), inv_v, half);
                    let t = _mm512_min_ps(_mm512_max_ps(t, zero), top);
                    let bytes = _mm512_cvtusepi32_epi8(_mm512_cvttps_epi32(t));
                    _mm_storeu_si128(q.as_mut_ptr().cast(), bytes);
                }
            }
            for (q, v) in qs.into_remainder().iter_mut().zip(vs.remainder()) {
                *q = ((v - lo) * inv + 0.5).clamp(0.0, 255.0) as u8;
            }
            *step_out = step;
            *lo_out = lo;
            for (e, &d) in rows.extra[i * k..(i + 1) * k].iter_mut().zip(&w.outliers) {
                *e = row[d];
            }
        }
    }

    /// The smallest and largest of `values`, sixteen at a time.
    #[target_feature(enable = "avx512f,avx512bw")]
    fn range(values: &[f32]) -> (f32, f32) {
        let mut lo = _mm512_set1_ps(f32::INFINITY);
        let mut hi = _mm512_set1_ps(f32::NEG_INFINITY);
        let chunks = values.chunks_exact(16);
        let tail = chunks.remainder();
        for chunk in chunks {
            // SAFETY: `chunk` holds 16 floats.
            let v = unsafe { _mm512_loadu_ps(chunk.as_ptr()) };
            lo = _mm512_min_ps(lo, v);
            hi = _mm512_max_ps(hi, v);
        }
        let lo = tail.iter().fold(_mm512_reduce_min_ps(lo), |m, &v| m.min(v));
        let hi = tail.iter().fold(_mm512_reduce_max_ps(hi), |m, &v| m.max(v));
        (lo, hi)
    }

    /// Rows `row..row + R` against one 64-output panel, with the float epilogue.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    unsafe fn tile<const R: usize>(x: &QuantRows, w: &QuantWeight, y: &mut [f32], row: usize, panel: usize) {
        let inp = w.inp;
        let groups = inp / 4;
        let k = w.outliers.len();
        let mut acc = [[_mm512_setzero_si512(); 4]; R];
        // SAFETY (whole body): see `run`; every offset below is inside the slices it reads.
        unsafe {
            let b = w.packed.as_ptr().add(panel * groups * PANEL * 4);
            let a = x.levels.as_ptr().add(row * inp);
            for g in 0..groups {
                let bp = b.add(g * PANEL * 4);
                let b0 = _mm512_loadu_si512(bp.cast());
                let b1 = _mm512_loadu_si512(bp.add(64).cast());
                let b2 = _mm512_loadu_si512(bp.add(128).cast());
                let b3 = _mm512_loadu_si512(bp.add(192).cast());
                for (r, acc) in acc.iter_mut().enumerate() {
                    let quad = a.add(r * inp + g * 4).cast::<i32>().read_unaligned();
                    let av = _mm512_set1_epi32(quad);
                    acc[0] = _mm512_dpbusd_epi32(acc[0], av, b0);
                    acc[1] = _mm512_dpbusd_epi32(acc[1], av, b1);
                    acc[2] = _mm512_dpbusd_epi32(acc[2], av, b2);
                    acc[3] = _mm512_dpbusd_epi32(acc[3], av, b3);
                }
            }
            let o0 = panel * PANEL;
            for (r, acc) in acc.iter().enumerate() {
                let i = row + r;
                let step = _mm512_set1_ps(*x.step.get_unchecked(i));
                let lo = _mm512_set1_ps(*x.lo.get_unchecked(i));
                for (j, acc) in acc.iter().enumerate() {
                    let o = o0 + j * 16;
                    let sums = _mm512_loadu_ps(w.sums.as_ptr().add(o));
                    let scale = _mm512_loadu_ps(w.scale.as_ptr().add(o));
                    let bias = _mm512_loadu_ps(w.bias.as_ptr().add(o));
                    // w·(s·Σqp + lo·Σp) + b, plus the outlier dimensions in floats.
                    let dot = _mm512_fmadd_ps(_mm512_cvtepi32_ps(*acc), step, _mm512_mul_ps(lo, sums));
                    let mut v = _mm512_fmadd_ps(dot, scale, bias);
                    for t in 0..k {
                        let e = _mm512_set1_ps(*x.extra.get_unchecked(i * k + t));
                        v = _mm512_fmadd_ps(
                            e,
                            _mm512_loadu_ps(w.outlier_weights.as_ptr().add(t * w.out + o)),
                            v,
                        );
                    }
                    _mm512_storeu_ps(y.as_mut_ptr().add(i * w.out + o), v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reproducible values in [-1, 1).
    fn noise(len: usize, seed: u64) -> Vec<f32> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn matches_the_float_product() {
        if !available() {
            eprintln!("no AVX-512 VNNI on this CPU: the int8 kernel is not used here");
            return;
        }
        let (n, out, inp) = (7, 128, 96);
        let mut x = noise(n * inp, 1);
        // Dimension 5 is an outlier in every row (kept in floats); row 0 has one more, not
        // kept, that widens its range.
        for i in 0..n {
            x[i * inp + 5] = 30.0 - i as f32;
        }
        x[40] = 9.0;
        let weight = noise(out * inp, 2);
        let bias = noise(out, 3);
        let w = QuantWeight::new(&weight, &bias, out, inp, vec![5]).expect("a supported shape");
        let mut rows = QuantRows::default();
        let mut y = Vec::new();
        linear(&x, n, &w, &mut rows, &mut y);
        let groups = inp / 4;
        let level = |o: usize, k: usize| {
            f32::from(w.packed[((o / PANEL) * groups + k / 4) * PANEL * 4 + (o % PANEL) * 4 + k % 4])
        };
        for i in 0..n {
            for o in 0..out {
                // Exactly the product of the quantized values (the kernel's arithmetic), the
                // outlier in floats...
                let dequantized: f32 = (0..inp)
                    .map(|k| {
                        let xq = rows.lo[i] + rows.step[i] * f32::from(rows.levels[i * inp + k]);
                        xq * w.scale[o] * level(o, k)
                    })
                    .sum::<f32>()
                    + bias[o]
                    + x[i * inp + 5] * weight[o * inp + 5];
                let got = y[i * out + o];
                assert!((got - dequantized).abs() < 1e-4 * (1.0 + dequantized.abs()), "row {i} out {o}");
                // ...and close to the float product: each side rounded to a 255th of its range
                // (the outlier's 30 left out of it).
                let exact: f32 =
                    (0..inp).map(|k| x[i * inp + k] * weight[o * inp + k]).sum::<f32>() + bias[o];
                let range = if i == 0 { 10.0 } else { 2.0 };
                let bound = 3.0 * (range / 255.0) * (inp as f32).sqrt();
                assert!((got - exact).abs() < bound, "row {i} out {o}: {got} vs {exact}");
            }
        }
        // A row's result does not depend on the rows beside it.
        let mut y1 = Vec::new();
        linear(&x[3 * inp..4 * inp], 1, &w, &mut QuantRows::default(), &mut y1);
        assert_eq!(y1, y[3 * out..4 * out]);
    }

    #[test]
    fn refuses_shapes_the_kernel_does_not_take() {
        assert!(QuantWeight::new(&[0.0; 48 * 8], &[0.0; 48], 48, 8, Vec::new()).is_none());
        assert!(QuantWeight::new(&[0.0; 64 * 6], &[0.0; 64], 64, 6, Vec::new()).is_none());
        let w = QuantWeight::new(&[0.0; 64 * 8], &[0.0; 64], 64, 8, vec![9, 3, 3]).expect("supported");
        assert_eq!(w.outliers(), [3], "outliers sorted, deduplicated, inside the input");
    }
}
