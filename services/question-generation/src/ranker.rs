//! Ranking a kit: a candidate pool per role retrieved through the vector store (hybrid dense
//! and sparse), then a re-ranker that weighs similarity to the role and to the resume,
//! requirement coverage, diversity (maximal marginal relevance), seniority fit and the
//! question's measured effectiveness.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use nexushr_domain::Role;
use nexushr_embed::SparseVector;
use nexushr_vector_store::{Filter, Query, Scope, StoreError, Vectors};

use crate::bank::{Bank, Question};
use crate::candidate::{Candidate, Span};
use crate::engine::Spec;
use crate::kit::{Evidence, KitQuestion, Probe};

pub const RANKER_VERSION: &str = "rerank-v1";
pub const COLLECTION: &str = "questions";

/// The competencies of the behavioral model, in the order a kit prefers them.
pub const COMPETENCIES: &[&str] = &[
    "problem-solving",
    "ownership",
    "collaboration",
    "communication",
    "conflict",
    "learning",
    "leadership",
    "customer-focus",
    "adaptability",
    "prioritization",
];

/// Weights of the re-ranker's signals.
const W_ROLE: f32 = 0.30;
const W_RESUME: f32 = 0.30;
const W_COVERAGE: f32 = 0.25;
const W_EFFECT: f32 = 0.10;
const W_SENIORITY: f32 = 0.10;
const W_DIVERSITY: f32 = 0.35;
const W_PROBE_MIX: f32 = 0.03;
/// Candidates the greedy selection considers: twelve per question asked, at least 60, at most
/// 200 (a 10-question kit looks at the best 120 of a pool of about 370).
fn select_candidates(count: usize) -> usize {
    (count * 12).clamp(60, 200)
}

/// Role skills a kit tries to cover.
pub const ROLE_SKILLS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Screen,
    Technical,
    Onsite,
    Final,
}

impl Stage {
    /// The default share of behavioral and situational questions.
    fn behavioral_share(self) -> f32 {
        match self {
            Stage::Screen => 0.5,
            Stage::Technical => 0.2,
            Stage::Onsite => 0.4,
            Stage::Final => 0.6,
        }
    }
}

/// Vectors of a candidate's texts (claims, then skill lines), aligned with `Candidate::texts`,
/// and the resume's closest line to every bank question, computed once when the resume is
/// prepared so a Generate only looks them up.
#[derive(Debug, Clone, Default)]
pub struct CandidateVectors {
    pub dense: Option<Vec<Vec<f32>>>,
    pub sparse: Vec<SparseVector>,
    /// Per bank question (by index): the best similarity to a resume line and that line.
    /// Questions added to the bank later are past its end and are scored at request time.
    nearest: Vec<(f32, Option<u32>)>,
}

impl CandidateVectors {
    pub fn compute(vectors: &Vectors, candidate: &Candidate) -> Self {
        let texts = candidate.texts();
        Self::from_parts(vectors, &texts, vectors.embed(&texts))
    }

    /// From a candidate's `texts` and their already computed dense vectors (stored with a
    /// prepared resume); the sparse ones are cheap and computed here.
    pub fn from_parts(vectors: &Vectors, texts: &[String], dense: Option<Vec<Vec<f32>>>) -> Self {
        let sparse = texts.iter().map(|t| vectors.sparse_document(t)).collect();
        Self { dense, sparse, nearest: Vec::new() }
    }

    /// Fills in the closest resume line of every question of `bank`.
    pub fn index(mut self, bank: &Bank) -> Self {
        self.nearest = (0..bank.len()).map(|i| self.closest_line(bank, i)).collect();
        self
    }

    fn closest_line(&self, bank: &Bank, i: usize) -> (f32, Option<u32>) {
        let (qd, qs) = (bank.dense(i), bank.sparse(i));
        (0..self.sparse.len())
            .map(|t| {
                (similarity(qd, qs, self.dense.as_ref().map(|d| d[t].as_slice()), &self.sparse[t]), t as u32)
            })
            .fold((0.0f32, None), |acc, (s, t)| if s > acc.0 { (s, Some(t)) } else { acc })
    }

    /// The resume line closest to question `i` and its similarity.
    fn nearest(&self, bank: &Bank, i: usize) -> (f32, Option<usize>) {
        let (s, t) = self.nearest.get(i).copied().unwrap_or_else(|| self.closest_line(bank, i));
        (s, t.map(|t| t as usize))
    }
}

/// Measured effectiveness of a question for a role, in [-1, 1]: by role slug, then question id.
pub type Effectiveness = HashMap<String, HashMap<String, f32>>;

/// A role's candidate questions with everything about them that depends only on the role,
/// worked out once when the pool is built: similarity to the role, what each question would
/// target, and how similar the questions are to one another.
#[derive(Debug)]
pub struct Pool {
    pub entries: Vec<Entry>,
    /// The role's key skills with a taxonomy id: (id, name, essential). Bit `k` of an entry's
    /// skill set is skill `k`.
    role_skills: Vec<(String, String, bool)>,
    /// The competencies the pool's behavioral questions are about (`Shape::Competency` indices).
    competencies: Vec<String>,
    similar: Similarities,
}

/// One candidate question of a pool.
#[derive(Debug)]
pub struct Entry {
    /// The question's index in the bank.
    pub index: usize,
    pub role_sim: f32,
    shape: Shape,
    behavioral: bool,
    seniority: u8,
    /// A tenant's own question (the pool is tenant-scoped; checked again when ranking).
    tenant_owned: bool,
}

/// What a question can probe for the pool's role, before the candidate is known.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A behavioral question about a competency (its first, by index into the pool's list),
    /// with the role's coverage of it.
    Competency { competency: u16, coverage: f32 },
    /// A question on role skills: the set it targets, and whether it asks to back up a claim.
    Skills { targets: u16, claim_check: bool },
    /// Neither; whether the role itself lists the question.
    Other { for_role: bool },
}

/// Pairwise similarities of a pool's questions, upper triangle, in 1/32767ths.
#[derive(Debug)]
struct Similarities {
    n: usize,
    values: Vec<i16>,
}

impl Similarities {
    fn of(bank: &Bank, indices: &[usize]) -> Self {
        let n = indices.len();
        let mut values = Vec::with_capacity(n * n.saturating_sub(1) / 2);
        for (a, &i) in indices.iter().enumerate() {
            for &j in &indices[a + 1..] {
                let s = similarity(bank.dense(i), bank.sparse(i), bank.dense(j), bank.sparse(j));
                values.push((s.clamp(-1.0, 1.0) * 32767.0).round() as i16);
            }
        }
        Self { n, values }
    }

    /// Similarity of entries `a` and `b` (a != b).
    fn get(&self, a: usize, b: usize) -> f32 {
        let (i, j) = if a < b { (a, b) } else { (b, a) };
        let row = i * (2 * self.n - i - 1) / 2;
        f32::from(self.values[row + j - i - 1]) / 32767.0
    }
}

impl Shape {
    fn of(
        q: &Question,
        role: &Role,
        role_skills: &[(String, String, bool)],
        competencies: &mut Vec<String>,
    ) -> Self {
        // Behavioral questions about a competency; those written for a skill are skill questions.
        if q.kind.is_behavioral() && (!q.competencies.is_empty() || q.skill_ids.is_empty()) {
            let competency = q.competencies.first().map_or("general", String::as_str);
            // Competencies the role itself lists (e.g. problem solving) count as requirements.
            let listed = role
                .spec
                .skills
                .iter()
                .find(|s| s.taxonomy_id.strip_prefix("nexushr:competency/") == Some(competency));
            let coverage = match listed {
                Some(s) if s.essential => 0.9,
                Some(_) => 0.75,
                None => 0.5,
            };
            let index = competencies.iter().position(|c| c == competency).unwrap_or_else(|| {
                competencies.push(competency.to_string());
                competencies.len() - 1
            });
            return Shape::Competency { competency: index as u16, coverage };
        }
        let targets = role_skills
            .iter()
            .enumerate()
            .filter(|(_, (id, _, _))| q.skill_ids.iter().any(|s| s == id))
            .fold(0u16, |m, (k, _)| m | 1 << k);
        if targets != 0 {
            let claim_check = q.text.contains("surprised you") || q.text.contains("most complex thing");
            return Shape::Skills { targets, claim_check };
        }
        Shape::Other { for_role: q.roles.iter().any(|r| r == &role.spec.slug) }
    }
}

fn role_document(role: &Role) -> String {
    let s = &role.spec;
    let skills: Vec<&str> = s.skills.iter().take(ROLE_SKILLS).map(|k| k.name.as_str()).collect();
    format!("{}. {} Skills: {}.", s.title, s.summary, skills.join(", "))
}

/// Retrieves a role's candidate questions through the vector store: one hybrid query for the
/// role as a whole, one per key skill, one per competency and one for the role's own questions.
pub async fn build_pool(
    vectors: &Vectors,
    bank: &Bank,
    tenant: &str,
    role: &Role,
) -> Result<Pool, StoreError> {
    let scope = Scope::tenant_and_shared(tenant)?;
    let doc = role_document(role);
    let mut texts = vec![doc.clone()];
    let skills: Vec<_> = role.spec.skills.iter().take(ROLE_SKILLS).collect();
    texts.extend(skills.iter().map(|s| format!("{} {}", s.name, role.spec.title)));
    texts.extend(COMPETENCIES.iter().map(|c| format!("{} {}", role.spec.title, c.replace('-', " "))));
    let dense = vectors.embed(&texts);
    let query = |i: usize, limit: usize, filter: Filter| {
        let mut q = Query::new(scope.clone(), limit).filter(filter).sparse(vectors.sparse_query(&texts[i]));
        if let Some(d) = &dense {
            q = q.dense(d[i].clone());
        }
        q
    };
    let mut queries = vec![query(0, 120, Filter::default())];
    for (i, s) in skills.iter().enumerate() {
        if !s.taxonomy_id.is_empty() {
            queries.push(query(1 + i, 12, Filter::default().eq("skill_ids", s.taxonomy_id.clone())));
        }
    }
    for (i, c) in COMPETENCIES.iter().enumerate() {
        queries.push(query(1 + skills.len() + i, 8, Filter::default().eq("competency", *c)));
    }
    queries.push(query(0, 30, Filter::default().eq("role", role.spec.slug.clone())));
    let role_dense = dense.as_ref().map(|d| d[0].as_slice());
    let role_sparse = vectors.sparse_document(&doc);
    let role_skills: Vec<(String, String, bool)> = skills
        .iter()
        .filter(|s| !s.taxonomy_id.is_empty())
        .map(|s| (s.taxonomy_id.clone(), s.name.clone(), s.essential))
        .collect();
    let mut seen = HashSet::new();
    let (mut entries, mut competencies) = (Vec::new(), Vec::new());
    for q in &queries {
        for hit in vectors.store.query(COLLECTION, q).await? {
            let Some(id) = hit.payload.get("question_id").and_then(|v| v.as_str()) else { continue };
            if let Some(i) = bank.index_of(id)
                && seen.insert(i)
            {
                let q = bank.get(i);
                entries.push(Entry {
                    index: i,
                    role_sim: similarity(bank.dense(i), bank.sparse(i), role_dense, &role_sparse),
                    shape: Shape::of(q, role, &role_skills, &mut competencies),
                    behavioral: q.kind.is_behavioral(),
                    seniority: q.seniority,
                    tenant_owned: !q.tenant.is_empty(),
                });
            }
        }
    }
    // In bank order, so ranking reads the bank and the resume's per-question table in order.
    entries.sort_by_key(|e| e.index);
    let indices: Vec<usize> = entries.iter().map(|e| e.index).collect();
    let similar = Similarities::of(bank, &indices);
    Ok(Pool { entries, role_skills, competencies, similar })
}

/// Similarity of two texts' vectors: cosine of the dense vectors where both exist, else a
/// squashed sparse dot product.
fn similarity(
    a_dense: Option<&[f32]>,
    a_sparse: &SparseVector,
    b_dense: Option<&[f32]>,
    b_sparse: &SparseVector,
) -> f32 {
    match (a_dense, b_dense) {
        // The embedder's vectors are unit length: the dot product is the cosine.
        (Some(a), Some(b)) => nexushr_embed::dot(a, b),
        _ => {
            let d = a_sparse.dot(b_sparse);
            d / (1.0 + d)
        }
    }
}

/// What a question targets: one of the role's key skills or a competency (by position in the
/// pool's lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Skill(usize),
    Competency(u16),
}

/// The re-ranker's signals, in the order of `Scored::breakdown`.
const SIGNALS: [&str; 5] =
    ["role_similarity", "resume_similarity", "coverage", "effectiveness", "seniority_fit"];

struct Scored {
    /// Position in the pool.
    entry: usize,
    /// Index in the bank.
    index: usize,
    score: f32,
    /// The value of each of [`SIGNALS`].
    breakdown: [f32; 5],
    behavioral: bool,
    probe: Probe,
    target: Option<Target>,
    /// The resume line (claims, then skills) closest to the question.
    best_line: Option<usize>,
}

/// What ranking one request needs to know besides the bank.
struct Context<'a> {
    req: &'a Spec,
    bank: &'a Bank,
    pool: &'a Pool,
    requirements: Requirements<'a>,
}

impl Context<'_> {
    /// A target as (id, name).
    fn target(&self, target: Target) -> (String, String) {
        match target {
            Target::Skill(k) => {
                let (id, name, _) = &self.pool.role_skills[k];
                (id.clone(), name.clone())
            }
            Target::Competency(c) => {
                let competency = &self.pool.competencies[usize::from(c)];
                (format!("nexushr:competency/{competency}"), competency.replace('-', " "))
            }
        }
    }
}

/// Ranks the pool for one request and returns the kit's questions, best first.
pub fn rank(bank: &Bank, pool: &Pool, effectiveness: &Effectiveness, req: &Spec) -> Vec<KitQuestion> {
    let role = &req.role;
    let ctx = Context { req, bank, pool, requirements: Requirements::of(role) };
    let candidate = &*req.candidate;
    // The role skills the resume shows, and those a claim names.
    let (mut shown, mut claimed) = (0u16, 0u16);
    for (k, (id, _, _)) in pool.role_skills.iter().enumerate() {
        if candidate.has_skill(id) {
            shown |= 1 << k;
        }
        if candidate.claims.iter().any(|c| c.skill_ids.iter().any(|s| s == id)) {
            claimed |= 1 << k;
        }
    }
    let level = req.level.or(candidate.level).unwrap_or(1);
    let cv = &req.candidate_vectors;
    let role_effect = effectiveness.get(&role.spec.slug);
    let mut scored: Vec<Scored> = Vec::with_capacity(pool.entries.len());
    for (entry, e) in pool.entries.iter().enumerate() {
        let i = e.index;
        if i >= bank.len() {
            continue;
        }
        // The pool is tenant-scoped already; a tenant's own question never reaches another.
        if (!req.exclude.is_empty() && req.exclude.contains(&bank.get(i).id))
            || (e.tenant_owned && bank.get(i).tenant != req.tenant)
        {
            continue;
        }
        // The resume line this question is closest to.
        let (resume_sim, best_line) = cv.nearest(bank, i);
        let (probe, target, coverage) = match e.shape {
            Shape::Competency { competency, coverage } => {
                (Probe::Competency, Some(Target::Competency(competency)), coverage)
            }
            Shape::Skills { targets, claim_check } => {
                let essential = |k: usize| pool.role_skills[k].2;
                if targets & shown != 0 {
                    // The first targeted skill the resume shows: a depth probe or a claim check.
                    let k = (targets & shown).trailing_zeros() as usize;
                    let probe =
                        if claim_check && claimed & (1 << k) != 0 { Probe::ClaimCheck } else { Probe::Depth };
                    (probe, Some(Target::Skill(k)), if essential(k) { 1.0 } else { 0.8 })
                } else {
                    // A required skill the resume lacks: a gap probe.
                    let k = targets.trailing_zeros() as usize;
                    (Probe::Gap, Some(Target::Skill(k)), if essential(k) { 0.9 } else { 0.7 })
                }
            }
            Shape::Other { for_role } => (Probe::Depth, None, if for_role { 0.6 } else { 0.1 }),
        };
        let effect = role_effect.and_then(|effects| effects.get(&bank.get(i).id)).copied().unwrap_or(0.0);
        let seniority_fit = 1.0 - (f32::from(e.seniority) - f32::from(level)).abs() / 2.0;
        let score = W_ROLE * e.role_sim
            + W_RESUME * resume_sim
            + W_COVERAGE * coverage
            + W_EFFECT * effect
            + W_SENIORITY * seniority_fit;
        scored.push(Scored {
            entry,
            index: i,
            score,
            breakdown: [e.role_sim, resume_sim, coverage, effect, seniority_fit],
            behavioral: e.behavioral,
            probe,
            target,
            best_line,
        });
    }
    select(scored, &ctx)
}

/// A role's requirements and responsibilities, lowercased once per ranking.
struct Requirements<'a> {
    role: &'a Role,
    lowered: Vec<(String, &'a String)>,
}

impl<'a> Requirements<'a> {
    fn of(role: &'a Role) -> Self {
        let lowered = role
            .spec
            .requirements
            .iter()
            .chain(&role.spec.responsibilities)
            .map(|r| (r.to_lowercase(), r))
            .collect();
        Self { role, lowered }
    }

    /// The first requirement or responsibility that names `skill`, else "<title>: <skill>".
    fn naming(&self, skill: &str) -> String {
        let skill_lower = skill.to_lowercase();
        self.lowered
            .iter()
            .find(|(lower, _)| lower.contains(&skill_lower))
            .map(|(_, r)| (*r).clone())
            .unwrap_or_else(|| format!("{}: {}", self.role.spec.title, skill))
    }
}

/// The evidence of a question the kit keeps (the resume span it probes, the requirement it
/// covers) and, for a claim check, the question with the candidate's specifics.
fn explain(s: &Scored, ctx: &Context<'_>) -> (Vec<Evidence>, Option<String>) {
    let (candidate, role) = (&*ctx.req.candidate, &*ctx.req.role);
    let q = ctx.bank.get(s.index);
    let claim_at = |t: usize| candidate.claims.get(t).map(|c| c.span.clone());
    match (s.probe, s.target) {
        (Probe::Competency, Some(target)) => {
            let (_, name) = ctx.target(target);
            let evidence = Evidence {
                resume: s.best_line.and_then(claim_at),
                requirement: Some(format!("{} competency: {name}", role.spec.title)),
            };
            (vec![evidence], None)
        }
        (probe, Some(Target::Skill(k))) => {
            let (id, name, _) = &ctx.pool.role_skills[k];
            let requirement = Some(ctx.requirements.naming(name));
            if probe == Probe::Gap {
                return (vec![Evidence { resume: None, requirement }], None);
            }
            let claim = candidate.claims.iter().find(|c| c.skill_ids.iter().any(|s| s == id));
            let (span, specifics) = match claim {
                Some(c) if probe == Probe::ClaimCheck => {
                    (c.span.clone(), Some(personalize(c.employer.as_deref(), &c.text, &q.text)))
                }
                _ => (candidate.skill(id).map(|s| s.evidence.clone()).unwrap_or_else(empty_span), None),
            };
            (vec![Evidence { resume: Some(span), requirement }], specifics)
        }
        _ => {
            // A question the role itself lists, or one near a resume line.
            let for_role = q.roles.iter().any(|r| r == &role.spec.slug);
            let resume = s.best_line.and_then(|t| {
                claim_at(t)
                    .or_else(|| candidate.skills.get(t - candidate.claims.len()).map(|s| s.evidence.clone()))
            });
            (vec![Evidence { resume, requirement: for_role.then(|| role.spec.title.clone()) }], None)
        }
    }
}

fn empty_span() -> Span {
    Span { start: 0, end: 0, text: String::new() }
}

/// "At Acme you led the migration to Kafka. <question>" where the claim reads as a verb phrase.
pub fn personalize(employer: Option<&str>, claim: &str, question: &str) -> String {
    let first = claim.split_whitespace().next().unwrap_or("").to_lowercase();
    let verb = first.ends_with("ed")
        || ["led", "built", "ran", "wrote", "made", "drove", "grew", "cut", "set"].contains(&first.as_str());
    match (employer, verb) {
        (Some(e), true) => {
            let mut c = claim.to_string();
            if let Some(f) = c.get(0..1) {
                let lower = f.to_lowercase();
                c.replace_range(0..1, &lower);
            }
            format!("At {e} you {c}. {question}")
        }
        (Some(e), false) => format!("You list \"{claim}\" at {e}. {question}"),
        (None, _) => format!("You list \"{claim}\". {question}"),
    }
}

/// Greedy selection: best adjusted score first, with a behavioral quota, at most two questions
/// per target, a diversity penalty against what is already chosen, and the guardrail.
///
/// Every penalty only lowers a score, so each pick walks the candidates in score order and
/// stops at the first whose unpenalized score cannot beat the best found; a candidate's
/// redundancy (its highest similarity to a chosen question, from the pool's table) is brought
/// up to date only when it is looked at.
fn select(mut scored: Vec<Scored>, ctx: &Context<'_>) -> Vec<KitQuestion> {
    let (req, bank) = (ctx.req, ctx.bank);
    let share = req.behavioral_share.unwrap_or_else(|| req.stage.behavioral_share()).clamp(0.0, 1.0);
    let behavioral_quota = ((req.count as f32) * share).round() as usize;
    let technical_quota = req.count - behavioral_quota.min(req.count);
    let (mut behavioral, mut technical) = (0, 0);
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    scored.truncate(select_candidates(req.count));
    let mut redundancy = vec![0.0f32; scored.len()];
    let mut seen_chosen = vec![0usize; scored.len()];
    let mut taken = vec![false; scored.len()];
    // Indices into `scored` of the questions kept, with their evidence and specifics.
    let mut chosen: Vec<(usize, Vec<Evidence>, Option<String>)> = Vec::new();
    let mut probe_counts = [0usize; 4];
    let uses = |s: &Scored, chosen: &[(usize, Vec<Evidence>, Option<String>)]| match s.target {
        None => 0,
        Some(t) => chosen.iter().filter(|(c, _, _)| scored[*c].target == Some(t)).count(),
    };
    while chosen.len() < req.count {
        let mut best: Option<(usize, f32)> = None;
        for k in 0..scored.len() {
            let s = &scored[k];
            if best.is_some_and(|(_, b)| s.score <= b) {
                break;
            }
            if taken[k] {
                continue;
            }
            if (s.behavioral && behavioral >= behavioral_quota)
                || (!s.behavioral && technical >= technical_quota)
            {
                continue;
            }
            let used = uses(s, &chosen);
            if used >= 2 {
                continue;
            }
            for &(c, _, _) in &chosen[seen_chosen[k]..] {
                redundancy[k] = redundancy[k].max(ctx.pool.similar.get(s.entry, scored[c].entry));
            }
            seen_chosen[k] = chosen.len();
            // A second question on the same target is worth less than a new requirement, and
            // each probe kind already chosen makes the next one of that kind a little less
            // attractive, so a kit mixes depth probes, gap probes and claim checks.
            let same_probe = probe_counts[s.probe as usize] as f32;
            let adjusted = s.score
                - W_DIVERSITY * redundancy[k]
                - if used > 0 { 0.1 } else { 0.0 }
                - W_PROBE_MIX * same_probe;
            if best.is_none_or(|(_, b)| adjusted > b) {
                best = Some((k, adjusted));
            }
        }
        let Some((k, _)) = best else { break };
        taken[k] = true;
        let s = &scored[k];
        let (evidence, specifics) = explain(s, ctx);
        // Bank questions were checked once when loaded; a text with candidate specifics now.
        let blocked = match &specifics {
            Some(text) => nexushr_guardrail::Blocked::of(text),
            None => bank.blocked(s.index),
        };
        let allowed = match req.jurisdiction {
            Some(j) => !blocked.in_jurisdiction(j),
            None => !blocked.anywhere(),
        };
        if !allowed {
            tracing::warn!(question = %bank.get(s.index).id, "guardrail blocked a question at ranking time");
            continue;
        }
        if s.behavioral {
            behavioral += 1;
        } else {
            technical += 1;
        }
        probe_counts[s.probe as usize] += 1;
        chosen.push((k, evidence, specifics));
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(rank, (k, evidence, specifics))| {
            let s = &scored[k];
            let q = Arc::clone(bank.get(s.index));
            let target = s.target.map(|t| ctx.target(t));
            let rationale = rationale(&q, s.probe, target.as_ref().map(|t| t.1.as_str()), &req.role);
            KitQuestion {
                text: specifics.unwrap_or_else(|| q.text.clone()),
                question: q,
                score: s.score,
                rank: rank as u32 + 1,
                target,
                probe: s.probe,
                evidence,
                rationale,
                breakdown: SIGNALS.iter().zip(s.breakdown).map(|(k, v)| (k.to_string(), v)).collect(),
            }
        })
        .collect()
}

fn rationale(q: &Question, probe: Probe, target: Option<&str>, role: &Role) -> String {
    let name = target.unwrap_or("the role");
    match probe {
        Probe::Depth if target.is_some() => {
            format!("Probes {name}, which {} needs and the resume claims", role.spec.title)
        }
        Probe::Depth => format!("Close to the resume and to what {} does day to day", role.spec.title),
        Probe::Gap => format!("{name} is a requirement of {} the resume does not show", role.spec.title),
        Probe::ClaimCheck => format!("Checks the depth behind a {name} claim on the resume"),
        Probe::Competency => format!("Behavioral evidence of {name} ({})", q.kind.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personalizes_verb_claims_and_quotes_the_rest() {
        assert_eq!(
            personalize(Some("Acme"), "Led the migration to Kafka", "What broke first?"),
            "At Acme you led the migration to Kafka. What broke first?"
        );
        assert_eq!(
            personalize(Some("Acme"), "Kafka expert", "Why?"),
            "You list \"Kafka expert\" at Acme. Why?"
        );
    }
}
