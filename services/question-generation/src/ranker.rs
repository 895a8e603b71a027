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
/// Candidates the greedy selection considers.
const SELECT_CANDIDATES: usize = 200;

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

/// Vectors of a candidate's texts (claims, then skill lines), aligned with `Candidate::texts`.
#[derive(Debug, Clone, Default)]
pub struct CandidateVectors {
    pub dense: Option<Vec<Vec<f32>>>,
    pub sparse: Vec<SparseVector>,
}

impl CandidateVectors {
    pub fn compute(vectors: &Vectors, candidate: &Candidate) -> Self {
        let texts = candidate.texts();
        Self { dense: vectors.embed(&texts), sparse: texts.iter().map(|t| vectors.sparse_document(t)).collect() }
    }
}

/// Measured effectiveness of a question for a role, in [-1, 1].
pub type Effectiveness = HashMap<(String, String), f32>;

/// A role's candidate questions with the role's vectors.
#[derive(Debug)]
pub struct Pool {
    pub entries: Vec<usize>,
    role_dense: Option<Vec<f32>>,
    role_sparse: SparseVector,
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
    let mut seen = HashSet::new();
    let mut entries = Vec::new();
    for q in &queries {
        for hit in vectors.store.query(COLLECTION, q).await? {
            let Some(id) = hit.payload.get("question_id").and_then(|v| v.as_str()) else { continue };
            if let Some(i) = bank.index_of(id) {
                if seen.insert(i) {
                    entries.push(i);
                }
            }
        }
    }
    Ok(Pool { entries, role_dense: dense.map(|mut d| d.swap_remove(0)), role_sparse: vectors.sparse_document(&doc) })
}

/// Similarity of two texts' vectors: cosine of the dense vectors where both exist, else a
/// squashed sparse dot product.
fn similarity(a_dense: Option<&[f32]>, a_sparse: &SparseVector, b_dense: Option<&[f32]>, b_sparse: &SparseVector) -> f32 {
    match (a_dense, b_dense) {
        // The embedder's vectors are unit length: the dot product is the cosine.
        (Some(a), Some(b)) => a.iter().zip(b).map(|(x, y)| x * y).sum(),
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
    evidence: Vec<Evidence>,
    specifics: Option<String>,
}

/// Ranks the pool for one request and returns the kit's questions, best first.
pub fn rank(bank: &Bank, pool: &Pool, effectiveness: &Effectiveness, req: &Spec) -> Vec<KitQuestion> {
    let role = &req.role;
    let role_skills: Vec<(&str, &str, bool)> = role
        .spec
        .skills
        .iter()
        .take(ROLE_SKILLS)
        .filter(|s| !s.taxonomy_id.is_empty())
        .map(|s| (s.taxonomy_id.as_str(), s.name.as_str(), s.essential))
        .collect();
    let level = req.level.or(req.candidate.level).unwrap_or(1);
    let cv = &req.candidate_vectors;
    let mut scored: Vec<Scored> = Vec::new();
    for &i in &pool.entries {
        if i >= bank.len() {
            continue;
        }
        let q = bank.get(i);
        // The pool is tenant-scoped already; a tenant's own question never reaches another.
        if req.exclude.contains(&q.id) || (!q.tenant.is_empty() && q.tenant != req.tenant) {
            continue;
        }
        let qd = bank.dense(i);
        let qs = bank.sparse(i);
        let role_sim = similarity(qd, qs, pool.role_dense.as_deref(), &pool.role_sparse);
        // The resume line this question is closest to.
        let (resume_sim, best_line) = (0..cv.sparse.len())
            .map(|t| (similarity(qd, qs, cv.dense.as_ref().map(|d| d[t].as_slice()), &cv.sparse[t]), t))
            .fold((0.0f32, None), |acc, (s, t)| if s > acc.0 { (s, Some(t)) } else { acc });
        let (probe, target, coverage, evidence, specifics) = classify(q, &req.candidate, role, &role_skills, best_line);
        let effect = effectiveness.get(&(q.id.clone(), role.spec.slug.clone())).copied().unwrap_or(0.0);
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
            evidence,
            specifics,
        });
    }
    select(bank, scored, req)
}

type Classified = (Probe, Option<(String, String)>, f32, Vec<Evidence>, Option<String>);

/// What a question probes for this candidate and role, how much it covers, and its evidence.
fn classify(
    q: &Question,
    candidate: &Candidate,
    role: &Role,
    role_skills: &[(&str, &str, bool)],
    best_line: Option<usize>,
) -> Classified {
    let requirement = |name: &str| {
        role.spec
            .requirements
            .iter()
            .chain(&role.spec.responsibilities)
            .find(|r| r.to_lowercase().contains(&name.to_lowercase()))
            .cloned()
            .unwrap_or_else(|| format!("{}: {}", role.spec.title, name))
    };
    // Behavioral questions about a competency; those written for a skill are scored as skill questions.
    if q.kind.is_behavioral() && (!q.competencies.is_empty() || q.skill_ids.is_empty()) {
        let competency = q.competencies.first().cloned().unwrap_or_else(|| "general".into());
        // Competencies the role itself lists (e.g. problem solving) count as requirements.
        let listed = role.spec.skills.iter().find(|s| s.taxonomy_id == format!("nexushr:competency/{competency}"));
        let coverage = match listed {
            Some(s) if s.essential => 0.9,
            Some(_) => 0.75,
            None => 0.5,
        };
        let name = competency.replace('-', " ");
        let mut evidence = vec![Evidence { resume: None, requirement: Some(format!("{} competency: {name}", role.spec.title)) }];
        let claim = best_line.and_then(|t| candidate.claims.get(t));
        if let Some(c) = claim {
            evidence[0].resume = Some(c.span.clone());
        }
        return (Probe::Competency, Some((format!("nexushr:competency/{competency}"), name)), coverage, evidence, None);
    }
    // The first role skill this question targets, preferring ones the resume shows.
    let targeted: Vec<&(&str, &str, bool)> = role_skills.iter().filter(|(id, _, _)| q.skill_ids.iter().any(|s| s == id)).collect();
    let shown = targeted.iter().find(|(id, _, _)| candidate.has_skill(id));
    if let Some(&&(id, name, essential)) = shown {
        let skill = candidate.skill(id);
        let claim = candidate.claims.iter().find(|c| c.skill_ids.iter().any(|s| s == id));
        let is_claim_check = q.text.contains("surprised you") || q.text.contains("most complex thing");
        let (probe, span, specifics) = match (claim, is_claim_check) {
            (Some(c), true) => (Probe::ClaimCheck, c.span.clone(), Some(personalize(c.employer.as_deref(), &c.text, &q.text))),
            _ => (Probe::Depth, skill.map(|s| s.evidence.clone()).unwrap_or_else(|| empty_span()), None),
        };
        let coverage = if essential { 1.0 } else { 0.8 };
        let evidence = vec![Evidence { resume: Some(span), requirement: Some(requirement(name)) }];
        return (probe, Some((id.to_string(), name.to_string())), coverage, evidence, specifics);
    }
    if let Some(&&(id, name, essential)) = targeted.first() {
        let evidence = vec![Evidence { resume: None, requirement: Some(requirement(name)) }];
        return (Probe::Gap, Some((id.to_string(), name.to_string())), if essential { 0.9 } else { 0.7 }, evidence, None);
    }
    // A question the role itself lists, or one near a resume line.
    let for_role = q.roles.iter().any(|r| r == &role.spec.slug);
    let resume = best_line.and_then(|t| {
        candidate.claims.get(t).map(|c| c.span.clone()).or_else(|| candidate.skills.get(t - candidate.claims.len()).map(|s| s.evidence.clone()))
    });
    let evidence = vec![Evidence { resume, requirement: for_role.then(|| role.spec.title.clone()) }];
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
fn select(bank: &Bank, mut scored: Vec<Scored>, req: &Spec) -> Vec<KitQuestion> {
    let share = req.behavioral_share.unwrap_or_else(|| req.stage.behavioral_share()).clamp(0.0, 1.0);
    let behavioral_quota = ((req.count as f32) * share).round() as usize;
    let technical_quota = req.count - behavioral_quota.min(req.count);
    let mut chosen: Vec<Scored> = Vec::new();
    let mut per_target: HashMap<String, usize> = HashMap::new();
    let (mut behavioral, mut technical) = (0, 0);
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    // Only the best few hundred can make a 50-question kit; each candidate's redundancy (its
    // highest similarity to a chosen question) is updated once per pick, not recomputed.
    scored.truncate(SELECT_CANDIDATES);
    let mut redundancy = vec![0.0f32; scored.len()];
    let mut probe_counts: HashMap<Probe, usize> = HashMap::new();
    while chosen.len() < req.count && !scored.is_empty() {
        let mut best: Option<(usize, f32)> = None;
        for (k, s) in scored.iter().enumerate() {
            let q = bank.get(s.index);
            let is_behavioral = q.kind.is_behavioral();
            if (is_behavioral && behavioral >= behavioral_quota) || (!is_behavioral && technical >= technical_quota) {
                continue;
            }
            let used = s.target.as_ref().and_then(|t| per_target.get(&t.0)).copied().unwrap_or(0);
            if used >= 2 {
                continue;
            }
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
        let s = scored.remove(k);
        redundancy.remove(k);
        let q = bank.get(s.index);
        let text = s.specifics.clone().unwrap_or_else(|| q.text.clone());
        let allowed = match req.jurisdiction {
            Some(j) => nexushr_guardrail::allowed(&text, j),
            None => nexushr_guardrail::check_everywhere(&text).is_empty(),
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
        for (k, other) in scored.iter().enumerate() {
            let sim = similarity(bank.dense(other.index), bank.sparse(other.index), bank.dense(s.index), bank.sparse(s.index));
            redundancy[k] = redundancy[k].max(sim);
        }
        chosen.push(s);
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(rank, s)| {
            let q = Arc::clone(bank.get(s.index));
            let rationale = rationale(&q, &s, &req.role);
            KitQuestion {
                text: s.specifics.clone().unwrap_or_else(|| q.text.clone()),
                question: q,
                score: s.score,
                rank: rank as u32 + 1,
                target: s.target,
                probe: s.probe,
                evidence: s.evidence,
                rationale,
                breakdown: s.breakdown.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            }
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
