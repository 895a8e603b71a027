//! Calibration of a tenant's questions from its interviewers' scorecards: how well a question's
//! scores (1-4 on its rubric) separate the candidates who advanced from those who did not, and
//! how consistently two interviewers score the same candidate on it.
//!
//! Everything is worked out from integer running totals per (tenant, role, question) that the
//! store moves by each scorecard and outcome ([`Totals::of`] is what one candidate's scores add),
//! so no score is read again to calibrate or to rank, and every change is undone exactly.
//!
//! - **Discrimination** is the point-biserial correlation of the scores with the outcome
//!   (advanced 1, rejected 0) over every score given to a candidate with one of those outcomes,
//!   with a 95% interval from Fisher's z over the number of *candidates* (interviewers of one
//!   candidate are not independent samples). Shown only past [`MIN_CANDIDATES`] candidates with
//!   at least [`MIN_PER_OUTCOME`] of each outcome.
//! - **Agreement** among interviewers is the intraclass correlation `1 - σ²_within / σ²_total`,
//!   with the within-candidate variance from the squared differences of pairs of interviewers
//!   (`E[(a - b)²] = 2σ²_within`), and the share of pairs that gave the same score. Shown only
//!   past [`MIN_PAIRS`] pairs.
//!
//! A question whose interval lies above zero discriminates and rises in that tenant's kits for
//! the role ([`Measures::signal`]); one past the minimum sample whose interval does not is
//! flagged for review. Withdrawn candidates and scores without an outcome count towards
//! agreement only.

/// Candidates (kits) with an outcome scored on a question before its discrimination is shown.
pub const MIN_CANDIDATES: i64 = 20;
/// Of each outcome (advanced, rejected), within [`MIN_CANDIDATES`].
pub const MIN_PER_OUTCOME: i64 = 5;
/// Pairs of interviewers scoring one candidate before agreement is shown.
pub const MIN_PAIRS: i64 = 10;

/// Stored outcome codes (`StageOutcome`): only these two enter discrimination.
pub const ADVANCED: i32 = 1;
pub const REJECTED: i32 = 2;

/// The z of a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The totals struct, its column names (those of the store's table) and its columns as an
/// array, from one list of fields.
macro_rules! totals {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// Running totals of one question's scores for one tenant and role.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct Totals {
            $($(#[$doc])* pub $field: i64,)*
        }

        /// The totals' columns, in the order of [`Totals::columns`].
        pub const COLUMNS: [&str; 14] = [$(stringify!($field)),*];

        impl Totals {
            pub fn columns(&self) -> [i64; 14] {
                [$(self.$field),*]
            }

            pub fn from_columns(c: [i64; 14]) -> Self {
                let [$($field),*] = c;
                Self { $($field),* }
            }
        }
    };
}

totals! {
    /// Candidates who advanced, their scores, the scores' sum and sum of squares.
    adv_kits,
    adv_n,
    adv_sum,
    adv_sumsq,
    /// The same for candidates who were rejected.
    rej_kits,
    rej_n,
    rej_sum,
    rej_sumsq,
    /// Every score, whatever the outcome.
    scores,
    score_sum,
    score_sumsq,
    /// Pairs of interviewers who scored one candidate, the sum of their squared differences and
    /// the pairs that agreed exactly.
    pairs,
    pair_sqdiff,
    pairs_exact,
}

impl Totals {
    /// What one candidate's scores on one question (one per interviewer) add, given the
    /// candidate's outcome.
    pub fn of(scores: &[i32], outcome: i32) -> Self {
        let k = scores.len() as i64;
        let sum: i64 = scores.iter().map(|&s| i64::from(s)).sum();
        let sumsq: i64 = scores.iter().map(|&s| i64::from(s) * i64::from(s)).sum();
        let mut counts = [0i64; 5];
        for &s in scores {
            counts[usize::try_from(s).unwrap_or(0).min(4)] += 1;
        }
        let side = |o: i32| if outcome == o && k > 0 { (1, k, sum, sumsq) } else { (0, 0, 0, 0) };
        let (adv_kits, adv_n, adv_sum, adv_sumsq) = side(ADVANCED);
        let (rej_kits, rej_n, rej_sum, rej_sumsq) = side(REJECTED);
        Self {
            adv_kits,
            adv_n,
            adv_sum,
            adv_sumsq,
            rej_kits,
            rej_n,
            rej_sum,
            rej_sumsq,
            scores: k,
            score_sum: sum,
            score_sumsq: sumsq,
            pairs: k * (k - 1).max(0) / 2,
            // Σ over pairs (a - b)² = k·Σa² - (Σa)².
            pair_sqdiff: k * sumsq - sum * sum,
            pairs_exact: counts.iter().map(|c| c * (c - 1).max(0) / 2).sum(),
        }
    }

    /// Adds another tenant's totals (the shared prior).
    pub fn add(&mut self, other: &Self) {
        let (a, b) = (self.columns(), other.columns());
        *self = Self::from_columns(std::array::from_fn(|i| a[i] + b[i]));
    }

    /// The change from `before` to `self`.
    pub fn minus(&self, before: &Self) -> Self {
        let (a, b) = (self.columns(), before.columns());
        Self::from_columns(std::array::from_fn(|i| a[i] - b[i]))
    }

    pub fn is_zero(&self) -> bool {
        self.columns().iter().all(|&c| c == 0)
    }

    /// The figures shown for these totals.
    pub fn measures(&self) -> Measures {
        let candidates = self.adv_kits + self.rej_kits;
        let enough = candidates >= MIN_CANDIDATES
            && self.adv_kits >= MIN_PER_OUTCOME
            && self.rej_kits >= MIN_PER_OUTCOME;
        let discrimination = enough.then(|| {
            let r = self.point_biserial();
            let (low, high) = fisher_interval(r, candidates);
            Interval { r, low, high }
        });
        let verdict = match discrimination {
            None => Verdict::TooFew,
            Some(d) if d.low > 0.0 => Verdict::Discriminates,
            Some(_) => Verdict::Review,
        };
        let agreement = (self.pairs >= MIN_PAIRS).then(|| {
            let n = self.scores as f64;
            let total = (self.score_sumsq as f64 - (self.score_sum as f64).powi(2) / n) / (n - 1.0);
            let within = self.pair_sqdiff as f64 / self.pairs as f64 / 2.0;
            let icc = if total > 0.0 { 1.0 - within / total } else { 1.0 };
            (self.pairs_exact as f64 / self.pairs as f64, icc.clamp(-1.0, 1.0))
        });
        Measures {
            candidates,
            advanced: self.adv_kits,
            rejected: self.rej_kits,
            scores: self.scores,
            pairs: self.pairs,
            discrimination,
            exact_agreement: agreement.map(|a| a.0),
            agreement: agreement.map(|a| a.1),
            verdict,
        }
    }

    /// The point-biserial correlation of the scores given to candidates with an outcome with
    /// that outcome; 0 when every score is the same.
    fn point_biserial(&self) -> f64 {
        let (n1, n0) = (self.adv_n as f64, self.rej_n as f64);
        let n = n1 + n0;
        if n1 == 0.0 || n0 == 0.0 {
            return 0.0;
        }
        let mean = (self.adv_sum + self.rej_sum) as f64 / n;
        let variance = (self.adv_sumsq + self.rej_sumsq) as f64 / n - mean * mean;
        if variance <= 1e-12 {
            return 0.0;
        }
        let (m1, m0) = (self.adv_sum as f64 / n1, self.rej_sum as f64 / n0);
        ((m1 - m0) / variance.sqrt() * (n1 / n * (n0 / n)).sqrt()).clamp(-1.0, 1.0)
    }
}

/// The 95% interval of a correlation over `n` independent units (Fisher's z).
fn fisher_interval(r: f64, n: i64) -> (f64, f64) {
    if n <= 3 {
        return (-1.0, 1.0);
    }
    let z = r.clamp(-0.999_999, 0.999_999).atanh();
    let se = 1.0 / ((n - 3) as f64).sqrt();
    ((z - Z95 * se).tanh(), (z + Z95 * se).tanh())
}

/// The shared prior's calibration signal from several tenants' totals for one question: each
/// tenant's correlation pooled on Fisher's z, weighted by its candidates less three, so that
/// tenants that score more leniently and advance more candidates do not pass for discrimination
/// (summed totals would mix the difference between tenants into the correlation). Tenants with
/// both outcomes and more than three candidates count; None below the minimum sample over them,
/// else the pooled interval's low end, 0 when it is not above zero.
pub fn pooled_signal(tenants: &[Totals]) -> Option<f32> {
    let usable: Vec<&Totals> =
        tenants.iter().filter(|t| t.adv_kits > 0 && t.rej_kits > 0 && t.adv_kits + t.rej_kits > 3).collect();
    let advanced: i64 = usable.iter().map(|t| t.adv_kits).sum();
    let rejected: i64 = usable.iter().map(|t| t.rej_kits).sum();
    if advanced + rejected < MIN_CANDIDATES || advanced < MIN_PER_OUTCOME || rejected < MIN_PER_OUTCOME {
        return None;
    }
    let weight = |t: &Totals| (t.adv_kits + t.rej_kits - 3) as f64;
    let total: f64 = usable.iter().map(|t| weight(t)).sum();
    let z = usable
        .iter()
        .map(|t| weight(t) * t.point_biserial().clamp(-0.999_999, 0.999_999).atanh())
        .sum::<f64>()
        / total;
    Some((z - Z95 / total.sqrt()).tanh().clamp(0.0, 1.0) as f32)
}

/// A correlation and its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub r: f64,
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Discriminates,
    Review,
    TooFew,
}

/// What calibration shows for one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    pub candidates: i64,
    pub advanced: i64,
    pub rejected: i64,
    pub scores: i64,
    pub pairs: i64,
    pub discrimination: Option<Interval>,
    pub exact_agreement: Option<f64>,
    pub agreement: Option<f64>,
    pub verdict: Verdict,
}

impl Measures {
    /// The ranking signal in [0, 1]: the low end of a discriminating question's interval (how
    /// surely it separates candidates), 0 for every other question.
    pub fn signal(&self) -> f32 {
        match (self.verdict, self.discrimination) {
            (Verdict::Discriminates, Some(d)) => d.low.clamp(0.0, 1.0) as f32,
            _ => 0.0,
        }
    }

    /// The signal where calibration has measured the question (past the minimum sample: 0 for
    /// one under review); None where it has too few candidates to say.
    pub fn measured_signal(&self) -> Option<f32> {
        (self.verdict != Verdict::TooFew).then(|| self.signal())
    }

    /// Order of a calibration report: discriminating questions first by the low end of their
    /// interval, then those under review, then those with too few candidates by sample.
    pub fn report_order(&self, other: &Self) -> std::cmp::Ordering {
        let low = |m: &Self| m.discrimination.map_or(f64::NEG_INFINITY, |d| d.low);
        self.verdict
            .cmp(&other.verdict)
            .then(low(other).total_cmp(&low(self)))
            .then(other.candidates.cmp(&self.candidates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(groups: &[(&[i32], i32)]) -> Totals {
        let mut t = Totals::default();
        for (scores, outcome) in groups {
            t.add(&Totals::of(scores, *outcome));
        }
        t
    }

    /// Pearson's r between score and outcome over every score (what the point-biserial is).
    fn pearson(groups: &[(&[i32], i32)]) -> f64 {
        let pts: Vec<(f64, f64)> = groups
            .iter()
            .filter(|(_, o)| *o == ADVANCED || *o == REJECTED)
            .flat_map(|(s, o)| s.iter().map(move |&x| (f64::from(x), f64::from(u8::from(*o == ADVANCED)))))
            .collect();
        let n = pts.len() as f64;
        let (mx, my) = (pts.iter().map(|p| p.0).sum::<f64>() / n, pts.iter().map(|p| p.1).sum::<f64>() / n);
        let cov: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
        let vx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
        let vy: f64 = pts.iter().map(|p| (p.1 - my).powi(2)).sum();
        cov / (vx * vy).sqrt()
    }

    #[test]
    fn one_candidate_s_scores_add_pairs_and_sides() {
        let t = Totals::of(&[4, 4, 2], ADVANCED);
        assert_eq!((t.adv_kits, t.adv_n, t.adv_sum, t.adv_sumsq), (1, 3, 10, 36));
        assert_eq!((t.rej_kits, t.rej_n), (0, 0));
        // Pairs (4,4), (4,2), (4,2): differences 0, 4, 4; one exact.
        assert_eq!((t.pairs, t.pair_sqdiff, t.pairs_exact), (3, 8, 1));
        let withdrew = Totals::of(&[3], 3);
        assert_eq!((withdrew.adv_kits, withdrew.rej_kits, withdrew.scores), (0, 0, 1));
        assert!(Totals::of(&[], ADVANCED).is_zero());
    }

    #[test]
    fn a_change_is_undone_exactly() {
        let before = total(&[(&[1, 2], REJECTED), (&[4], ADVANCED)]);
        let after = before.minus(&Totals::of(&[4], ADVANCED).minus(&Totals::of(&[3, 4], REJECTED)));
        let back = after.minus(&Totals::of(&[3, 4], REJECTED).minus(&Totals::of(&[4], ADVANCED)));
        assert_eq!(back, before);
    }

    #[test]
    fn discrimination_is_the_point_biserial_with_a_fisher_interval() {
        let mut groups: Vec<(&[i32], i32)> = Vec::new();
        for i in 0..30 {
            let advanced = i % 3 != 0;
            let scores: &[i32] = match (advanced, i % 4) {
                (true, 0) => &[4, 3],
                (true, 1) => &[3],
                (true, _) => &[2, 4],
                (false, 0) => &[1, 2],
                (false, _) => &[3],
            };
            groups.push((scores, if advanced { ADVANCED } else { REJECTED }));
        }
        groups.push((&[4, 4], 3));
        let m = total(&groups).measures();
        let d = m.discrimination.expect("past the minimum sample");
        assert!((d.r - pearson(&groups)).abs() < 1e-9, "{} vs {}", d.r, pearson(&groups));
        let (z, se) = (d.r.atanh(), 1.0 / 27f64.sqrt());
        assert!(
            (d.low - (z - Z95 * se).tanh()).abs() < 1e-9 && (d.high - (z + Z95 * se).tanh()).abs() < 1e-9
        );
        assert_eq!((m.candidates, m.advanced, m.rejected), (30, 20, 10));
    }

    #[test]
    fn too_few_candidates_show_nothing_and_noise_is_flagged() {
        let few: Vec<(&[i32], i32)> =
            (0..19).map(|i| (&[4][..], if i < 10 { ADVANCED } else { REJECTED })).collect();
        let m = total(&few).measures();
        assert_eq!((m.verdict, m.discrimination, m.signal()), (Verdict::TooFew, None, 0.0));
        // One-sided outcomes never show, however many.
        let one_sided: Vec<(&[i32], i32)> = (0..40).map(|_| (&[3][..], ADVANCED)).collect();
        assert_eq!(total(&one_sided).measures().verdict, Verdict::TooFew);
        // Scores that do not follow the outcome: past the sample, flagged, no signal.
        let noise: Vec<(&[i32], i32)> = (0..40)
            .map(|i| {
                (if i % 2 == 0 { &[2][..] } else { &[3][..] }, if i % 4 < 2 { ADVANCED } else { REJECTED })
            })
            .collect();
        let m = total(&noise).measures();
        assert_eq!(m.verdict, Verdict::Review);
        assert!(m.discrimination.unwrap().r.abs() < 1e-9 && m.signal() == 0.0);
        // Scores that do: discriminating, a signal of the interval's low end.
        let clear: Vec<(&[i32], i32)> =
            (0..40).map(|i| if i % 2 == 0 { (&[4][..], ADVANCED) } else { (&[1][..], REJECTED) }).collect();
        let m = total(&clear).measures();
        assert_eq!(m.verdict, Verdict::Discriminates);
        assert!(m.signal() > 0.9, "{m:?}");
        assert_eq!(m.report_order(&total(&noise).measures()), std::cmp::Ordering::Less);
    }

    #[test]
    fn the_shared_prior_pools_each_tenant_s_correlation_not_their_summed_scores() {
        // A lenient tenant (scores 4, most advance) and a strict one (scores 1, most are
        // rejected): neither's scores separate its own candidates, yet summed they would.
        let lenient: Vec<(&[i32], i32)> =
            (0..30).map(|i| (&[4][..], if i % 10 == 0 { REJECTED } else { ADVANCED })).collect();
        let strict: Vec<(&[i32], i32)> =
            (0..30).map(|i| (&[1][..], if i % 10 == 0 { ADVANCED } else { REJECTED })).collect();
        let (a, b) = (total(&lenient), total(&strict));
        let mut summed = a;
        summed.add(&b);
        assert_eq!(summed.measures().verdict, Verdict::Discriminates, "the paradox summing walks into");
        assert_eq!(pooled_signal(&[a, b]), Some(0.0));
        // Two tenants whose scores do separate their own candidates: a signal, and none from
        // a tenant with one outcome only or below the sample.
        let clear: Vec<(&[i32], i32)> =
            (0..12).map(|i| if i % 2 == 0 { (&[4][..], ADVANCED) } else { (&[1][..], REJECTED) }).collect();
        assert!(pooled_signal(&[total(&clear), total(&clear)]).is_some_and(|s| s > 0.5));
        assert_eq!(pooled_signal(&[total(&clear)]), None, "12 candidates are below the sample");
        assert_eq!(pooled_signal(&[total(&clear), total(&lenient[1..10])]), None, "one outcome only");
    }

    #[test]
    fn agreement_is_one_when_interviewers_agree_and_falls_when_they_do_not() {
        let agree: Vec<(&[i32], i32)> =
            (0..12).map(|i| (if i % 2 == 0 { &[4, 4][..] } else { &[1, 1][..] }, 0)).collect();
        let m = total(&agree).measures();
        assert_eq!((m.pairs, m.exact_agreement, m.agreement), (12, Some(1.0), Some(1.0)));
        let split: Vec<(&[i32], i32)> = (0..12).map(|_| (&[1, 4][..], 0)).collect();
        let m = total(&split).measures();
        assert_eq!(m.exact_agreement, Some(0.0));
        assert!(m.agreement.unwrap() < 0.0, "{m:?}");
        let few: Vec<(&[i32], i32)> = (0..9).map(|_| (&[3, 3][..], 0)).collect();
        assert_eq!(total(&few).measures().agreement, None);
    }
}
