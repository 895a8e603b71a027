//! Ranking a kit: a candidate pool per role retrieved through the vector store (hybrid dense
//! and sparse, per requirement area and competency), then a planner that builds the kit in
//! the order an interviewer runs it: each of the role's requirement areas once (a depth
//! question where the resume shows the area, a concept, scenario or design question where it
//! does not), the candidate's headline claims, then behavioral questions on distinct
//! competencies. Within an area or competency the question is chosen by seniority fit,
//! similarity to the resume and the role, and measured effectiveness.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use nexushr_domain::Role;
use nexushr_embed::SparseVector;
use nexushr_vector_store::{Filter, Query, Scope, StoreError, Vectors};

use crate::anchored::{AnchorOption, AnchoredQuestion, Anchors};
use crate::areas::{Graph, LANGUAGES, Resume, RoleArea, RoleAreas};
use crate::bank::{Bank, Mode, Question};
use crate::claims::{ClaimQuestion, Claims, of_project};
use crate::engine::Spec;
use nexushr_domain::candidate::Candidate;
use nexushr_domain::kit::{Evidence, KitQuestion, Probe};

/// Months of work after which behavioral questions are no longer a student's (`story_level`).
const STORY_MONTHS: i32 = 48;

pub const RANKER_VERSION: &str = "areas-v1";
/// The bank's collection (named after the bank's layout: a new layout is a new collection, so
/// points of an older bank never mix in).
pub const COLLECTION: &str = "bank-areas";

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
            Stage::Screen => 0.4,
            Stage::Technical => 0.2,
            Stage::Onsite => 0.3,
            Stage::Final => 0.5,
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
    /// What the resume shows (areas and terms), worked out on the first Generate.
    shown: std::sync::OnceLock<Arc<Resume>>,
    /// Every claim of the resume as a question (a kit keeps its role's headlines among them), per
    /// kit language, made on first use.
    claims: [std::sync::OnceLock<Arc<Vec<ClaimQuestion>>>; 3],
    /// The achievements able to anchor a behavioral question, per kit language, made on first use.
    anchors: [std::sync::OnceLock<Arc<Vec<AnchorOption>>>; 3],
    /// Whether the resume shows leading people, work across teams and mentoring, worked out once.
    leads: std::sync::OnceLock<(bool, bool, bool)>,
    /// The terms and areas the resume shows on a line that is not testing work (a suite, API
    /// tests, test data), worked out once: a tester's line shows the area it tests, not work they
    /// owned there.
    owned: std::sync::OnceLock<(HashSet<usize>, Vec<bool>)>,
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
        Self {
            dense,
            sparse,
            nearest: Vec::new(),
            shown: Default::default(),
            claims: Default::default(),
            anchors: Default::default(),
            leads: Default::default(),
            owned: Default::default(),
        }
    }

    /// What the resume shows in `graph`'s terms (the bundled graph never changes while a
    /// process runs, so the first answer is kept).
    fn shown(&self, graph: &Graph, candidate: &Candidate) -> Arc<Resume> {
        Arc::clone(self.shown.get_or_init(|| Arc::new(graph.shown(candidate))))
    }

    /// The achievements able to anchor a behavioral question or a requirement area in kit language
    /// `lang`, made once.
    fn anchors(&self, graph: &Graph, candidate: &Candidate, lang: usize) -> Arc<Vec<AnchorOption>> {
        Arc::clone(
            self.anchors[lang.min(2)]
                .get_or_init(|| Arc::new(Anchors::bundled().options(graph, candidate, lang))),
        )
    }

    /// The candidate's claims as questions in kit language `lang`, with the areas each names,
    /// made once.
    fn claims(&self, graph: &Graph, candidate: &Candidate, lang: usize) -> Arc<Vec<ClaimQuestion>> {
        Arc::clone(self.claims[lang.min(2)].get_or_init(|| {
            let mut claims = Claims::bundled().all(candidate, lang);
            for c in &mut claims {
                // A language shared by both sides of an app shows no front-end or mobile work
                // (R53: "APIs en Node.js y NestJS" asked as a web developer's front-end headline).
                c.areas = graph
                    .find(&c.span.text)
                    .iter()
                    .flat_map(|f| {
                        let shared = crate::anchored::SHARED_LANGUAGES.contains(&graph.term_id(f.term));
                        graph.areas_of(f.term).iter().copied().filter(move |&a| {
                            !(shared
                                && matches!(graph.areas[usize::from(a)].id.as_str(), "frontend" | "mobile"))
                        })
                    })
                    .collect();
                // Something built in one area is scored on that area's substance: what was
                // built and the candidate's own part stay, the area's points take the place of
                // "design decisions" in general, and its answer levels those of any build.
                if c.category == "build"
                    && let Some(area) = Anchors::bundled().area_rubric(graph, &c.span.text, lang)
                {
                    let template = Claims::bundled().kind_points("build", lang);
                    let q = Arc::make_mut(&mut c.question);
                    let built = &q.rubric.points;
                    // What was built, the area's first three points, what the line names (its
                    // facets and its figure: points not in the template), the candidate's own part.
                    let mut points: Vec<String> =
                        template.first().filter(|what| built.contains(what)).cloned().into_iter().collect();
                    points.extend(area.points.iter().take(3).cloned());
                    points.extend(built.iter().skip(1).filter(|p| !template.contains(p)).cloned());
                    points.extend(template.get(2).filter(|own| built.contains(own)).cloned());
                    q.rubric = crate::bank::Rubric { points, ..area };
                }
            }
            Arc::new(claims)
        }))
    }

    /// Fills in the closest resume line of every question of `bank`.
    pub fn index(mut self, bank: &Bank) -> Self {
        self.nearest = (0..bank.len()).map(|i| self.closest_line(bank, i)).collect();
        self
    }

    fn closest_line(&self, bank: &Bank, i: usize) -> (f32, Option<u32>) {
        (0..self.sparse.len())
            .map(|t| (self.similarity_to(bank, i, t), t as u32))
            .fold((0.0f32, None), |acc, (s, t)| if s > acc.0 { (s, Some(t)) } else { acc })
    }

    /// How close question `i` of `bank` is to the candidate's text `t` (a claim's index, or a
    /// skill line's after the claims).
    fn similarity_to(&self, bank: &Bank, i: usize, t: usize) -> f32 {
        let Some(sparse) = self.sparse.get(t) else { return 0.0 };
        let dense = self.dense.as_ref().and_then(|d| d.get(t)).map(Vec::as_slice);
        similarity(bank.dense(i), bank.sparse(i), dense, sparse)
    }

    /// The resume line closest to question `i` and its similarity.
    fn nearest(&self, bank: &Bank, i: usize) -> (f32, Option<usize>) {
        let (s, t) = self.nearest.get(i).copied().unwrap_or_else(|| self.closest_line(bank, i));
        (s, t.map(|t| t as usize))
    }
}

/// What interviewers taught about a question for a role. A field is None where nothing was
/// measured: no feedback recorded (asked, skipped or rated), or fewer scored candidates than
/// calibration's minimum sample.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Learned {
    /// Measured effectiveness from ratings, in [-1, 1].
    pub feedback: Option<f32>,
    /// From scorecards and outcomes, in [0, 1]: how surely the question separates candidates
    /// who advanced from those who did not ([`crate::calibration::Measures::signal`]).
    pub calibration: Option<f32>,
}

/// Weight of the shared prior against a tenant's own measurement.
pub const PRIOR_WEIGHT: f32 = 0.5;

/// What was learned, kept per tenant: a tenant's own measurements steer only its kits. A
/// tenant that opted in to sharing also gets, where its own interviewers have measured nothing
/// yet, the shared prior at [`PRIOR_WEIGHT`]: built from the tenants that share alone (their
/// feedback totals summed; their calibration pooled per tenant, [`crate::calibration::pooled_signal`]).
#[derive(Debug, Clone, Default)]
pub struct Effectiveness {
    /// By tenant, role slug, then question id.
    pub own: HashMap<String, HashMap<String, HashMap<String, Learned>>>,
    /// The shared prior, by role slug, then question id.
    pub shared: HashMap<String, HashMap<String, Learned>>,
    /// The tenants that share (and so receive the prior).
    pub sharing: std::collections::HashSet<String>,
}

impl Effectiveness {
    /// What `tenant`'s kits for `role` use: (feedback, calibration) per question id.
    fn for_kit<'a>(&'a self, tenant: &str, role: &str) -> impl Fn(&str) -> (f32, f32) + 'a {
        let own = self.own.get(tenant).and_then(|roles| roles.get(role));
        let prior = if self.sharing.contains(tenant) { self.shared.get(role) } else { None };
        move |id: &str| {
            let mine = own.and_then(|m| m.get(id)).copied().unwrap_or_default();
            let theirs = prior.and_then(|m| m.get(id)).copied().unwrap_or_default();
            let pick =
                |own: Option<f32>, prior: Option<f32>| own.or(prior.map(|p| p * PRIOR_WEIGHT)).unwrap_or(0.0);
            (pick(mine.feedback, theirs.feedback), pick(mine.calibration, theirs.calibration))
        }
    }
}

/// A role's candidate questions with what depends only on the role, worked out once when the
/// pool is built: the role's requirement areas and competencies, and each question's similarity
/// to the role.
#[derive(Debug)]
pub struct Pool {
    pub entries: Vec<Entry>,
    pub areas: RoleAreas,
    /// The role in each kit language, made on first use (the pool is per role version).
    roles: [std::sync::OnceLock<Arc<Role>>; 3],
}

impl Pool {
    fn role_in(&self, role: &Role, lang: usize) -> Arc<Role> {
        Arc::clone(self.roles[lang.min(2)].get_or_init(|| Arc::new(role_in(role, lang))))
    }
}

/// One candidate question of a pool.
#[derive(Debug)]
pub struct Entry {
    /// The question's index in the bank.
    pub index: usize,
    pub role_sim: f32,
    /// Its requirement area or competency (an index into the graph's areas).
    area: Option<usize>,
    mode: Mode,
    behavioral: bool,
    seniority: u8,
    /// A tenant's own question (the pool is tenant-scoped; checked again when ranking).
    tenant_owned: bool,
}

fn role_document(role: &Role) -> String {
    let s = &role.spec;
    let skills: Vec<&str> = s.skills.iter().take(12).map(|k| k.name.as_str()).collect();
    format!("{}. {} Skills: {}.", s.title, s.summary, skills.join(", "))
}

/// Retrieves a role's candidate questions through the vector store: one hybrid query for the
/// role as a whole, one per requirement area and one per competency (filtered on the payload),
/// all scoped to the tenant and the shared bank.
pub async fn build_pool(
    vectors: &Vectors,
    bank: &Bank,
    tenant: &str,
    role: &Role,
) -> Result<Pool, StoreError> {
    let scope = Scope::tenant_and_shared(tenant)?;
    let graph = &bank.graph;
    let areas = graph.role_areas(role);
    let doc = role_document(role);
    let title = &role.spec.title;
    let mut texts = vec![doc.clone()];
    let wanted: Vec<usize> =
        areas.technical.iter().chain(areas.competencies.iter()).map(|a| a.area).collect();
    texts.extend(wanted.iter().map(|&a| format!("{title}: {}", graph.areas[a].name(0))));
    let dense = vectors.embed(&texts);
    let query = |i: usize, limit: usize, filter: Filter| {
        let mut q = Query::new(scope.clone(), limit).filter(filter).sparse(vectors.sparse_query(&texts[i]));
        if let Some(d) = &dense {
            q = q.dense(d[i].clone());
        }
        q
    };
    let mut queries = vec![query(0, 40, Filter::default())];
    for (k, &a) in wanted.iter().enumerate() {
        let area = &graph.areas[a];
        let (key, limit) = if area.competency { ("competency", 8) } else { ("area", 16) };
        queries.push(query(1 + k, limit, Filter::default().eq(key, area.id.clone())));
    }
    let role_dense = dense.as_ref().map(|d| d[0].as_slice());
    let role_sparse = vectors.sparse_document(&doc);
    let mut seen = HashSet::new();
    let mut entries = Vec::new();
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
                    area: area_of(graph, q),
                    mode: q.mode,
                    behavioral: q.kind.is_behavioral(),
                    seniority: q.seniority,
                    tenant_owned: !q.tenant.is_empty(),
                });
            }
        }
    }
    // In bank order, so ranking reads the bank and the resume's per-question table in order.
    entries.sort_by_key(|e| e.index);
    Ok(Pool { entries, areas, roles: Default::default() })
}

/// The area or competency a question belongs to.
fn area_of(graph: &Graph, q: &Question) -> Option<usize> {
    if q.kind.is_behavioral() {
        q.competencies.first().and_then(|c| graph.area(c))
    } else {
        graph.area(&q.area)
    }
}

/// Two bank questions on one topic: a named situation both share (`Question::topic`: a latency
/// regression and a payment error jump right after a release), or near-duplicates across areas:
/// cosine of the bank's vectors of at least 0.8.
fn same_topic(bank: &Bank, a: usize, b: usize) -> bool {
    const SAME_TOPIC: f32 = 0.8;
    let (qa, qb) = (bank.get(a), bank.get(b));
    shares_topic(&qa.topic, &qb.topic)
        || similarity(bank.dense(a), bank.sparse(a), bank.dense(b), bank.sparse(b)) >= SAME_TOPIC
}

/// Whether two questions' topics (each a space-separated list) name one situation in common.
fn shares_topic(a: &str, b: &str) -> bool {
    a.split_whitespace().any(|t| b.split_whitespace().any(|u| u == t))
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

/// The signals of a question's score, in the order of `Scored::breakdown`.
const SIGNALS: [&str; 6] =
    ["seniority_fit", "resume_similarity", "role_similarity", "effectiveness", "calibration", "fit_bonus"];

/// A bank question scored for this request.
#[derive(Debug, Clone)]
struct Scored {
    index: usize,
    area: Option<usize>,
    mode: Mode,
    behavioral: bool,
    score: f32,
    breakdown: [f32; 6],
}

/// A kit as ranked: its questions in interview order and what they cover, in the kit language.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub questions: Vec<KitQuestion>,
    /// Requirement areas and competencies the kit asks about.
    pub covered: Vec<String>,
    /// Requirement areas of the role the kit leaves for another interview.
    pub uncovered: Vec<String>,
    /// Requirement areas of the role the resume does not show.
    pub gaps: Vec<String>,
    /// The role's title in the kit language.
    pub role_title: String,
    /// Headline claims the guardrail kept out: (question id, text). Bank questions are checked
    /// when the bank is written and loaded, and are not logged per kit.
    pub stopped: Vec<(String, String)>,
}

/// The kit language: the request's, else the resume's, else English.
pub fn kit_language(req: &Spec) -> usize {
    req.language.or_else(|| crate::areas::language_index(&req.candidate.language)).unwrap_or(0)
}

/// One planned question before it becomes a [`KitQuestion`], with the role area it covers.
enum Pick {
    Area {
        s: Scored,
        probe: Probe,
        ra: RoleArea,
    },
    Claim {
        c: ClaimQuestion,
        ra: Option<RoleArea>,
    },
    Competency {
        s: Scored,
        ra: RoleArea,
    },
    /// A competency, or (`technical`) a requirement area, asked through the candidate's own work.
    Anchored {
        a: AnchoredQuestion,
        ra: RoleArea,
        technical: bool,
    },
    Other {
        s: Scored,
    },
}

/// The role in kit language `lang` (its page's own translation, field by field).
pub fn role_in(role: &Role, lang: usize) -> Role {
    match nexushr_domain::Locale::parse(LANGUAGES[lang.min(2)]) {
        Ok(locale) if lang > 0 => role.localized(&locale).0,
        _ => role.clone(),
    }
}

/// Plans and ranks the kit for one request.
pub fn rank(bank: &Bank, pool: &Pool, effectiveness: &Effectiveness, req: &Spec) -> Ranked {
    let graph = &bank.graph;
    let lang = kit_language(req);
    let candidate = &*req.candidate;
    let resume = req.candidate_vectors.shown(graph, candidate);
    let shown = &resume.areas;
    let shown_terms: HashSet<&str> = resume.terms.keys().map(|&t| graph.term_id(t)).collect();
    let level = req.level.or(candidate.level).unwrap_or(1);
    // Stories are pitched by the years worked in the field, whatever the title: a QA analyst of
    // eight years moving to backend as a junior is no student to ask about "a group project"
    // (R52). Years in a trade before (a bootcamp graduate's seven in retail) leave the stories
    // a junior's, told of "a job, a course or a project" (R51 kept them).
    let in_field = candidate
        .claims
        .iter()
        .filter(|c| !c.project)
        .filter_map(|c| c.title.as_deref())
        .all(nexushr_resume_parser::work::in_tech_field);
    let story_level = if req.level.is_none() && in_field && candidate.total_months >= STORY_MONTHS {
        level.max(1)
    } else {
        level
    };
    let (leads, across_teams, mentors) = *req.candidate_vectors.leads.get_or_init(|| {
        let leads = candidate.leads();
        (leads, leads || candidate.works_across_teams(), candidate.mentors())
    });
    let cv = &req.candidate_vectors;
    let learned = effectiveness.for_kit(&req.tenant, &req.role.spec.slug);
    // The guardrail, checked ahead of time: bank questions when the bank was loaded, claims
    // when they were made.
    let allowed = |blocked: nexushr_guardrail::Blocked| match req.jurisdiction {
        Some(j) => !blocked.in_jurisdiction(j),
        None => !blocked.anywhere(),
    };

    // An experience question about a practice ("a risky schema migration you planned or led",
    // "a breaking change you made to an API others used") is asked only of a resume whose work
    // shows that practice, not merely its area: a data engineer's warehouse work is not an
    // online schema change, a tester's API tests are not an API they owned (reviewers, R11-R13).
    // A line of testing work (API tests, a suite, test data) shows the area it tests, not work
    // the candidate owned there: "a breaking change you made to an API" and "a platform standard
    // you set" of a QA engineer whose lines test APIs and run test databases in Docker (R27).
    let (owned_terms, owned_areas) = cv.owned.get_or_init(|| {
        let mut terms = HashSet::new();
        let mut areas = vec![false; graph.areas.len()];
        for c in candidate.claims.iter().filter(|c| !crate::anchored::testing_work(&c.text)) {
            for f in graph.find(&c.text) {
                terms.insert(f.term);
                for &a in graph.areas_of(f.term) {
                    areas[usize::from(a)] = true;
                }
            }
        }
        (terms, areas)
    });
    let worked_on = |q: &crate::bank::Question| {
        q.terms.is_empty()
            || q.terms.iter().filter_map(|id| graph.term_index(id)).any(|asked| {
                resume.terms.iter().any(|(&found, s)| {
                    s.claim.is_some()
                        && (q.area == "testing" || owned_terms.contains(&found))
                        && graph.satisfies(found, asked)
                })
            })
    };

    // A question with a `{skill}` slot names a technology of the area the resume wrote as one
    // ("PostgreSQL", "Jira"); a practice word ("prazo", "deadline") in the slot reads broken
    // ("planejar e entregar usando prazo", R14), and one named on a single line is a keyword hook
    // (`Shown::slot`), so without one the question is not asked.
    let mut named_in = vec![false; graph.areas.len()];
    for s in resume.terms.values().filter(|s| s.slot()) {
        for &a in graph.areas_of(s.term) {
            named_in[usize::from(a)] = true;
        }
    }

    // A question for the people who do some work (`Question::needs`) is asked of a resume whose
    // work names one of its terms: "Terraform (básico)", "Terraform (read/modify)" or "Terraform
    // (RDS modules)" in a skills list is no job of structuring modules for six teams (R56, R57).
    let shows_any = |needs: &[String]| {
        needs.is_empty()
            || needs.iter().filter_map(|id| graph.term_index(id)).any(|asked| {
                resume.terms.iter().any(|(&found, s)| s.claim.is_some() && graph.satisfies(found, asked))
            })
    };

    // A scenario set under Brazil's and Mexico's data protection laws is asked of a resume written
    // in Portuguese or Spanish, or one whose work names those laws (R83, R85: a Canadian and a
    // Glasgow security engineer were asked to build a Brazilian fintech's LGPD programme).
    let latam_laws = ["lgpd".to_string(), "lfpdppp".to_string()];
    let latam_law = |q: &crate::bank::Question| q.terms.iter().any(|t| latam_laws.contains(t));

    // The job's own area (the one the role's title names), for questions off that job.
    let job_area = pool.areas.technical.first().filter(|r| r.titled).map(|r| graph.areas[r.area].id.as_str());

    // Score every pool question this request may ask.
    let mut scored: Vec<Scored> = Vec::with_capacity(pool.entries.len());
    for e in &pool.entries {
        let i = e.index;
        if i >= bank.len() {
            continue;
        }
        let q = bank.get(i);
        if req.exclude.contains(&q.id)
            || (e.tenant_owned && q.tenant != req.tenant)
            || job_area.is_some_and(|a| q.off_for.iter().any(|o| o == a))
            || (!q.only_for.is_empty() && !job_area.is_some_and(|a| q.only_for.iter().any(|o| o == a)))
            || !shows_any(&q.needs)
            || (latam_law(q) && req.candidate.language == "en" && !shows_any(&latam_laws))
            // (Nor of someone living elsewhere in Latin America: a Colombian security engineer
            // was scored on Mexico's LFPDPPP and Brazil's LGPD, R110.)
            || (latam_law(q) && !law_of_home(q, &req.candidate.country) && !shows_any(&latam_laws))
        {
            continue;
        }
        let is_shown = e.area.is_some_and(|a| shown[a].is_some());
        // Shown in a work achievement: enough to ask about that work; on more than one line too:
        // enough to ask what they led.
        let in_work = e.area.is_some_and(|a| {
            shown[a].as_ref().is_some_and(|s| s.claim.is_some())
                && (graph.areas[a].id == "testing" || owned_areas.get(a).copied().unwrap_or(false))
        });
        // What they led: the area on two achievement lines, and a resume that shows leading
        // (a lead title or a leadership achievement): a "standard you set for the team" question
        // presumes it.
        let led = leads
            && e.area.is_some_and(|a| shown[a].as_ref().is_some_and(|s| s.claim.is_some() && s.lines >= 2));
        // A requirement the resume does not show is never asked as past experience; one it only
        // lists among skills is asked as a scenario or design (a "you list X" story question
        // says nothing the skills line did not).
        if !e.behavioral
            && e.area.is_some()
            && e.mode == Mode::Experience
            && (!in_work
                || (e.seniority >= 2 && !led)
                || !worked_on(q)
                || (q.text.contains("{skill}") && e.area.is_some_and(|a| !named_in[a])))
        {
            continue;
        }
        // A behavioral question is never pitched above the candidate: "a problem that cut across
        // several teams" asks a mid-level engineer in a small team for a story they cannot have
        // (every competency has a question at each level). A senior's "initiative that several
        // teams had to adopt" presumes work across teams, which five years in a small
        // consultancy need not show (R22).
        if e.behavioral && (e.seniority > story_level || (e.seniority >= 2 && !across_teams)) {
            continue;
        }
        // A story or a situation of leading people ("a major change you led your team through",
        // "two senior engineers ask you to decide") is asked of someone the resume shows leading
        // (R24: a test analyst and a business analyst were asked to settle seniors' disputes).
        if e.behavioral && !leads && shares_topic(&q.topic, "leading-people") {
            continue;
        }
        // A mentoring story is asked of a senior, or of someone whose resume shows mentoring or
        // onboarding (R30: a junior data scientist, 18 months in, asked how they mentored a
        // colleague).
        if e.behavioral && level < 2 && shares_topic(&q.topic, "mentoring") && !mentors {
            continue;
        }
        let (resume_sim, _) = cv.nearest(bank, i);
        // Pitched at the candidate: a question a level below costs half a point of fit, one a
        // level above a whole point (a senior design question for a junior is the worse miss;
        // it still wins where nothing else covers the area, as in a loop's design interview).
        let above = f32::from(e.seniority) - f32::from(if e.behavioral { story_level } else { level });
        let fit = if above > 0.0 { 1.0 - above } else { 1.0 + above / 2.0 };
        let (feedback, calibration) = learned(&q.id);
        let mut bonus = 0.0;
        // An area the resume does not show is probed with a concept or a scenario: a design
        // question ("plan a six-month move to the cloud") asks for what the candidate has never
        // done, at lead level (R24: both backend kits of candidates without cloud work).
        // So is one in an area the resume shows only in a skills list or through testing it (R63:
        // a gRPC migration of 25 services for "Other: REST"; R64: a cloud-migration plan and a
        // gRPC migration for a QA engineer whose API lines test APIs).
        if !e.behavioral && e.area.is_some() && !in_work && e.mode == Mode::Design {
            bonus -= 0.5;
        }
        // A gap is probed with a scenario rather than a definition for a senior (R30: the test
        // pyramid asked of a frontend developer four years in read as textbook).
        if !e.behavioral && e.area.is_some() && !is_shown && e.mode == Mode::Concept && level >= 2 {
            bonus -= 0.1;
        }
        if !e.behavioral && is_shown {
            bonus += match (e.mode, level) {
                (Mode::Experience, 1..) => 0.15,
                (Mode::Design, 2..) => 0.1,
                // A definition in an area the candidate works in is below a mid-level (R32: the
                // test pyramid asked of a QA engineer with CTAL-TAE and of a senior who set up
                // Cypress).
                (Mode::Concept, 1) => -0.1,
                (Mode::Concept, 2..) => -0.2,
                _ => 0.0,
            };
        }
        if q.terms.iter().any(|t| shown_terms.contains(t.as_str())) {
            bonus += 0.1;
        }
        // A question about a tool of an area the resume lists only through another ("kubectl" and
        // CrashLoopBackOff for a candidate with "Docker (básico)") presumes what the resume does
        // not show, while its why says the area is shown (R47: three such questions struck).
        // Only where the area is shown by a skills list alone: where the candidate's work shows it,
        // a scenario's tool is the situation asked about, not a presumption.
        let listed_only = e.area.is_some_and(|a| shown[a].as_ref().is_some_and(|s| s.claim.is_none()));
        let names_unshown = !e.behavioral
            && listed_only
            && !q.terms.is_empty()
            && !q
                .terms
                .iter()
                .filter_map(|id| graph.term_index(id))
                .any(|asked| resume.terms.keys().any(|&found| graph.satisfies(found, asked)));
        if names_unshown {
            bonus -= 0.3;
        }
        // A question whose scores have been shown to separate this tenant's candidates who
        // advanced from those who did not outweighs a closer wording: it is what the interview
        // is for.
        let score =
            0.45 * fit + 0.2 * resume_sim + 0.15 * e.role_sim + 0.1 * feedback + 0.3 * calibration + bonus;
        scored.push(Scored {
            index: i,
            area: e.area,
            mode: e.mode,
            behavioral: e.behavioral,
            score,
            breakdown: [fit, resume_sim, e.role_sim, feedback, calibration, bonus],
        });
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));

    // The plan: behavioral questions by the stage's share, up to two headline claims, and the
    // rest on requirement areas; or, for one interview of a loop, what the loop gave it.
    let n = req.count;
    // Headline claims, and the role area each speaks to: an achievement outside the role's
    // areas (an IT-support satisfaction score for a backend role) is not a headline for it.
    // Leading people speaks to no technical area, whatever the team does ("a team of 6 engineers
    // (platform, CI/CD and cloud security)" is no CI/CD headline: R27 asked a mid-level backend
    // kit's CI/CD slot about management).
    // A line whose only role area is the language it was written in speaks to the area it names
    // more: a storefront moved to Next.js with React 18 in TypeScript is front-end work, not a
    // backend kit's programming (R32: a React migration and RMAN backup scripts asked in backend
    // kits under "programming and code quality"). An MLOps platform of FastAPI services and
    // SageMaker endpoints still speaks to a backend kit's APIs.
    let claim_area = |c: &ClaimQuestion| {
        if c.category == "leadership" {
            return None;
        }
        // Work of a kind with areas of its own is asked under the first the role has (R41: a
        // DBA's backup redesign copied to Azure Blob Storage, asked under a backend kit's cloud
        // and containers), and under none when the role has none of them.
        let home = Claims::bundled().kind_areas(&c.category);
        if !home.is_empty() {
            return home
                .iter()
                .find_map(|id| pool.areas.technical.iter().find(|r| graph.areas[r.area].id == *id))
                .map(|r| r.area);
        }
        let in_role = |a: u16| pool.areas.technical.iter().any(|r| r.area == usize::from(a));
        let first = c.areas.iter().copied().find(|&a| in_role(a))?;
        let only_language =
            c.areas.iter().filter(|&&a| in_role(a)).all(|&a| graph.areas[usize::from(a)].id == "programming");
        if only_language {
            let count = |a: u16| c.areas.iter().filter(|&&b| b == a).count();
            let other = c.areas.iter().filter(|&&a| !in_role(a)).map(|&a| count(a)).max().unwrap_or(0);
            if other > count(first) {
                return None;
            }
        }
        Some(usize::from(first))
    };
    let all_claims = req.candidate_vectors.claims(graph, candidate, lang);
    // The headlines for this role: one of each kind, two per employer, among the claims in its
    // areas (or strong enough outside them). The guardrail's stops are reported among the
    // headlines the kit would have asked, not every achievement of the resume.
    let outside = |c: &ClaimQuestion| if claim_area(c).is_none() && c.claim.is_some() { 1.5 } else { 0.0 };
    // Early-career work is asked about when nothing newer is (a stale line's claim scores 3
    // less), and "nothing newer" is per core area of the role: a platform engineer's only backend
    // work, a rate-quote API he sped up seven years ago, is what a backend kit asks about beside
    // his platform headlines (R58: never probed while two platform achievements were).
    let stale = |c: &ClaimQuestion| c.claim.and_then(|i| candidate.claims.get(i)).is_some_and(|l| l.stale());
    let heaviest = pool.areas.technical.iter().map(|r| r.weight).fold(0.0f32, f32::max);
    let core =
        |a: usize| pool.areas.technical.iter().any(|r| r.area == a && r.weight >= heaviest * CORE_SHARE);
    let fresh: HashSet<usize> = all_claims
        .iter()
        .filter(|c| !stale(c) && c.score >= 2.0)
        .filter(|c| !req.exclude.contains(&c.question.id) && allowed(c.blocked))
        .filter_map(claim_area)
        .collect();
    let penalty = |c: &ClaimQuestion| {
        let alone = stale(c) && claim_area(c).is_some_and(|a| core(a) && !fresh.contains(&a));
        outside(c) - if alone { 2.0 } else { 0.0 }
    };
    // A kind of work with areas of its own the role lacks is no headline for it either: an LCP
    // gain asked in a backend kit under "programming" says nothing of backend work (R78).
    let homeless =
        |c: &ClaimQuestion| claim_area(c).is_none() && !Claims::bundled().kind_areas(&c.category).is_empty();
    let mut candidates: Vec<(f32, &ClaimQuestion)> = all_claims
        .iter()
        .filter(|c| !req.exclude.contains(&c.question.id) && !homeless(c))
        .map(|c| (c.score - penalty(c), c))
        .filter(|(score, _)| *score >= 2.0)
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let stopped: Vec<(String, String)> =
        crate::claims::headlines(candidate, candidates.iter().map(|(_, c)| *c))
            .into_iter()
            .filter(|c| !allowed(c.blocked))
            .map(|c| (c.question.id.clone(), c.question.text.clone()))
            .collect();
    let claims: Vec<ClaimQuestion> = crate::claims::headlines(
        candidate,
        candidates.iter().filter(|(_, c)| allowed(c.blocked)).map(|(_, c)| *c),
    )
    .into_iter()
    .map(|c| ClaimQuestion { score: c.score - penalty(c), ..c.clone() })
    .collect();
    // Beyond the headlines (one of each kind, two per job), the stories left in the role's areas,
    // one of each kind not asked yet: a kit with room to spare asks them before the bank's
    // behavioral questions (R65: a data engineer's data-quality work, her third story at one
    // employer, went unasked beside seven behavioral questions). A kind of work with areas of its
    // own the role lacks stays out (R66: an LCP gain in a backend kit).
    let mut reserve: Vec<ClaimQuestion> = Vec::new();
    for (_, c) in candidates.iter().filter(|(_, c)| allowed(c.blocked)) {
        let told = claims.iter().chain(&reserve).any(|h| h.claim == c.claim || h.category == c.category);
        if !told {
            reserve.push(ClaimQuestion { score: c.score - penalty(c), ..(*c).clone() });
        }
    }
    // Kept best first, as `headlines` gives them.
    let (technical, competencies, modes, mut n_behavioral, mut n_claims) = match &req.plan {
        Some(plan) => {
            let pick = |list: &[RoleArea], wanted: &[usize]| -> Vec<RoleArea> {
                wanted
                    .iter()
                    .map(|&a| {
                        list.iter().find(|r| r.area == a).cloned().unwrap_or(RoleArea {
                            area: a,
                            weight: 0.0,
                            cite: None,
                            titled: false,
                        })
                    })
                    .collect()
            };
            (
                pick(&pool.areas.technical, &plan.areas),
                pick(&pool.areas.competencies, &plan.competencies),
                plan.modes.clone(),
                plan.competencies.len(),
                plan.claims.min(claims.len()),
            )
        }
        None => {
            let share = req.behavioral_share.unwrap_or_else(|| req.stage.behavioral_share()).clamp(0.0, 1.0);
            let n_behavioral =
                if n >= 3 { ((n as f32 * share).round() as usize).max(usize::from(share > 0.0)) } else { 0 }
                    .min(n);
            // Headline claims are the most tailored questions a kit has: up to three (a fourth
            // was too often a weak one, and took the place of the role's core area).
            let claim_room = match n {
                0..=3 => 0,
                4 => 1,
                5..=7 => 2,
                _ => 3,
            };
            let n_claims = claims.len().min(claim_room).min(n - n_behavioral);
            (
                pool.areas.technical.clone(),
                pool.areas.competencies.clone(),
                Vec::new(),
                n_behavioral,
                n_claims,
            )
        }
    };
    let technical = &technical;
    let role_area = |a: usize| technical.iter().find(|r| r.area == a).cloned();

    let mut taken: HashSet<usize> = HashSet::new();
    let mut per_area: HashMap<usize, Vec<Mode>> = HashMap::new();
    let mut picks: Vec<(u8, usize, Pick)> = Vec::new(); // (section, order, pick)

    // Claims first: the areas they cover need no area question of their own in this kit.
    // The job's own area (the one the title names) gets a question from the bank as well (see the
    // passes below), so one achievement there is its headline: a second one gives way to an
    // achievement elsewhere when there is one (when there is none, the job's area has three).
    let lead_area = technical.first().filter(|r| r.titled && req.plan.is_none()).map(|r| r.area);
    let in_lead = |c: &ClaimQuestion| lead_area.is_some() && claim_area(c) == lead_area;
    // An achievement in none of the role's areas (an Android crash rate, a design system, in a
    // backend kit) is asked only when the kit has room left over (R18 struck them as off-role).
    let mut ordered: Vec<&ClaimQuestion> = Vec::with_capacity(claims.len());
    let (mut second, mut outside): (Vec<&ClaimQuestion>, Vec<&ClaimQuestion>) = (Vec::new(), Vec::new());
    for c in &claims {
        if c.claim.is_some() && claim_area(c).is_none() {
            outside.push(c);
        } else if in_lead(c) && ordered.iter().any(|o| in_lead(o)) {
            second.push(c);
        } else {
            ordered.push(c);
        }
    }
    ordered.extend(second);
    n_claims = n_claims.min(ordered.len());
    ordered.extend(outside);
    for &c in ordered.iter().take(n_claims) {
        let area = claim_area(c).filter(|a| technical.iter().any(|r| r.area == *a));
        if let Some(a) = area {
            per_area.entry(a).or_default().push(Mode::Experience);
        }
        picks.push((1, picks.len(), Pick::Claim { c: c.clone(), ra: area.and_then(role_area) }));
    }

    // A migration or a speed-up the candidate did is asked about as a claim: the bank's "plan a
    // move off this platform" or "find the slow query" questions would ask it again,
    // hypothetically (R17, R18: an SRE kit with four migration questions; a "p95 went from
    // 200 ms to 2 s" scenario beside the candidate's own latency story).
    let mut claimed_topics = told_topics(&picks, candidate);
    // The achievements the kit asks about (and their employers), so that no other question asks
    // about the same line again.
    let (mut used, mut employers): (Vec<usize>, Vec<String>) = picks
        .iter()
        .filter_map(|(_, _, p)| match p {
            Pick::Claim { c, .. } => Some((c.claim?, c.employer.clone().unwrap_or_default())),
            _ => None,
        })
        .unzip();
    let options = req.candidate_vectors.anchors(graph, candidate, lang);
    // An incident the resume tells is asked as the story it is (below): no area asks for "a
    // serious incident you led" beside it.
    if options.iter().any(|o| o.question.story == Some(crate::anchored::Story::Incident) && !o.fallback) {
        claimed_topics.push("incident-response");
    }
    // An experience question in an area the resume shows is asked through the candidate's own
    // line there ("At Pagora, you built the order REST API in Go. Which decisions...?") in place
    // of the bank's "on a project that used Go", up to twice a kit: a third "At X, you..."
    // beside the claims and the behavioral anchors reads like one template.
    const AREA_ANCHORED: usize = 2;
    // Behavioral questions asked through the candidate's work at most (see below).
    const ANCHORED: usize = 3;
    let mut area_anchored = 0;
    let mut anchored_areas: HashSet<usize> = HashSet::new();
    // The lines the behavioral section would anchor its leading competencies on, one each as it
    // picks them: an area takes another line, or keeps its bank question, so that asking an area
    // through the candidate's work does not send a competency back to a stock "tell me about a
    // time" (the first cut of area asks traded two told-back questions for one).
    // `used` grows as areas are asked through lines; these are kept apart from it.
    let reserved: Vec<usize> = {
        let (mut lines, mut at) = (used.clone(), employers.clone());
        for ra in competencies.iter().take(n_behavioral.min(ANCHORED)) {
            if let Some(o) =
                crate::anchored::pick(&options, &graph.areas[ra.area].id, &lines, &at).filter(|o| !o.fallback)
            {
                lines.push(o.question.claim);
                at.push(o.question.employer.clone());
            }
        }
        lines.split_off(used.len())
    };
    // Requirement areas: each once, heaviest first, then a second question of another mode.
    let mut n_areas = n.saturating_sub(n_behavioral + n_claims);
    let fits_area = |s: &Scored, a: usize, taken: &HashSet<usize>, avoid: &[Mode]| {
        s.area == Some(a)
            && !s.behavioral
            && !taken.contains(&s.index)
            && !claimed_topics.iter().any(|t| shares_topic(&bank.get(s.index).topic, t))
            && !avoid.contains(&s.mode)
            && (modes.is_empty() || modes.contains(&s.mode))
            && allowed(bank.blocked(s.index))
            && taken.iter().all(|&t| !same_topic(bank, t, s.index))
    };
    let choose_area = |a: usize, taken: &HashSet<usize>, avoid: &[Mode]| {
        scored.iter().find(|s| fits_area(s, a, taken, avoid)).cloned()
    };
    // Passes over the areas: the role's core areas once (at least a third of the heaviest's
    // weight), a second question in its main ones, then the peripheral areas, then second
    // questions anywhere. A loop's interview asks each of its areas once.
    let top = technical.iter().map(|r| r.weight).fold(0.0f32, f32::max);
    let passes: &[(f32, usize, Room)] = if req.plan.is_some() {
        &[(0.0, 0, Room::Core)]
    } else {
        // The leading area (the one the title names) twice first: it is the job.
        // An area below a fifth of the heaviest is left to the loop: in a single kit it was
        // the off-role question reviewers kept striking (a service desk in a tester's kit).
        // Then, with room left (after more claims), the role's lighter areas the resume's work
        // shows, and only then, when behavioral questions would otherwise take more than half
        // the kit, a lighter area it does not show (R53: a web developer's kit of seven
        // behavioral questions, its programming and CI/CD areas left for another interview).
        &[
            (1.0, 0, Room::Core),
            (1.0, 1, Room::Core),
            (CORE_SHARE, 0, Room::Core),
            (0.6, 1, Room::Core),
            (CORE_SHARE, 1, Room::Core),
            (0.2, 0, Room::Core),
            (0.2, 1, Room::Core),
            (0.0, 0, Room::Shown),
            (0.2, 0, Room::Gap),
            // Still more than half behavioral: any other area the role names where the resume
            // shows it, once, then twice (R82: a QA kit of six behavioral questions, its
            // programming area left for another interview; reviewers struck the stock
            // questions for technical ones). Not one it does not show below a fifth of the
            // heaviest: an A/B test and a Playwright suite in a security engineer's kit.
            (0.0, 0, Room::Gap),
            (0.0, 1, Room::Gap),
        ]
    };
    // The leading area is the one the title names (`lead_area`, above; none for a loop's interview).
    let lead_twice = lead_area.is_some();
    // The job's own area gets a question from the bank even when achievements already speak to
    // it: two mobile claims in a mobile kit left no mobile question, and the room went to API
    // and batch-job questions written for back ends.
    let mut lead_asked = false;
    for &(share, want_used, room) in passes {
        // Room left (a role with few areas): more claims, then a lighter area the resume shows,
        // then one it does not show while behavioral questions would take more than half the
        // kit, then more behavioral questions.
        if room == Room::Shown {
            // The headlines not asked yet, then the stories beyond them (`reserve`).
            let rest = ordered.iter().copied().enumerate().skip(n_claims).map(|(k, c)| (Some(k), c));
            for (k, c) in rest.chain(reserve.iter().map(|c| (None, c))) {
                if n_areas == 0 {
                    break;
                }
                if let Some(k) = k {
                    n_claims = k + 1;
                }
                // Not a line an area question already asks about, nor a story a bank question of
                // the kit already asks hypothetically (R59: a plan regression after a patch beside
                // the candidate's own rewrite of a slow procedure).
                if c.claim.is_some_and(|l| used.contains(&l))
                    || claim_topic(c)
                        .iter()
                        .any(|t| taken.iter().any(|&i| shares_topic(&bank.get(i).topic, t)))
                {
                    continue;
                }
                if let Some(l) = c.claim {
                    used.push(l);
                    employers.push(c.employer.clone().unwrap_or_default());
                }
                picks.push((1, picks.len(), Pick::Claim { c: c.clone(), ra: None }));
                n_areas -= 1;
            }
        }
        if room == Room::Gap && (n_behavioral + n_areas) * 2 <= n {
            continue;
        }
        for (order, ra) in technical.iter().enumerate() {
            if n_areas == 0 {
                break;
            }
            if room == Room::Shown && shown[ra.area].as_ref().is_none_or(|w| w.claim.is_none()) {
                continue;
            }
            let lead = order == 0 && lead_twice && share >= 1.0 && want_used == 0 && !lead_asked;
            let asked_here = if lead { 0 } else { per_area.get(&ra.area).map_or(0, Vec::len) };
            if asked_here != want_used || ra.weight < top * share || (share >= 1.0 && !lead_twice) {
                continue;
            }
            // An area the resume does not show is probed once: a second question there (office
            // Wi-Fi design and a VPN fault for an integration engineer, two business-analysis
            // cases for a mobile lead) is a kit about another job (R20).
            if want_used > 0 && shown[ra.area].is_none() {
                continue;
            }
            // A peripheral area (below the core share) is asked about where the resume shows it:
            // as a gap it was the off-role question reviewers struck (R35: ETL, a web outage's
            // triage and a mechanic shop's requirements in a security engineer's kit, from the
            // catalog page's data-analysis, troubleshooting and business-analysis skills); the
            // room goes to the candidate's own work. (A loop's interviews cover every area they
            // were given, shown or not.)
            if req.plan.is_none()
                && share < CORE_SHARE
                && shown[ra.area].is_none()
                && (room != Room::Gap || ra.weight < top * 0.2)
            {
                continue;
            }
            let avoid = per_area.get(&ra.area).cloned().unwrap_or_default();
            // An area's second question two levels above the candidate is another candidate's:
            // a design system for four product teams beside a junior's accessibility check (R64).
            let pitched_here = |s: &Scored| {
                want_used == 0 || req.plan.is_some() || bank.get(s.index).seniority < level.saturating_add(2)
            };
            if let Some(s) = choose_area(ra.area, &taken, &avoid).filter(pitched_here) {
                // A bank question on what a headline the kit has no room for says the candidate
                // did gives way to that headline (R47: "redesign the paging of a checkout API"
                // beside his unasked "reduced paging noise by ~60%"; SLOs to design beside "SLOs
                // for 42 services").
                let topic = &bank.get(s.index).topic;
                let headline = ordered.iter().skip(n_claims).find(|c| {
                    claim_topic(c).iter().any(|t| shares_topic(topic, t))
                        && c.claim.is_some_and(|l| !used.contains(&l) && !reserved.contains(&l))
                });
                if req.plan.is_none()
                    && let Some(&c) = headline
                {
                    if let Some(l) = c.claim {
                        used.push(l);
                        employers.push(c.employer.clone().unwrap_or_default());
                    }
                    per_area.entry(ra.area).or_default().push(Mode::Experience);
                    n_areas -= 1;
                    picks.push((1, picks.len(), Pick::Claim { c: c.clone(), ra: Some(ra.clone()) }));
                    // The bank question it displaced, and any on its topic, stay out of the kit: an
                    // area's second pass brought the same plan regression back beside the
                    // candidate's own rewrite of a slow procedure (R59).
                    taken.insert(s.index);
                    continue;
                }
                // An experience question, or an area's second question (the first was a
                // concept, scenario or design): the candidate's own work there is the better one.
                // Once per area: an area a claim already asks about from the candidate's work
                // (an experience question there) is not asked through a second line.
                let second = want_used > 0 && !avoid.contains(&Mode::Experience);
                // A junior screen in an area a senior works in (a full disk for an SRE eleven
                // years in: R37) gives way to the candidate's own work there, when a line of it
                // can be asked.
                // So is a definition for a mid-level whose achievements show the area (R37, R39:
                // "what is an index?" for data engineers five and six years in).
                let worked_in = shown[ra.area].as_ref().is_some_and(|w| w.claim.is_some());
                // In the job's own area a mid-level's work there makes any junior screen one
                // (R51: "the Docker container stops after it starts" for a cloud engineer running
                // ECS Fargate with Terraform).
                let own_area = lead_area == Some(ra.area);
                let below_level = |s: &Scored| {
                    bank.get(s.index).seniority == 0
                        && shown[ra.area].is_some()
                        && (level >= 2 || (level >= 1 && worked_in && (s.mode == Mode::Concept || own_area)))
                };
                let below = below_level(&s);
                // A lighter area asked with room left is asked through the candidate's own line
                // there when one can carry it (R53: an SRE's Go health-check tools, not a partner
                // API batch job), one more time than the core areas may.
                let extra = room == Room::Shown;
                // A definition for an intern or junior whose own work or project shows the area
                // is asked through that work when a line can carry it (R89: "what is REST?" of an
                // intern who built and deployed a FastAPI backend for about 300 users); without
                // such a line the definition stays.
                let own_work = level == 0 && worked_in && s.mode == Mode::Concept;
                let anchor = if (s.mode == Mode::Experience || second || below || extra || own_work)
                    && area_anchored < AREA_ANCHORED + usize::from(extra)
                    && !anchored_areas.contains(&ra.area)
                {
                    let taken_lines: Vec<usize> = used.iter().chain(&reserved).copied().collect();
                    crate::anchored::pick(&options, &graph.areas[ra.area].id, &taken_lines, &employers)
                        .filter(|o| !req.exclude.contains(&o.question.question.id) && allowed(o.blocked))
                } else {
                    None
                };
                // A bank experience question that names nothing of the candidate's ("tell me
                // about an architecture decision you personally drove"), when no line of theirs
                // can carry the area's ask, gives way to the area's scenario or design question:
                // with a resume line quoted under it, it read as stapled on (R42, R47, R48: "the
                // why cites the CDC path but the question is a generic prompt"). Not for a junior
                // screen below the candidate's level.
                let s = match choose_area(ra.area, &taken, &[avoid.as_slice(), &[Mode::Experience]].concat())
                {
                    Some(other)
                        if !below_level(&other)
                            && anchor.is_none()
                            && req.plan.is_none()
                            && s.mode == Mode::Experience
                            && !bank.get(s.index).text.contains("{skill}") =>
                    {
                        other
                    }
                    _ => s,
                };
                // Without such a line a single kit leaves the junior screen out: reviewers struck
                // it every time (R37, R39: a full disk for an SRE eleven years in, B-tree basics
                // for a data engineer six years in); the room goes to the next area.
                // A loop's interview still covers its area, and a technical-only kit (no
                // behavioral section to take the room) keeps it.
                // Before that, it gives way to the area's next question pitched at the candidate,
                // when there is one; for a mid-level the job's own area keeps its question either
                // way (a senior's junior screen still gives its room away, R37).
                let pitched = (below && anchor.is_none() && req.plan.is_none())
                    .then(|| {
                        scored.iter().find(|o| {
                            o.index != s.index && fits_area(o, ra.area, &taken, &avoid) && !below_level(o)
                        })
                    })
                    .flatten();
                let (s, below) = match pitched {
                    Some(o) => (o.clone(), false),
                    None => (s, below && !(own_area && level < 2)),
                };
                if below && anchor.is_none() && req.plan.is_none() && n_behavioral > 0 {
                    continue;
                }
                lead_asked |= lead;
                per_area.entry(ra.area).or_default().push(s.mode);
                n_areas -= 1;
                if let Some(o) = anchor {
                    let a = o.question.clone();
                    used.push(a.claim);
                    employers.push(a.employer.clone());
                    area_anchored += 1;
                    anchored_areas.insert(ra.area);
                    picks.push((0, order, Pick::Anchored { a, ra: ra.clone(), technical: true }));
                    continue;
                }
                taken.insert(s.index);
                // An area shown only in passing ("coordinated the cutover" for project
                // management) is no gap: reviewers called "not shown" false (R12, R45, R46).
                let probe = if resume.touches(ra.area) { Probe::Depth } else { Probe::Gap };
                picks.push((0, order, Pick::Area { s, probe, ra: ra.clone() }));
            }
        }
    }
    if req.plan.is_none() {
        n_behavioral += n_areas;
    }

    // Behavioral questions: one per competency, the role's first; one of them a situation to
    // reason through rather than another story, so the section does not ask for the same kind
    // of answer three times. First, up to three are asked through an achievement of the resume
    // that shows the competency (one no other question of the kit asks about, at another
    // employer when there is one), among the role's leading competencies: reviewers kept
    // striking the same "tell me about a time" in every kit. The rest come from the bank.
    let mut asked = 0;
    let mut anchored: HashSet<usize> = HashSet::new();
    // The competency an anchored question asks as, when another than its own (a disagreement
    // anchored for collaboration is the kit's conflict question: R87 asked a stock "a time you
    // strongly disagreed with your manager" beside the S3 dispute).
    let position = |id: &str| competencies.iter().position(|ra| graph.areas[ra.area].id == id);
    let asked_as = |o: &crate::anchored::AnchorOption| position(&o.asks).filter(|_| o.asks != o.competency);
    let leading = if req.plan.is_some() { competencies.len() } else { n_behavioral + 2 };
    for (order, ra) in competencies.iter().enumerate().take(leading) {
        if asked >= n_behavioral.min(ANCHORED) {
            break;
        }
        if let Some(o) = crate::anchored::pick(&options, &graph.areas[ra.area].id, &used, &employers)
            && !req.exclude.contains(&o.question.question.id)
            && allowed(o.blocked)
            && (!o.fallback || order < n_behavioral)
        {
            let a = o.question.clone();
            used.push(a.claim);
            employers.push(a.employer.clone());
            anchored.insert(order);
            anchored.extend(asked_as(o));
            picks.push((2, order, Pick::Anchored { a, ra: ra.clone(), technical: false }));
            asked += 1;
        }
    }
    // Then the stories the resume tells (a disagreement, a mistake owned, an incident handled)
    // for the role's other competencies, best first, before any stock question: past the three
    // above, reviewers struck the bank's "a time you disagreed" and "a mistake you made" beside
    // the candidate's own (R86, R87: the BI team's old views, the dbt change that duplicated
    // invoices, the platform team's S3 policy, a CI key leaked to a public fork).
    // A story whose competency the kit already asks is asked for another it shows (a mistake
    // beside an incident asked for ownership is asked for learning).
    let mut stories: Vec<&crate::anchored::AnchorOption> = options
        .iter()
        .filter(|o| o.question.story.is_some() && !o.fallback && allowed(o.blocked))
        .filter(|o| !req.exclude.contains(&o.question.question.id))
        .collect();
    stories.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.question.claim.cmp(&b.question.claim)));
    for o in stories {
        if asked >= n_behavioral {
            break;
        }
        let also = o.question.story.map_or(&[][..], |s| s.also_shows());
        if asked_as(o).is_some_and(|k| anchored.contains(&k)) || used.contains(&o.question.claim) {
            continue;
        }
        let Some(order) = std::iter::once(o.competency.as_str())
            .chain(also.iter().copied())
            .filter_map(position)
            .find(|k| !anchored.contains(k))
        else {
            // A story takes the place of a line of work asked for its own competency: "I once
            // signed off a release on a green run that had silently skipped 40 tests ..." went
            // unasked beside a support-desk script asked for ownership (R97).
            let plain = position(&o.competency).and_then(|k| {
                picks.iter().position(|(_, at, p)| {
                    *at == k && matches!(p, Pick::Anchored { a, technical: false, .. } if a.story.is_none())
                })
            });
            if let Some(j) = plain
                && let (_, _, Pick::Anchored { a, .. }) = &mut picks[j]
            {
                used.retain(|&c| c != a.claim);
                if let Some(e) = employers.iter().position(|e| *e == a.employer) {
                    employers.remove(e);
                }
                *a = o.question.clone();
                used.push(a.claim);
                employers.push(a.employer.clone());
            }
            continue;
        };
        let mut a = o.question.clone();
        // Named by the competency it is asked for, as every anchored question is: one per
        // competency, so no two questions of a kit share an id.
        let id = &graph.areas[competencies[order].area].id;
        if *id != o.competency {
            let mut q = (*a.question).clone();
            q.id = format!("anchored-{id}");
            q.competencies = vec![id.clone()];
            a.question = Arc::new(q);
        }
        used.push(a.claim);
        employers.push(a.employer.clone());
        anchored.insert(order);
        anchored.extend(asked_as(o));
        picks.push((2, order, Pick::Anchored { a, ra: competencies[order].clone(), technical: false }));
        asked += 1;
    }
    // The situations the kit's stories already tell: an incident the candidate handled is asked
    // about as such, not again as "how would you handle the first hour".
    let told_topics = told_topics(&picks, candidate);
    let mut situation = false;
    for (order, ra) in competencies.iter().enumerate() {
        if asked >= n_behavioral {
            break;
        }
        if anchored.contains(&order) {
            continue;
        }
        let fits = |s: &&Scored| {
            s.area == Some(ra.area)
                && s.behavioral
                && !taken.contains(&s.index)
                && allowed(bank.blocked(s.index))
                && taken.iter().all(|&t| !same_topic(bank, t, s.index))
                && !told_topics.iter().any(|t| shares_topic(&bank.get(s.index).topic, t))
        };
        let situational =
            scored.iter().filter(fits).find(|s| bank.get(s.index).kind == crate::bank::Kind::Situational);
        let pick = if asked >= 1 && !situation {
            situational.or_else(|| scored.iter().find(fits))
        } else {
            scored.iter().find(fits)
        };
        if let Some(s) = pick.cloned() {
            situation |= bank.get(s.index).kind == crate::bank::Kind::Situational;
            taken.insert(s.index);
            picks.push((2, order, Pick::Competency { s, ra: ra.clone() }));
            asked += 1;
        }
    }
    // Still short (a tiny bank or many exclusions): the best of what is left.
    for s in &scored {
        if picks.len() >= n || req.plan.is_some() {
            break;
        }
        if !taken.contains(&s.index) && allowed(bank.blocked(s.index)) {
            taken.insert(s.index);
            picks.push((3, picks.len(), Pick::Other { s: s.clone() }));
        }
    }
    picks.sort_by_key(|(section, order, _)| (*section, *order));

    let mut covered: Vec<String> = Vec::new();
    let mut cover = |name: &str| {
        if !covered.iter().any(|c| c == name) {
            covered.push(name.to_string());
        }
    };
    let role = pool.role_in(&req.role, lang);
    let original = (lang > 0).then_some(&*req.role);
    // The lines the kit tells back, which a bank question does not name again.
    let told: HashSet<usize> = picks
        .iter()
        .filter_map(|(_, _, p)| match p {
            Pick::Claim { c, .. } => c.claim,
            Pick::Anchored { a, .. } => Some(a.claim),
            _ => None,
        })
        .collect();
    let mut questions = Vec::with_capacity(picks.len());
    // A line quoted under one question is not quoted under another: two bank questions citing
    // the same summary sentence read as one piece of evidence stretched over two asks.
    // The lines the kit tells back keep their quotes; a bank or competency question gives way.
    let mut quoted: HashSet<String> =
        told.iter().filter_map(|&i| candidate.claims.get(i)).map(|c| c.span.text.clone()).collect();
    for (rank, (_, _, pick)) in picks.into_iter().enumerate() {
        let tells = matches!(pick, Pick::Claim { .. } | Pick::Anchored { .. });
        let mut kq = build(pick, bank, graph, &resume, candidate, lang, req, (&role, original), &told);
        for e in kq.evidence.iter_mut().filter(|_| !tells) {
            if e.resume.as_ref().is_some_and(|span| !quoted.insert(span.text.clone())) {
                e.resume = None;
            }
        }
        if let Some((_, name)) = &kq.target {
            cover(name);
        }
        questions.push(KitQuestion { rank: rank as u32 + 1, ..kq });
    }
    let mut claimed: Vec<usize> = per_area.iter().filter(|(_, m)| !m.is_empty()).map(|(a, _)| *a).collect();
    claimed.sort_unstable();
    for a in claimed {
        cover(graph.areas[a].name(lang));
    }
    let uncovered = pool
        .areas
        .technical
        .iter()
        .map(|r| graph.areas[r.area].name(lang).to_string())
        .filter(|name| !covered.contains(name))
        .collect();
    let gaps = pool
        .areas
        .technical
        .iter()
        .filter(|r| !resume.touches(r.area))
        .map(|r| graph.areas[r.area].name(lang).to_string())
        .collect();
    Ranked { questions, covered, uncovered, gaps, role_title: role.spec.title.clone(), stopped }
}

/// The share of the heaviest area's weight that makes an area one of the role's core areas: asked
/// once in every kit, and where an old achievement is the only story for it, asked about.
const CORE_SHARE: f32 = 0.35;

/// What a pass over the role's areas may ask: its core areas by weight, then (with room left) a
/// lighter area the resume's work shows, or one the resume does not show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Room {
    Core,
    Shown,
    Gap,
}

/// The bank topic a kind of headline tells the story of: a kit that asks the headline does not
/// ask the topic again as a hypothetical (R17, R18, R39), and one without room for the headline
/// asks it in the topic's place (R47).
/// SLOs set up with their alerting are alerting work too ("SLOs para 42 serviços ... com
/// políticas de error budget").
fn claim_topic(c: &ClaimQuestion) -> Vec<&'static str> {
    line_topic(&c.category, &c.span.text)
}

/// The bank topics the stories picked so far tell: the headlines' and the lines behavioral
/// questions are asked through.
fn told_topics(picks: &[(u8, usize, Pick)], candidate: &Candidate) -> Vec<&'static str> {
    picks
        .iter()
        .filter_map(|(_, _, p)| match p {
            Pick::Claim { c, .. } => Some(claim_topic(c)),
            // (An incident told is the incident-response topic whatever its line's first word.)
            Pick::Anchored { a, .. } if a.story == Some(crate::anchored::Story::Incident) => {
                Some(vec!["incident-response"])
            }
            // (So is a mistake told, whatever its line's kind.)
            Pick::Anchored { a, .. } if a.story == Some(crate::anchored::Story::Mistake) => {
                Some(vec!["own-mistake"])
            }
            Pick::Anchored { a, .. } => candidate
                .claims
                .get(a.claim)
                .and_then(|line| Some(line_topic(Claims::bundled().kind_of(&line.text)?, &line.text))),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The bank topics a resume line of claim kind `kind` tells the story of.
fn line_topic(kind: &str, text: &str) -> Vec<&'static str> {
    let named = |list: &[&str]| crate::claims::words(text).any(|w| list.contains(&w.to_lowercase().as_str()));
    let mut topics = Vec::new();
    match kind {
        "migration" => topics.push("platform-migration"),
        "performance" => topics.push("query-performance"),
        "alerting" => topics.push("alert-noise"),
        "reliability" if named(&["slo", "slos", "sli", "slis"]) => topics.push("alert-noise"),
        // The minutes between an alert and the fix cut tell the alerts' story too (R63: a pager
        // of 40 alerts a week beside "MTTR de ~2h para 35 min com Datadog e SLOs").
        "response_time" => topics.push("alert-noise"),
        // A pipeline made faster is the slow CI scenario told (R63 development kits).
        "delivery" => topics.push("ci-speed"),
        // An incident handled is the bank's "a serious incident you led" and "the first hour"
        // told (R87: a stock incident question beside the CI key leak she ran).
        "incident" | "security_incident" => topics.push("incident-response"),
        _ => {}
    }
    // A mistake the line owns is the bank's "a mistake of yours that reached users" told (R115's
    // development kits asked both beside the WAF rule she pushed).
    let own_incident =
        matches!(kind, "incident" | "security_incident") && crate::claims::opens_with_own_act(text);
    if own_incident || crate::claims::owns_mistake(text) {
        topics.push("own-mistake");
    }
    // An incident the candidate handled is the "first hour after a bad release" situation told
    // (R68: beside the Black Friday outage he commanded, the Pix incident he led).
    const INCIDENTS: &[&str] =
        &["incident", "incidents", "outage", "outages", "incidente", "incidentes", "postmortem"];
    if kind == "incident"
        || matches!(kind, "leadership" | "reliability" | "response_time" | "impact") && named(INCIDENTS)
    {
        topics.push("incident-response");
    }
    // Payments charged twice, idempotency keys or an outbox are the double-charge scenario told
    // (R67: "customers charged twice after retries" beside his own duplicate-payout incident
    // fixed with the outbox pattern), and an A/B test the candidate ran is the bank's "read this
    // A/B result" told (R67: beside her 4-week re-ranker test).
    if crate::claims::words(text).any(|w| {
        let w = w.to_lowercase();
        ["duplic", "idempot", "outbox", "dedup"].iter().any(|p| w.starts_with(p))
    }) {
        topics.push("duplicate-charge");
    }
    if crate::claims::names_ab_test(text) {
        topics.push("experiment");
    }
    topics
}

/// A planned question in the kit language, with its evidence and rationale.
#[allow(clippy::too_many_arguments)]
fn build(
    pick: Pick,
    bank: &Bank,
    graph: &Graph,
    resume: &Resume,
    candidate: &nexushr_domain::candidate::Candidate,
    lang: usize,
    req: &Spec,
    (role, original): (&Role, Option<&Role>),
    told: &HashSet<usize>,
) -> KitQuestion {
    let breakdown = |s: &Scored| SIGNALS.iter().zip(s.breakdown).map(|(k, v)| (*k, v)).collect();
    match pick {
        Pick::Area { s, probe, ra } => {
            let area = &graph.areas[ra.area];
            let q = Arc::clone(bank.in_language(s.index, lang));
            // The resume line of a term the question is about, else (for an experience question)
            // the area's best line.
            // (A skills line that says the candidate knows only the basics is no evidence for a
            // concept, scenario or design question: "SQL (basic queries), Git; familiar with
            // Selenium from coursework" cited under a race condition read as a template's seam,
            // R92.)
            let evidence = q
                .terms
                .iter()
                .filter_map(|t| graph.term_index(t))
                .find_map(|t| {
                    resume.terms.get(&t).filter(|s| {
                        q.mode == Mode::Experience || s.claim.is_some() || !only_basics(&s.line.text)
                    })
                })
                .filter(|_| probe == Probe::Depth)
                // Only an experience question is about the candidate's own line in the area: a
                // concept, scenario or design question cites a line only for a term it is about
                // (reviewers read "the resume shows CDN" beside a database design as nonsense, R16).
                .or(resume.areas[ra.area].as_ref().filter(|_| q.mode == Mode::Experience));
            // A line another question of the kit tells back is not cited again: the candidate
            // would tell the same story twice (R42: "an architecture decision you drove" beside
            // "you designed the event backbone", both on the settlement line). Another line of
            // the area instead; an experience question with none is asked on the area alone, but
            // one with a tool's slot ("your projects with {skill}") keeps its tool.
            let untold = |e: &&crate::areas::Shown| e.claim.is_none_or(|c| !told.contains(&c));
            let slot = q.text.contains("{skill}");
            let evidence = match evidence {
                Some(e) if !untold(&e) && q.mode == Mode::Experience => resume
                    .terms
                    .values()
                    .filter(|s| s.claim.is_some() && untold(s) && (!slot || s.slot()))
                    .filter(|s| graph.areas_of(s.term).contains(&(ra.area as u16)))
                    .max_by_key(|s| (s.uses, std::cmp::Reverse(s.claim), s.written.clone()))
                    .or(slot.then_some(e)),
                // A concept, scenario or design question cites another achievement line of a term
                // it is about, or none (a feed design citing the crash-rate line a claim tells
                // back; not a summary's "I am interested in API design").
                Some(e) if !untold(&e) => q
                    .terms
                    .iter()
                    .filter_map(|t| graph.term_index(t))
                    .filter_map(|t| resume.terms.get(&t))
                    .find(|s| s.claim.is_some() && untold(s)),
                other => other,
            };
            // An experience question names a technology ("Kafka"), not a practice ("code
            // review"): the area's best named term, from an achievement when there is one.
            let evidence = match evidence {
                Some(e) if slot && !e.slot() => resume
                    .terms
                    .values()
                    .filter(|s| graph.areas_of(s.term).contains(&(ra.area as u16)))
                    .filter(|s| s.slot())
                    .max_by_key(|s| {
                        (
                            untold(s),
                            s.uses,
                            std::cmp::Reverse(s.claim.unwrap_or(usize::MAX)),
                            s.written.clone(),
                        )
                    })
                    .or(Some(e)),
                other => other,
            };
            let text = match evidence {
                // A scenario or design question is asked as the bank wrote it: put through a tool
                // of the candidate's work ("Thinking of your work with Kubernetes at Pagali: ...")
                // it read as a fake anchor on a hypothetical, and reviewers kept 2 of 7 such
                // questions (R43-R47) against nine in ten plain ones.
                Some(e) if q.text.contains("{skill}") => q.text.replace("{skill}", e.written.trim()),
                _ => q.text.replace("{skill}", area.name(lang)),
            };
            let rationale = match (probe, evidence) {
                (Probe::Depth, Some(e)) => {
                    rationale_depth(lang, area.name(lang), e.written.trim(), q.mode, slot)
                }
                // Without a line to cite, the why claims nothing of the resume (`rationale_case`).
                (Probe::Depth, None) => match (resume.passing(ra.area), resume.areas[ra.area].as_ref()) {
                    (Some(line), _) => rationale_passing(lang, area.name(lang), &line.text, q.mode),
                    (None, Some(_)) => rationale_case(lang, area.name(lang)),
                    (None, None) => rationale_shown(lang, area.name(lang)),
                },
                _ => rationale_gap(lang, area.name(lang), q.mode),
            };
            KitQuestion {
                text,
                question: q,
                score: s.score,
                rank: 0,
                target: Some((area.target_id(), area.name(lang).to_string())),
                probe,
                evidence: vec![Evidence {
                    resume: evidence.map(|e| e.line.clone()),
                    // The role page's own line (none when the page has no such line in this
                    // language: the target already names the area).
                    requirement: ra.requirement(role, original, lang),
                }],
                rationale,
                breakdown: breakdown(&s),
            }
        }
        Pick::Claim { c, ra } => {
            let rationale = rationale_claim(lang, c.employer.as_deref(), c.claim.is_none());
            let area = ra.as_ref().map(|r| &graph.areas[r.area]);
            let requirement = ra.as_ref().and_then(|r| r.requirement(role, original, lang));
            let project = c.claim.is_some_and(|i| candidate.claims.get(i).is_some_and(|l| l.project));
            let (text, rationale) = match c.employer.as_deref().filter(|_| project) {
                Some(name) => (
                    of_project(&c.question.text, name, lang, true),
                    of_project(&rationale, name, lang, false),
                ),
                None => (c.question.text.clone(), rationale),
            };
            KitQuestion {
                text,
                question: c.question,
                score: c.score,
                rank: 0,
                target: area.map(|a| (a.target_id(), a.name(lang).to_string())),
                probe: Probe::ClaimCheck,
                evidence: vec![Evidence { resume: Some(c.span), requirement }],
                rationale,
                breakdown: [("claim", c.score)].into_iter().collect(),
            }
        }
        Pick::Competency { s, ra } => {
            let area = &graph.areas[ra.area];
            let named = ra.weight > 0.0;
            let q = Arc::clone(bank.in_language(s.index, lang));
            // The closest achievement, when it is close enough to be the story to ask about. A
            // situation to reason through is asked of no line of the resume, and no line of filler
            // is a story (R59: "you find a bug silently corrupting another team's data" citing
            // "Apoyo en corrección de bugs reportados por QA").
            let situational = q.kind == crate::bank::Kind::Situational;
            let (sim, line) = req.candidate_vectors.nearest(bank, s.index);
            let resume = line
                .filter(|_| sim >= 0.4 && !situational)
                .and_then(|t| candidate.claims.get(t))
                .filter(|c| !crate::anchored::filler(c))
                .map(|c| c.span.clone());
            KitQuestion {
                text: q.text.clone(),
                question: q,
                score: s.score,
                rank: 0,
                target: Some((area.target_id(), area.name(lang).to_string())),
                probe: Probe::Competency,
                rationale: rationale_competency(lang, area.name(lang), named, situational),
                evidence: vec![Evidence {
                    resume,
                    // The role's own line; a competency the role does not name cites nothing (the
                    // rationale says it comes from the behavioral model).
                    requirement: ra.requirement(role, original, lang),
                }],
                breakdown: breakdown(&s),
            }
        }
        Pick::Anchored { a, ra, technical } => {
            let area = &graph.areas[ra.area];
            let (probe, rationale) = if technical {
                (Probe::Depth, rationale_work(lang, area.name(lang), &a.employer))
            } else {
                (Probe::Competency, rationale_anchored(lang, area.name(lang), &a.employer))
            };
            let (text, rationale) = if candidate.claims.get(a.claim).is_some_and(|l| l.project) {
                (
                    of_project(&a.question.text, &a.employer, lang, true),
                    of_project(&rationale, &a.employer, lang, false),
                )
            } else {
                (a.question.text.clone(), rationale)
            };
            KitQuestion {
                text,
                question: a.question,
                score: 1.0,
                rank: 0,
                target: Some((area.target_id(), area.name(lang).to_string())),
                probe,
                rationale,
                evidence: vec![Evidence {
                    resume: candidate.claims.get(a.claim).map(|c| c.span.clone()),
                    requirement: ra.requirement(role, original, lang),
                }],
                breakdown: [("anchored", 1.0)].into_iter().collect(),
            }
        }
        Pick::Other { s } => {
            let q = Arc::clone(bank.in_language(s.index, lang));
            let area = s.area.map(|a| &graph.areas[a]);
            KitQuestion {
                text: q.text.replace("{skill}", area.map_or("", |a| a.name(lang))),
                question: q,
                score: s.score,
                rank: 0,
                target: area.map(|a| (a.target_id(), a.name(lang).to_string())),
                probe: if s.behavioral { Probe::Competency } else { Probe::Depth },
                evidence: vec![Evidence { resume: None, requirement: None }],
                rationale: [
                    "Close to the role and to the resume",
                    "Próxima da vaga e do currículo",
                    "Cercana al puesto y al currículum",
                ][lang]
                    .to_string(),
                breakdown: breakdown(&s),
            }
        }
    }
}

/// `named`: the question's text names the term (`{skill}`); an experience question that does not
/// asks for the candidate's own example, and its why does not say it goes into the line's work
/// (R47: "the resume shows F5 load balancers, and the question goes into that work" beside "an
/// architecture decision you drove").
fn rationale_depth(lang: usize, area: &str, written: &str, mode: Mode, named: bool) -> String {
    let experience = mode == Mode::Experience;
    if experience && !named {
        return match lang {
            1 => format!(
                "{area}: requisito da vaga; o currículo mostra {written}, e a pergunta pede um exemplo do próprio trabalho da pessoa nessa área."
            ),
            2 => format!(
                "{area}: requisito del puesto; el currículum muestra {written}, y la pregunta pide un ejemplo del propio trabajo de la persona en esa área."
            ),
            _ => format!(
                "{area}: a requirement of the role; the resume shows {written}, and the question asks for an example from the candidate's own work there."
            ),
        };
    }
    match (lang, experience) {
        (1, true) => format!(
            "{area}: requisito da vaga; o currículo mostra {written}, e a pergunta aprofunda esse trabalho."
        ),
        (1, false) => format!(
            "{area}: requisito da vaga; o currículo mostra {written}, e a pergunta testa a profundidade por trás disso."
        ),
        (2, true) => format!(
            "{area}: requisito del puesto; el currículum muestra {written}, y la pregunta profundiza en ese trabajo."
        ),
        (2, false) => format!(
            "{area}: requisito del puesto; el currículum muestra {written}, y la pregunta pone a prueba la profundidad detrás de eso."
        ),
        (_, true) => format!(
            "{area}: a requirement of the role; the resume shows {written}, and the question goes into that work."
        ),
        _ => format!(
            "{area}: a requirement of the role; the resume shows {written}, and the question tests the depth behind it."
        ),
    }
}

/// A shown area asked by a question that is not about the candidate's own line in it.
fn rationale_shown(lang: usize, area: &str) -> String {
    match lang {
        1 => format!(
            "{area}: requisito da vaga que o currículo mostra; a pergunta testa a profundidade por trás disso."
        ),
        2 => format!(
            "{area}: requisito del puesto que el currículum muestra; la pregunta pone a prueba la profundidad detrás de eso."
        ),
        _ => format!(
            "{area}: a requirement of the role that the resume shows; the question tests the depth behind it."
        ),
    }
}

/// An area the resume shows through a term the question is not about ("VMware vSphere" under a
/// connection-pool scenario): the why says the question tests the area in general, and names no
/// term of the resume as its evidence (R59: "the resume shows" beside a role line asking for
/// solid microservices design read as a claim; R61: "the resume shows AWS S3" under a
/// connection-pool scenario read as mismatched evidence; R79: "con un caso propio" read as "the
/// candidate's own case").
fn rationale_case(lang: usize, area: &str) -> String {
    match lang {
        1 => format!(
            "{area}: requisito da vaga; a pergunta testa a área em geral, sem partir de uma linha do currículo."
        ),
        2 => format!(
            "{area}: requisito del puesto; la pregunta pone a prueba el área en general, sin partir de una línea del currículum."
        ),
        _ => format!(
            "{area}: a requirement of the role; the question tests it in general, not through a line of the resume."
        ),
    }
}

/// An area the resume shows only in passing (a hint, `Resume::passing`): the line, shortened,
/// and why the question is not about that work.
fn rationale_passing(lang: usize, area: &str, line: &str, mode: Mode) -> String {
    let line = line.trim().trim_end_matches('.');
    let how = asked_as(lang, mode);
    match lang {
        1 => format!(
            "{area}: requisito da vaga que o currículo mostra só de passagem (\"{line}\"): a pergunta é {how}, não sobre esse trabalho."
        ),
        2 => format!(
            "{area}: requisito del puesto que el currículum muestra solo de paso (\"{line}\"): la pregunta es {how}, no sobre ese trabajo."
        ),
        _ => format!(
            "{area}: a requirement of the role the resume shows only in passing (\"{line}\"): asked as {how} question, not about that work."
        ),
    }
}

/// How a question that is not about past work is asked ("a scenario", "conceitual"...).
fn asked_as(lang: usize, mode: Mode) -> &'static str {
    match (lang, mode) {
        (1, Mode::Concept) => "conceitual",
        (1, Mode::Design) => "de design",
        (1, _) => "de cenário",
        (2, Mode::Concept) => "conceptual",
        (2, Mode::Design) => "de diseño",
        (2, _) => "de escenario",
        (_, Mode::Concept) => "a concept",
        (_, Mode::Design) => "a design",
        _ => "a scenario",
    }
}

/// Whether a skills line says the candidate knows only the basics of what it lists ("SQL (basic
/// queries)", "AWS RDS (básico)", "familiar with Selenium from coursework").
fn only_basics(line: &str) -> bool {
    const BASICS: &[&str] = &[
        "basic",
        "basics",
        "básico",
        "básica",
        "básicos",
        "básicas",
        "basico",
        "basica",
        "familiar",
        "coursework",
        "noções",
        "nociones",
        "beginner",
        "iniciante",
        "principiante",
    ];
    crate::claims::words(&line.to_lowercase()).any(|w| BASICS.contains(&w))
}

fn rationale_gap(lang: usize, area: &str, mode: Mode) -> String {
    let how = asked_as(lang, mode);
    match lang {
        1 => format!(
            "{area} é requisito da vaga e não aparece no currículo: a pergunta é {how}, não sobre experiência passada."
        ),
        2 => format!(
            "{area} es requisito del puesto y no aparece en el currículum: la pregunta es {how}, no sobre experiencia previa."
        ),
        _ => format!(
            "{area} is a requirement of the role that the resume does not show: asked as {how} question, not about past work."
        ),
    }
}

/// Why a claim question is asked: an achievement (at its employer when the resume gives one), or a
/// certification.
fn rationale_claim(lang: usize, employer: Option<&str>, certification: bool) -> String {
    if !certification && employer.is_none() {
        return [
            "Probes a headline achievement the resume reports: how it was done, the candidate's own part and how the result was measured.",
            "Aprofunda uma conquista que o currículo destaca: como foi feita, o papel da pessoa e como o resultado foi medido.",
            "Profundiza en un logro que el currículum destaca: cómo se hizo, el papel de la persona y cómo se midió el resultado.",
        ][lang.min(2)]
            .to_string();
    }
    match (lang, employer) {
        (1, Some(e)) => format!(
            "Aprofunda uma conquista que o currículo destaca {}: como foi feita, o papel da pessoa e como o resultado foi medido.",
            crate::claims::at_pt(e)
        ),
        (2, Some(e)) => format!(
            "Profundiza en un logro que el currículum destaca en {e}: cómo se hizo, el papel de la persona y cómo se midió el resultado."
        ),
        (_, Some(e)) => format!(
            "Probes a headline achievement the resume reports at {e}: how it was done, the candidate's own part and how the result was measured."
        ),
        (1, None) => "Verifica a prática por trás de uma certificação do currículo.".into(),
        (2, None) => "Verifica la práctica detrás de una certificación del currículum.".into(),
        _ => "Checks the hands-on practice behind a certification on the resume.".into(),
    }
}

/// Why a bank behavioral question is asked: the role's own words when it names the competency,
/// else that every interview covers it (R79: "a core competency of the behavioral model" read as
/// internal jargon with no requirement behind it); behavioral evidence when it asks for a time the
/// candidate did it, judgement when it sets a hypothetical situation to reason through (R93: a
/// scenario's why called "evidencia conductual").
fn rationale_competency(lang: usize, competency: &str, role_names_it: bool, situational: bool) -> String {
    let lower = competency.to_lowercase();
    let what = match (lang, situational) {
        (1, true) => format!("Julgamento numa situação hipotética de {lower}"),
        (1, false) => format!("Evidência comportamental de {lower}"),
        (2, true) => format!("Criterio ante una situación hipotética de {lower}"),
        (2, false) => format!("Evidencia conductual de {lower}"),
        (_, true) => format!("Judgement in a hypothetical situation of {lower}"),
        _ => format!("Behavioral evidence of {lower}"),
    };
    match (lang, role_names_it) {
        (1, true) => format!("{what}, que a vaga pede."),
        (1, false) => format!("{what}: uma competência que a entrevista cobre em qualquer vaga."),
        (2, true) => format!("{what}, que el puesto pide."),
        (2, false) => format!("{what}: una competencia que la entrevista cubre en cualquier puesto."),
        (_, true) => format!("{what}, which the role asks for."),
        _ => format!("{what}: a competency the interview covers for every role."),
    }
}

fn rationale_anchored(lang: usize, competency: &str, employer: &str) -> String {
    let lower = competency.to_lowercase();
    if employer.is_empty() {
        return match lang {
            1 => format!(
                "Evidência comportamental de {lower}, pedida sobre um trabalho que o currículo mostra."
            ),
            2 => {
                format!("Evidencia conductual de {lower}, pedida sobre un trabajo que el currículum muestra.")
            }
            _ => format!("Behavioral evidence of {lower}, asked through work the resume shows."),
        };
    }
    match lang {
        1 => format!(
            "Evidência comportamental de {lower}, pedida sobre um trabalho que o currículo mostra {}.",
            crate::claims::at_pt(employer)
        ),
        2 => format!(
            "Evidencia conductual de {lower}, pedida sobre un trabajo que el currículum muestra en {employer}."
        ),
        _ => format!("Behavioral evidence of {lower}, asked through work the resume shows at {employer}."),
    }
}

/// A requirement area asked through the candidate's own work in it.
fn rationale_work(lang: usize, area: &str, employer: &str) -> String {
    match (lang, employer.is_empty()) {
        (1, true) => {
            format!("{area}: requisito da vaga, perguntado sobre um trabalho que o currículo mostra.")
        }
        (1, false) => {
            format!(
                "{area}: requisito da vaga, perguntado sobre um trabalho que o currículo mostra {}.",
                crate::claims::at_pt(employer)
            )
        }
        (2, true) => {
            format!("{area}: requisito del puesto, preguntado sobre un trabajo que el currículum muestra.")
        }
        (2, false) => format!(
            "{area}: requisito del puesto, preguntado sobre un trabajo que el currículum muestra en {employer}."
        ),
        (_, true) => format!("{area}: a requirement of the role, asked through work the resume shows."),
        _ => format!("{area}: a requirement of the role, asked through work the resume shows at {employer}."),
    }
}

/// The kit languages' tags, for callers outside the ranker.
/// Whether a scenario set under Brazil's or Mexico's data protection law is the law where the
/// candidate lives: LGPD in Brazil, LFPDPPP in Mexico; any when the resume does not say where.
fn law_of_home(q: &crate::bank::Question, country: &str) -> bool {
    country.is_empty()
        || q.terms.iter().any(|t| (t == "lgpd" && country == "BR") || (t == "lfpdppp" && country == "MX"))
}

pub fn language_tag(lang: usize) -> &'static str {
    LANGUAGES[lang.min(2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_why_says_at_an_employer_as_portuguese_does() {
        // R110: "o currículo mostra em Fundação Horizonte" read as a seam; "na Fundação".
        assert!(rationale_work(1, "Dados", "Fundação Horizonte").ends_with("mostra na Fundação Horizonte."));
        assert!(rationale_anchored(1, "ownership", "Hospital Vida").ends_with("mostra no Hospital Vida."));
    }

    #[test]
    fn questions_on_one_situation_share_a_topic_from_their_lists() {
        assert!(shares_topic("release-regression query-performance", "query-performance"));
        assert!(shares_topic("outbound-delivery", "outbound-delivery"));
        assert!(!shares_topic("release-regression", "query-performance"));
        assert!(!shares_topic("", ""));
        // The bundled bank: an index quiz and a slow-query story are one topic, as are a code
        // review of N+1 queries and a slow query.
        let bank = Bank::bundled().expect("the bundled bank");
        let topic = |id: &str| {
            bank.questions().iter().find(|q| q.id == id).map(|q| q.topic.clone()).unwrap_or_default()
        };
        assert!(shares_topic(&topic("data-01"), &topic("data-04")));
        assert!(shares_topic(&topic("programming-03"), &topic("data-02")));
        assert!(shares_topic(&topic("apis-05"), &topic("system-design-05")));
        assert!(shares_topic(&topic("cloud-containers-05"), "platform-migration"));
    }

    #[test]
    fn something_built_in_one_area_is_scored_on_that_area() {
        // R28: an API redesign scored with the generic "what you built" rubric.
        let bank = Bank::bundled().expect("the bundled bank");
        let candidate = Candidate {
            language: "en".into(),
            claims: vec![{
                let text = "Designed the billing REST API with OpenAPI contracts for 14 client integrations.";
                nexushr_domain::candidate::Claim {
                    skill_ids: nexushr_skills::Taxonomy::bundled()
                        .find(text)
                        .into_iter()
                        .map(|m| m.skill_id)
                        .collect(),
                    ..nexushr_domain::candidate::Claim::line(Some("Harbor Mutual"), text)
                }
            }],
            ..Candidate::default()
        };
        let claims = CandidateVectors::default().claims(&bank.graph, &candidate, 0);
        let built = claims
            .iter()
            .find(|c| c.category == "build")
            .unwrap_or_else(|| panic!("{:?}", claims.iter().map(|c| &c.category).collect::<Vec<_>>()));
        let rubric = &built.question.rubric;
        assert!(rubric.points.iter().any(|p| p.contains("versioning")), "{rubric:#?}");
        assert!(rubric.points.iter().any(|p| p.starts_with("what was built")), "{rubric:#?}");
        assert!(rubric.strong.contains("contract"), "{}", rubric.strong);
    }
}
