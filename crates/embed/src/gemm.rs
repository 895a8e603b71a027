//! A safe wrapper around matrixmultiply's `sgemm` (runtime-dispatched AVX2/FMA kernels).

/// A row-major matrix view: `rows` × `cols`, row `i` starting at `i * row_stride`.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    pub data: &'a [f32],
    pub rows: usize,
    pub cols: usize,
    pub row_stride: usize,
}

impl<'a> View<'a> {
    pub(crate) fn new(data: &'a [f32], rows: usize, cols: usize, row_stride: usize) -> Self {
        Self { data, rows, cols, row_stride }
    }

    fn fits(&self) -> bool {
        self.cols <= self.row_stride || self.rows <= 1
    }

    fn needed(&self) -> usize {
        if self.rows == 0 || self.cols == 0 { 0 } else { (self.rows - 1) * self.row_stride + self.cols }
    }
}

/// `c[m×n] = a[m×k] · bᵀ`, where `b` is `n×k` (the PyTorch `Linear` weight layout), plus `c`
/// times `beta`. `c` is dense row-major with row stride `c_stride`.
///
/// Panics when a view does not fit its slice: shapes are fixed by the model, so a mismatch is a
/// programming error, never input-dependent.
pub(crate) fn matmul_bt(a: View<'_>, b: View<'_>, beta: f32, c: &mut [f32], c_stride: usize) {
    assert_eq!(a.cols, b.cols, "inner dimensions differ");
    // bᵀ element (p, j) is b's (j, p): row stride 1, column stride b.row_stride.
    product(a, b, (b.rows, 1, b.row_stride), beta, c, c_stride);
}

/// `c[m×n] = a[m×k] · b[k×n]` (b row-major with row stride `b.row_stride`).
pub(crate) fn matmul(a: View<'_>, b: View<'_>, c: &mut [f32], c_stride: usize) {
    assert_eq!(a.cols, b.rows, "inner dimensions differ");
    product(a, b, (b.cols, b.row_stride, 1), 0.0, c, c_stride);
}

/// `c = a · B + beta·c`, where `B` (k×n) reads `b`'s slice at `p*rsb + j*csb`; `shape` is
/// (n, rsb, csb).
fn product(
    a: View<'_>,
    b: View<'_>,
    (n, rsb, csb): (usize, usize, usize),
    beta: f32,
    c: &mut [f32],
    c_stride: usize,
) {
    assert!(a.fits() && b.fits() && a.data.len() >= a.needed() && b.data.len() >= b.needed());
    let (m, k) = (a.rows, a.cols);
    assert!(n <= c_stride || m <= 1);
    assert!(m == 0 || n == 0 || c.len() >= (m - 1) * c_stride + n, "output too small");
    if m == 0 || n == 0 {
        return;
    }
    let stride = |s: usize| isize::try_from(s).expect("strides fit isize");
    // SAFETY: `b.needed()` covers every element B reads, for both layouts the callers pass
    // (row-major k×n, or the transpose of row-major n×k); `a` is read rows×cols with its row
    // stride, `c` is written m×n with row stride `c_stride`, and the asserts above prove all of
    // it lies inside the borrowed slices. `c` is borrowed mutably, so it cannot alias `a` or `b`.
    #[allow(unsafe_code)]
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.data.as_ptr(),
            stride(a.row_stride),
            1,
            b.data.as_ptr(),
            stride(rsb),
            stride(csb),
            beta,
            c.as_mut_ptr(),
            stride(c_stride),
            1,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_naive_products() {
        let a: Vec<f32> = (0..6).map(|x| x as f32).collect(); // 2×3
        let b: Vec<f32> = (0..12).map(|x| (x as f32) * 0.5).collect(); // 4×3 (bt) or 3×4
        let mut c = vec![0.0; 8];
        matmul_bt(View::new(&a, 2, 3, 3), View::new(&b, 4, 3, 3), 0.0, &mut c, 4);
        for i in 0..2 {
            for j in 0..4 {
                let want: f32 = (0..3).map(|p| a[i * 3 + p] * b[j * 3 + p]).sum();
                assert!((c[i * 4 + j] - want).abs() < 1e-5);
            }
        }
        matmul(View::new(&a, 2, 3, 3), View::new(&b, 3, 4, 4), &mut c, 4);
        for i in 0..2 {
            for j in 0..4 {
                let want: f32 = (0..3).map(|p| a[i * 3 + p] * b[p * 4 + j]).sum();
                assert!((c[i * 4 + j] - want).abs() < 1e-5);
            }
        }
    }

    #[test]
    #[should_panic(expected = "output too small")]
    fn refuses_a_short_output() {
        let a = [1.0; 4];
        let mut c = [0.0; 1];
        matmul_bt(View::new(&a, 2, 2, 2), View::new(&a, 2, 2, 2), 0.0, &mut c, 2);
    }
}
