//! The generation engine shared by the gRPC service and the CLI: the bank and its vectors, the
//! question collection in the vector store, cached role pools and the effectiveness signal.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use chrono::Utc;
use nexushr_domain::Role;
use nexushr_guardrail::Jurisdiction;
use nexushr_vector_store::{Opened, Point, SHARED, StoreError, Vectors, point_id};

use crate::bank::{Bank, Question, document};
use crate::cache::Cache;
use crate::ranker::{self, COLLECTION, CandidateVectors, Effectiveness, Pool, RANKER_VERSION, Stage};
use nexushr_domain::candidate::Candidate;
use nexushr_domain::kit::{Kit, Versions};

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("vector store: {0}")]
    Vectors(#[from] StoreError),
    #[error("bank: {0}")]
    Bank(String),
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
}

/// What a kit is asked for.
#[derive(Debug, Clone)]
pub struct Spec {
    pub tenant: String,
    pub role: Arc<Role>,
    pub resume_id: String,
    /// Shared with the prepared-resume cache: a request does not copy the vectors.
    pub candidate: Arc<Candidate>,
    pub candidate_vectors: Arc<CandidateVectors>,
    pub count: usize,
    /// Share of behavioral and situational questions; None: the stage's default.
    pub behavioral_share: Option<f32>,
    /// 0 junior, 1 mid, 2 senior; None: the resume's estimate.
    pub level: Option<u8>,
    pub stage: Stage,
    pub exclude: HashSet<String>,
    pub jurisdiction: Option<Jurisdiction>,
    /// The kit language (an index into [`crate::areas::LANGUAGES`]); None: the resume's.
    pub language: Option<usize>,
    /// One interview of a loop: what it covers (None: a kit planned on its own).
    pub plan: Option<StagePlan>,
}

/// What one interview of a loop covers: requirement areas (graph indices), asked in `modes`
/// only when set; competencies; headline claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StagePlan {
    pub areas: Vec<usize>,
    pub modes: Vec<crate::bank::Mode>,
    pub competencies: Vec<usize>,
    pub claims: usize,
}

/// The interviews of a loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoopStage {
    Screen,
    Technical,
    SystemDesign,
    Behavioral,
}

impl LoopStage {
    pub const ALL: [LoopStage; 4] =
        [LoopStage::Screen, LoopStage::Technical, LoopStage::SystemDesign, LoopStage::Behavioral];

    pub fn as_str(self) -> &'static str {
        match self {
            LoopStage::Screen => "screen",
            LoopStage::Technical => "technical",
            LoopStage::SystemDesign => "system-design",
            LoopStage::Behavioral => "behavioral",
        }
    }

    /// The stage a name gives (`screen`, `technical`, `system-design`, `behavioral`).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name.trim().to_ascii_lowercase().replace('_', "-"))
    }
}

/// A loop: one kit per interview, and which interview covers each requirement and competency.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Loop {
    pub kits: Vec<(LoopStage, Kit)>,
    /// (requirement or competency name, the stage that covers it; None: not covered).
    pub coverage: Vec<(String, Option<LoopStage>)>,
    pub language: String,
}

impl Loop {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// The coverage table, then each interviewer's kit.
    pub fn to_markdown(&self) -> String {
        let lang = crate::areas::language_index(&self.language).unwrap_or(0);
        let (title, requirement, interview, none) = [
            ("Interview loop", "Requirement", "Interview", "not covered"),
            ("Ciclo de entrevistas", "Requisito", "Entrevista", "não coberto"),
            ("Ciclo de entrevistas", "Requisito", "Entrevista", "sin cubrir"),
        ][lang];
        let mut md = format!("# {title}\n\n| {requirement} | {interview} |\n|---|---|\n");
        for (name, stage) in &self.coverage {
            md.push_str(&format!("| {name} | {} |\n", stage.map_or(none, LoopStage::as_str)));
        }
        for (stage, kit) in &self.kits {
            md.push_str(&format!("\n---\n\n<!-- {} -->\n", stage.as_str()));
            md.push_str(&crate::kit::to_markdown(kit).replacen("# ", &format!("# {} · ", stage.as_str()), 1));
        }
        md
    }
}

/// Areas a system design interview prefers, in order.
const DESIGN_AREAS: &[&str] =
    &["system-design", "architecture", "data", "cloud-containers", "data-engineering"];

/// Splits the role's areas, competencies and claims over the loop's stages: a system design
/// interview takes up to two design-heavy areas (design questions only), a screen one area and
/// two competencies, the technical interview every other area, the behavioral interview every
/// other competency. With a stage missing, its share goes to the others, so every area of the
/// role is covered once across the loop.
pub fn plan_stages(
    graph: &crate::areas::Graph,
    areas: &crate::areas::RoleAreas,
    stages: &[LoopStage],
) -> Vec<(LoopStage, StagePlan)> {
    let has = |s: LoopStage| stages.contains(&s);
    let mut technical: Vec<usize> = areas.technical.iter().map(|a| a.area).collect();
    let mut competencies: Vec<usize> = areas.competencies.iter().map(|a| a.area).take(6).collect();
    let mut plans: HashMap<LoopStage, StagePlan> =
        stages.iter().map(|&s| (s, StagePlan::default())).collect();
    if let Some(p) = plans.get_mut(&LoopStage::SystemDesign) {
        let mut design: Vec<usize> = DESIGN_AREAS
            .iter()
            .filter_map(|id| graph.area(id))
            .filter(|a| technical.contains(a))
            .take(2)
            .collect();
        if design.is_empty() {
            design = technical.iter().take(2).copied().collect();
        }
        technical.retain(|a| !design.contains(a));
        p.areas = design;
        p.modes = vec![crate::bank::Mode::Design];
        p.claims = usize::from(!has(LoopStage::Technical));
    }
    if let Some(p) = plans.get_mut(&LoopStage::Screen) {
        if has(LoopStage::Technical) || has(LoopStage::SystemDesign) {
            p.areas = technical.iter().take(1).copied().collect();
            technical.retain(|a| !p.areas.contains(a));
        } else {
            p.areas = std::mem::take(&mut technical);
        }
        let n = if has(LoopStage::Behavioral) { 2 } else { competencies.len() };
        p.competencies = competencies.drain(..n.min(competencies.len())).collect();
        p.claims = 1;
    }
    if let Some(p) = plans.get_mut(&LoopStage::Technical) {
        p.areas = std::mem::take(&mut technical);
        p.claims = 1;
        if !has(LoopStage::Behavioral) && !has(LoopStage::Screen) {
            p.competencies = std::mem::take(&mut competencies);
        }
    }
    if let Some(p) = plans.get_mut(&LoopStage::Behavioral) {
        p.competencies = std::mem::take(&mut competencies);
        if !has(LoopStage::Technical) && !has(LoopStage::Screen) && !has(LoopStage::SystemDesign) {
            p.areas = std::mem::take(&mut technical);
        }
    }
    // Areas no stage took (only a system design interview was asked for): it takes them all.
    if !technical.is_empty()
        && let Some(p) = stages.first().and_then(|s| plans.get_mut(s))
    {
        p.areas.append(&mut technical);
        p.modes.clear();
    }
    stages.iter().filter_map(|s| plans.remove(s).map(|p| (*s, p))).collect()
}

pub struct Engine {
    vectors: Vectors,
    bank: RwLock<Arc<Bank>>,
    /// Bumped whenever the bank changes, so cached pools are rebuilt.
    generation: std::sync::atomic::AtomicU64,
    pools: Cache<(String, String, i64, u64), Arc<Pool>>,
    /// Serialises bank changes (clone, push, swap) so none is lost.
    adding: tokio::sync::Mutex<()>,
    effectiveness: RwLock<Arc<Effectiveness>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("mode", &self.vectors.mode()).finish_non_exhaustive()
    }
}

fn payload(q: &Question) -> serde_json::Map<String, serde_json::Value> {
    serde_json::Map::from_iter([
        ("question_id".to_string(), serde_json::json!(q.id)),
        ("kind".to_string(), serde_json::json!(q.kind.as_str())),
        ("skill_ids".to_string(), serde_json::json!(q.skill_ids)),
        ("competency".to_string(), serde_json::json!(q.competencies)),
        ("area".to_string(), serde_json::json!(q.area)),
        ("mode".to_string(), serde_json::json!(q.mode.as_str())),
        ("role".to_string(), serde_json::json!(q.roles)),
        ("difficulty".to_string(), serde_json::json!(q.difficulty)),
        ("seniority".to_string(), serde_json::json!(q.seniority)),
    ])
}

impl Engine {
    /// Loads the bundled bank plus `extra` (tenants' own questions), computes or loads their
    /// vectors (cached under `cache_dir`), and fills the vector store's question collection when
    /// it is new or out of step.
    pub async fn open(vectors: Vectors, cache_dir: &Path, extra: Vec<Question>) -> Result<Self, EngineError> {
        let mut bank = Bank::bundled().map_err(|e| EngineError::Bank(e.to_string()))?;
        for q in extra {
            bank.push(q);
        }
        let model = vectors.embedder.as_ref().map(|e| e.version());
        let dense = match &model {
            Some(m) => Some(load_or_embed(
                &vectors,
                &bank,
                &cache_dir.join(cache_name(&bank.version, m, bank.len())),
            )?),
            None => None,
        };
        for i in 0..bank.len() {
            let sparse = vectors.sparse_document(&document(bank.get(i)));
            bank.set_vectors(i, dense.as_ref().map(|d| d[i].clone()), sparse);
        }
        let opened = vectors.store.open(&vectors.spec(COLLECTION)).await?;
        let shared = vectors
            .store
            .count(
                COLLECTION,
                &nexushr_vector_store::Scope::shared(),
                &nexushr_vector_store::Filter::default(),
            )
            .await?;
        let bundled = bank.questions().iter().filter(|q| q.tenant.is_empty()).count();
        if opened == Opened::Created || shared != bundled {
            tracing::info!(questions = bank.len(), mode = vectors.mode(), "indexing the question bank");
            let points: Vec<Point> = (0..bank.len()).map(|i| point(&bank, i)).collect();
            for chunk in points.chunks(500) {
                vectors.store.upsert(COLLECTION, chunk.to_vec()).await?;
            }
            vectors.store.optimize(COLLECTION).await?;
        }
        Ok(Self {
            vectors,
            bank: RwLock::new(Arc::new(bank)),
            generation: Default::default(),
            pools: Cache::new(POOL_CACHE),
            adding: tokio::sync::Mutex::new(()),
            effectiveness: RwLock::new(Arc::new(Effectiveness::default())),
        })
    }

    pub fn vectors(&self) -> &Vectors {
        &self.vectors
    }

    pub fn bank(&self) -> Arc<Bank> {
        Arc::clone(&self.bank.read().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    pub fn versions(&self) -> Versions {
        Versions {
            bank: self.bank().version.clone(),
            model: self
                .vectors
                .embedder
                .as_ref()
                .map_or_else(|| "none (sparse only)".into(), |e| e.version()),
            ranker: RANKER_VERSION.into(),
        }
    }

    /// Replaces the effectiveness signal (from aggregated feedback).
    pub fn set_effectiveness(&self, e: Effectiveness) {
        *self.effectiveness.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(e);
    }

    /// Adds a tenant's question (already checked by the guardrail) to the bank and the index.
    pub async fn add_question(&self, q: Question) -> Result<(), EngineError> {
        let _one_at_a_time = self.adding.lock().await;
        let dense = self.vectors.embed(&[document(&q)]).map(|mut d| d.remove(0));
        let sparse = self.vectors.sparse_document(&document(&q));
        let mut bank = (*self.bank()).clone();
        let i = bank.push(q);
        bank.set_vectors(i, dense, sparse);
        self.vectors.store.upsert(COLLECTION, vec![point(&bank, i)]).await?;
        bank.generation = self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        *self.bank.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(bank);
        Ok(())
    }

    async fn pool(&self, tenant: &str, role: &Role, bank: &Bank) -> Result<Arc<Pool>, EngineError> {
        let key = (tenant.to_string(), role.id.clone(), role.version, bank.generation);
        if let Some(p) = self.pools.get(&key) {
            return Ok(p);
        }
        let pool = Arc::new(ranker::build_pool(&self.vectors, bank, tenant, role).await?);
        self.pools.insert(key, Arc::clone(&pool));
        Ok(pool)
    }

    /// Plans a loop: one kit per stage, no question twice, every requirement area and
    /// competency of the role covered once across the loop (not stored: the caller stores them).
    pub async fn plan_loop(&self, spec: &Spec, stages: &[LoopStage]) -> Result<Loop, EngineError> {
        if stages.is_empty() || stages.len() > 4 {
            return Err(EngineError::Invalid { field: "stages", reason: "give 1 to 4 stages".into() });
        }
        let mut unique = stages.to_vec();
        unique.dedup();
        if unique.len() != stages.len() || stages.iter().collect::<HashSet<_>>().len() != stages.len() {
            return Err(EngineError::Invalid { field: "stages", reason: "each stage at most once".into() });
        }
        let bank = self.bank();
        let pool = self.pool(&spec.tenant, &spec.role, &bank).await?;
        let plans = plan_stages(&bank.graph, &pool.areas, stages);
        let mut exclude = spec.exclude.clone();
        let mut kits = Vec::new();
        for (stage, plan) in plans {
            let count = plan.areas.len() + plan.competencies.len() + plan.claims;
            if count == 0 {
                continue;
            }
            let stage_spec =
                Spec { count: count.min(50), plan: Some(plan), exclude: exclude.clone(), ..spec.clone() };
            let kit = self.generate(&stage_spec).await?;
            exclude.extend(kit.questions.iter().map(|q| q.question.id.clone()));
            kits.push((stage, kit));
        }
        let lang = ranker::kit_language(spec);
        let mut coverage: Vec<(String, Option<LoopStage>)> = pool
            .areas
            .technical
            .iter()
            .chain(pool.areas.competencies.iter().take(6))
            .map(|a| (bank.graph.areas[a.area].name(lang).to_string(), None))
            .collect();
        for (name, stage) in &mut coverage {
            *stage = kits.iter().find(|(_, k)| k.covered_requirements.contains(name)).map(|(s, _)| *s);
        }
        Ok(Loop { kits, coverage, language: ranker::language_tag(lang).to_string() })
    }

    /// Ranks a kit (not stored: the caller stores and versions it).
    pub async fn generate(&self, spec: &Spec) -> Result<Kit, EngineError> {
        if !(1..=50).contains(&spec.count) && spec.plan.is_none() {
            return Err(EngineError::Invalid { field: "count", reason: "must be between 1 and 50".into() });
        }
        let bank = self.bank();
        let pool = self.pool(&spec.tenant, &spec.role, &bank).await?;
        let effectiveness =
            Arc::clone(&self.effectiveness.read().unwrap_or_else(std::sync::PoisonError::into_inner));
        let ranked = ranker::rank(&bank, &pool, &effectiveness, spec);
        let questions = ranked.questions;
        let stopped = ranked
            .stopped
            .into_iter()
            .map(|(question_id, text)| nexushr_domain::kit::Stopped {
                action: "kit_question",
                question_id,
                text,
            })
            .collect();
        let mut signals = vec!["sparse".to_string()];
        if self.vectors.embedder.is_some() {
            signals.insert(0, "dense".into());
        }
        if questions.iter().any(|q| q.breakdown.get("effectiveness").is_some_and(|e| *e != 0.0)) {
            signals.push("feedback".into());
        }
        if questions.iter().any(|q| q.breakdown.get("calibration").is_some_and(|e| *e != 0.0)) {
            signals.push("calibration".into());
        }
        Ok(Kit {
            id: uuid::Uuid::now_v7().to_string(),
            tenant: spec.tenant.clone(),
            role_slug: spec.role.spec.slug.clone(),
            role_title: ranked.role_title,
            resume_id: spec.resume_id.clone(),
            questions,
            covered_requirements: ranked.covered,
            uncovered_requirements: ranked.uncovered,
            gaps: ranked.gaps,
            language: ranker::language_tag(ranker::kit_language(spec)).to_string(),
            signals,
            versions: self.versions(),
            created_at: Utc::now(),
            version: 1,
            stopped,
        })
    }
}

/// Role pools kept in memory; each holds its questions' pairwise similarities (about 140 KB
/// for a pool of 370 questions).
const POOL_CACHE: usize = 512;

fn point(bank: &Bank, i: usize) -> Point {
    let q = bank.get(i);
    Point {
        id: point_id(&q.id),
        tenant: if q.tenant.is_empty() { SHARED.to_string() } else { q.tenant.clone() },
        dense: bank.dense(i).map(<[f32]>::to_vec),
        sparse: Some(bank.sparse(i).clone()),
        payload: payload(q),
    }
}

fn cache_name(bank: &str, model: &str, n: usize) -> String {
    format!("bank-{bank}-{}-{n}.f32", model.replace(['/', '|'], "_"))
}

/// The bank's dense vectors from the cache file, or embedded now and cached.
fn load_or_embed(vectors: &Vectors, bank: &Bank, path: &PathBuf) -> Result<Vec<Vec<f32>>, EngineError> {
    let Some(embedder) = &vectors.embedder else { return Ok(Vec::new()) };
    let dim = embedder.dim();
    if let Ok(mut f) = std::fs::File::open(path) {
        let mut bytes = Vec::new();
        if f.read_to_end(&mut bytes).is_ok() && bytes.len() == bank.len() * dim * 4 {
            let floats: Vec<f32> =
                bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
            return Ok(floats.chunks_exact(dim).map(<[f32]>::to_vec).collect());
        }
    }
    let docs: Vec<String> = bank.questions().iter().map(|q| document(q)).collect();
    let started = std::time::Instant::now();
    let dense = embedder.embed(&docs);
    tracing::info!(
        questions = docs.len(),
        ms = started.elapsed().as_millis() as u64,
        "embedded the question bank"
    );
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = path.with_extension(format!("tmp-{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        for v in &dense {
            for x in v {
                f.write_all(&x.to_le_bytes())?;
            }
        }
        f.sync_all()
    });
    if written.and_then(|()| std::fs::rename(&tmp, path)).is_err() {
        tracing::warn!(path = %path.display(), "could not cache the bank's vectors");
    }
    Ok(dense)
}
