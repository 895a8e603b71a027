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
    "problem-solving", "ownership", "collaboration", "communication", "conflict", "learning", "leadership",
    "customer-focus", "adaptability", "prioritization",
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
            .map(|t| (similarity(qd, qs, self.dense.as_ref().map(|d| d[t].as_slice()), &self.sparse[t]), t as u32))
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

/// A role's candidate questions, each with its similarity to the role.
#[derive(Debug)]
pub struct Pool {
    pub entries: Vec<(usize, f32)>,
}

fn role_document(role: &Role) -> String {
    let s = &role.spec;
    let skills: Vec<&str> = s.skills.iter().take(ROLE_SKILLS).map(|k| k.name.as_str()).collect();
    format!("{}. {} Skills: {}.", s.title, s.summary, skills.join(", "))
}

/// Retrieves a role's candidate questions through the vector store: one hybrid query for the
/// role as a whole, one per key skill, one per competency and one for the role's own questions.
pub async fn build_pool(vectors: &Vectors, bank: &Bank, tenant: &str, role: &Role) -> Result<Pool, StoreError> {
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
    let mut seen = HashSet::new();
    let mut entries = Vec::new();
    for q in &queries {
        for hit in vectors.store.query(COLLECTION, q).await? {
            let Some(id) = hit.payload.get("question_id").and_then(|v| v.as_str()) else { continue };
            if let Some(i) = bank.index_of(id) {
                if seen.insert(i) {
                    entries.push((i, similarity(bank.dense(i), bank.sparse(i), role_dense, &role_sparse)));
                }
            }
        }
    }
    Ok(Pool { entries })
}

/// Similarity of two texts' vectors: cosine of the dense vectors where both exist, else a
/// squashed sparse dot product.
fn similarity(a_dense: Option<&[f32]>, a_sparse: &SparseVector, b_dense: Option<&[f32]>, b_sparse: &SparseVector) -> f32 {
    match (a_dense, b_dense) {
        // The embedder's vectors are unit length: the dot product is the cosine.
        (Some(a), Some(b)) => nexushr_embed::dot(a, b),
        _ => {
            let d = a_sparse.dot(b_sparse);
            d / (1.0 + d)
        }
    }
}

struct Scored {
    index: usize,
    score: f32,
    breakdown: [(&'static str, f32); 5],
    probe: Probe,
    target: Option<(String, String)>,
    /// The resume line (claims, then skills) closest to the question.
    best_line: Option<usize>,
}

/// What ranking one request needs to know besides the bank.
struct Context<'a> {
    req: &'a Spec,
    /// The role's key skills with a taxonomy id: (id, name, essential).
    role_skills: Vec<(&'a str, &'a str, bool)>,
    requirements: Requirements<'a>,
}

/// Ranks the pool for one request and returns the kit's questions, best first.
pub fn rank(bank: &Bank, pool: &Pool, effectiveness: &Effectiveness, req: &Spec) -> Vec<KitQuestion> {
    let role = &req.role;
    let ctx = Context {
        req,
        role_skills: role
            .spec
            .skills
            .iter()
            .take(ROLE_SKILLS)
            .filter(|s| !s.taxonomy_id.is_empty())
            .map(|s| (s.taxonomy_id.as_str(), s.name.as_str(), s.essential))
            .collect(),
        requirements: Requirements::of(role),
    };
    let level = req.level.or(req.candidate.level).unwrap_or(1);
    let cv = &req.candidate_vectors;
    let role_effect = effectiveness.get(&role.spec.slug);
    let mut scored: Vec<Scored> = Vec::with_capacity(pool.entries.len());
    for &(i, role_sim) in &pool.entries {
        if i >= bank.len() {
            continue;
        }
        let q = bank.get(i);
        // The pool is tenant-scoped already; a tenant's own question never reaches another.
        if (!req.exclude.is_empty() && req.exclude.contains(&q.id)) || (!q.tenant.is_empty() && q.tenant != req.tenant) {
            continue;
        }
        // The resume line this question is closest to.
        let (resume_sim, best_line) = cv.nearest(bank, i);
        let (probe, target, coverage, _, _) = classify(q, &ctx, best_line, false);
        let effect = role_effect.and_then(|e| e.get(&q.id)).copied().unwrap_or(0.0);
        let seniority_fit = 1.0 - (f32::from(q.seniority) - f32::from(level)).abs() / 2.0;
        let score = W_ROLE * role_sim + W_RESUME * resume_sim + W_COVERAGE * coverage + W_EFFECT * effect
            + W_SENIORITY * seniority_fit;
        scored.push(Scored {
            index: i,
            score,
            breakdown: [
                ("role_similarity", role_sim),
                ("resume_similarity", resume_sim),
                ("coverage", coverage),
                ("effectiveness", effect),
                ("seniority_fit", seniority_fit),
            ],
            probe,
            target,
            best_line,
        });
    }
    select(bank, scored, &ctx)
}

type Classified = (Probe, Option<(String, String)>, f32, Vec<Evidence>, Option<String>);

/// A role's requirements and responsibilities, lowercased once per ranking.
struct Requirements<'a> {
    role: &'a Role,
    lowered: Vec<(String, &'a String)>,
}

impl<'a> Requirements<'a> {
    fn of(role: &'a Role) -> Self {
        let lowered = role.spec.requirements.iter().chain(&role.spec.responsibilities).map(|r| (r.to_lowercase(), r)).collect();
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

/// What a question probes for this candidate and role and how much it covers; with `explain`,
/// also its evidence and candidate specifics (built only for the questions a kit keeps).
fn classify(q: &Question, ctx: &Context<'_>, best_line: Option<usize>, explain: bool) -> Classified {
    let (candidate, role) = (&*ctx.req.candidate, &*ctx.req.role);
    let requirement = |name: &str| ctx.requirements.naming(name);
    // Behavioral questions about a competency; those written for a skill are scored as skill questions.
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
        let name = competency.replace('-', " ");
        let mut evidence = Vec::new();
        if explain {
            let claim = best_line.and_then(|t| candidate.claims.get(t));
            evidence.push(Evidence {
                resume: claim.map(|c| c.span.clone()),
                requirement: Some(format!("{} competency: {name}", role.spec.title)),
            });
        }
        return (Probe::Competency, Some((format!("nexushr:competency/{competency}"), name)), coverage, evidence, None);
    }
    // The first role skill this question targets, preferring ones the resume shows.
    let mut targeted = ctx.role_skills.iter().filter(|(id, _, _)| q.skill_ids.iter().any(|s| s == id));
    let first = targeted.clone().next();
    let shown = targeted.find(|(id, _, _)| candidate.has_skill(id));
    if let Some(&(id, name, essential)) = shown {
        let claim = candidate.claims.iter().find(|c| c.skill_ids.iter().any(|s| s == id));
        let is_claim_check = q.text.contains("surprised you") || q.text.contains("most complex thing");
        let probe = if claim.is_some() && is_claim_check { Probe::ClaimCheck } else { Probe::Depth };
        let coverage = if essential { 1.0 } else { 0.8 };
        let (mut evidence, mut specifics) = (Vec::new(), None);
        if explain {
            let span = match claim {
                Some(c) if is_claim_check => {
                    specifics = Some(personalize(c.employer.as_deref(), &c.text, &q.text));
                    c.span.clone()
                }
                _ => candidate.skill(id).map(|s| s.evidence.clone()).unwrap_or_else(empty_span),
            };
            evidence.push(Evidence { resume: Some(span), requirement: Some(requirement(name)) });
        }
        return (probe, Some((id.to_string(), name.to_string())), coverage, evidence, specifics);
    }
    if let Some(&(id, name, essential)) = first {
        let evidence = if explain { vec![Evidence { resume: None, requirement: Some(requirement(name)) }] } else { Vec::new() };
        return (Probe::Gap, Some((id.to_string(), name.to_string())), if essential { 0.9 } else { 0.7 }, evidence, None);
    }
    // A question the role itself lists, or one near a resume line.
    let for_role = q.roles.iter().any(|r| r == &role.spec.slug);
    let mut evidence = Vec::new();
    if explain {
        let resume = best_line.and_then(|t| {
            candidate
                .claims
                .get(t)
                .map(|c| c.span.clone())
                .or_else(|| candidate.skills.get(t - candidate.claims.len()).map(|s| s.evidence.clone()))
        });
        evidence.push(Evidence { resume, requirement: for_role.then(|| role.spec.title.clone()) });
    }
    (Probe::Depth, None, if for_role { 0.6 } else { 0.1 }, evidence, None)
}

fn empty_span() -> Span {
    Span { start: 0, end: 0, text: String::new() }
}

/// "At Acme you led the migration to Kafka. <question>" where the claim reads as a verb phrase.
pub fn personalize(employer: Option<&str>, claim: &str, question: &str) -> String {
    let first = claim.split_whitespace().next().unwrap_or("").to_lowercase();
    let verb = first.ends_with("ed") || ["led", "built", "ran", "wrote", "made", "drove", "grew", "cut", "set"].contains(&first.as_str());
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
/// redundancy (its highest similarity to a chosen question) is brought up to date only when
/// it is looked at.
fn select(bank: &Bank, mut scored: Vec<Scored>, ctx: &Context<'_>) -> Vec<KitQuestion> {
    let req = ctx.req;
    let share = req.behavioral_share.unwrap_or_else(|| req.stage.behavioral_share()).clamp(0.0, 1.0);
    let behavioral_quota = ((req.count as f32) * share).round() as usize;
    let technical_quota = req.count - behavioral_quota.min(req.count);
    let mut per_target: HashMap<String, usize> = HashMap::new();
    let (mut behavioral, mut technical) = (0, 0);
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    scored.truncate(select_candidates(req.count));
    let mut redundancy = vec![0.0f32; scored.len()];
    let mut seen_chosen = vec![0usize; scored.len()];
    let mut taken = vec![false; scored.len()];
    // Indices into `scored` of the questions kept, with their evidence and specifics.
    let mut chosen: Vec<(usize, Vec<Evidence>, Option<String>)> = Vec::new();
    let mut probe_counts: HashMap<Probe, usize> = HashMap::new();
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
            let is_behavioral = bank.get(s.index).kind.is_behavioral();
            if (is_behavioral && behavioral >= behavioral_quota) || (!is_behavioral && technical >= technical_quota) {
                continue;
            }
            let used = s.target.as_ref().and_then(|t| per_target.get(&t.0)).copied().unwrap_or(0);
            if used >= 2 {
                continue;
            }
            for &(c, _, _) in &chosen[seen_chosen[k]..] {
                let other = scored[c].index;
                let sim = similarity(bank.dense(s.index), bank.sparse(s.index), bank.dense(other), bank.sparse(other));
                redundancy[k] = redundancy[k].max(sim);
            }
            seen_chosen[k] = chosen.len();
            // A second question on the same target is worth less than a new requirement, and
            // each probe kind already chosen makes the next one of that kind a little less
            // attractive, so a kit mixes depth probes, gap probes and claim checks.
            let same_probe = probe_counts.get(&s.probe).copied().unwrap_or(0) as f32;
            let adjusted = s.score - W_DIVERSITY * redundancy[k] - if used > 0 { 0.1 } else { 0.0 } - W_PROBE_MIX * same_probe;
            if best.is_none_or(|(_, b)| adjusted > b) {
                best = Some((k, adjusted));
            }
        }
        let Some((k, _)) = best else { break };
        taken[k] = true;
        let s = &scored[k];
        let q = bank.get(s.index);
        let (_, _, _, evidence, specifics) = classify(q, ctx, s.best_line, true);
        let text = specifics.as_deref().unwrap_or(&q.text);
        let allowed = match req.jurisdiction {
            Some(j) => nexushr_guardrail::allowed(text, j),
            None => nexushr_guardrail::check_everywhere(text).is_empty(),
        };
        if !allowed {
            tracing::warn!(question = %q.id, "guardrail blocked a question at ranking time");
            continue;
        }
        if q.kind.is_behavioral() {
            behavioral += 1;
        } else {
            technical += 1;
        }
        if let Some(t) = &s.target {
            *per_target.entry(t.0.clone()).or_default() += 1;
        }
        *probe_counts.entry(s.probe).or_default() += 1;
        chosen.push((k, evidence, specifics));
    }
    let mut scored: Vec<Option<Scored>> = scored.into_iter().map(Some).collect();
    chosen
        .into_iter()
        .enumerate()
        .filter_map(|(rank, (k, evidence, specifics))| {
            let s = scored[k].take()?;
            let q = Arc::clone(bank.get(s.index));
            let rationale = rationale(&q, &s, &req.role);
            Some(KitQuestion {
                text: specifics.unwrap_or_else(|| q.text.clone()),
                question: q,
                score: s.score,
                rank: rank as u32 + 1,
                target: s.target,
                probe: s.probe,
                evidence,
                rationale,
                breakdown: s.breakdown.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            })
        })
        .collect()
}

fn rationale(q: &Question, s: &Scored, role: &Role) -> String {
    let target = s.target.as_ref().map(|t| t.1.as_str()).unwrap_or("the role");
    match s.probe {
        Probe::Depth if s.target.is_some() => {
            format!("Probes {target}, which {} needs and the resume claims", role.spec.title)
        }
        Probe::Depth => format!("Close to the resume and to what {} does day to day", role.spec.title),
        Probe::Gap => format!("{target} is a requirement of {} the resume does not show", role.spec.title),
        Probe::ClaimCheck => format!("Checks the depth behind a {target} claim on the resume"),
        Probe::Competency => format!("Behavioral evidence of {target} ({})", q.kind.as_str()),
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
        assert_eq!(personalize(Some("Acme"), "Kafka expert", "Why?"), "You list \"Kafka expert\" at Acme. Why?");
    }
}
