//! The gRPC service: validation at the edge, the engine in the middle, kits stored with their
//! event.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::Utc;
use nexushr_domain::TenantId;
use nexushr_events::{Event, topics};
use nexushr_guardrail::Jurisdiction;
use nexushr_platform::{actor_of, invalid_argument as invalid, tenant_of};
use nexushr_proto::events::v1::KitGenerated;
use nexushr_proto::questions::v1::{
    self as pb, generate_request::Candidate as PbCandidate, question_generation_server::QuestionGeneration,
};
use prost::Message;
use tonic::{Request, Response, Status};

use crate::cache::Cache;
use crate::convert::{
    block_to, calibration_to, kind_from, kit_to, level, loop_stage_from, loop_stage_to, question_from,
    question_to, sharing_to,
};
use crate::engine::{Engine, EngineError, LoopStage, Spec};
use crate::llm::LlmProvider;
use crate::ranker::{CandidateVectors, Stage};
use crate::roles::RoleSource;
use crate::scorecards::{KitRef, Score};
use crate::store::{BlockRecord, NewKit, Prepared, QuestionStore, StoreError};
use nexushr_domain::candidate::Candidate;
use nexushr_domain::kit::{Evidence, Kit, KitQuestion, Probe, Stopped};

const DEFAULT_COUNT: i32 = 10;
const DEFAULT_PAGE: i32 = 20;
const MAX_PAGE: i32 = 100;
/// Scores on one scorecard (a kit has at most 50 questions).
const MAX_SCORES: usize = 50;
/// Characters of an interviewer's notes on one answer.
const MAX_NOTES: usize = 4000;

#[derive(Debug, thiserror::Error)]
pub enum QgError {
    #[error("{0} not found")]
    NotFound(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Roles(#[from] nexushr_catalog_store::StoreError),
    /// A blocking worker thread failed (it panicked).
    #[error("{0}")]
    Worker(String),
}

/// NOT_FOUND for what the caller named and cannot see; INVALID_ARGUMENT for request values the
/// engine rejects; UNAVAILABLE for the vector store and databases, which the caller may retry.
impl From<QgError> for Status {
    fn from(e: QgError) -> Self {
        match e {
            QgError::NotFound(what) => Status::not_found(format!("{what} not found")),
            QgError::Engine(EngineError::Invalid { field, reason }) => invalid(field, &reason),
            // Erased while the kit was being ranked: as if it had never been there.
            QgError::Store(StoreError::ResumeErased(id)) => {
                Status::not_found(format!("resume {id} not found"))
            }
            QgError::Store(e @ StoreError::Corrupt(_)) => Status::data_loss(e.to_string()),
            e @ (QgError::Engine(_) | QgError::Store(_) | QgError::Roles(_)) => {
                tracing::error!(error = %e, "question generation failed");
                Status::unavailable(e.to_string())
            }
            QgError::Worker(e) => Status::internal(e),
        }
    }
}

#[derive(Clone)]
pub struct QuestionService {
    engine: Arc<Engine>,
    store: QuestionStore,
    roles: Arc<dyn RoleSource>,
    prepared: Arc<Cache<(String, String), Ready>>,
    llm: Option<LlmProvider>,
    /// Bumped by every prepare and erase, so a read racing with them is not cached.
    epoch: Arc<std::sync::atomic::AtomicU64>,
    /// Held while the learned signals are read and installed: two refreshes never interleave,
    /// so an older read (before an opt-out) is never installed after a newer one.
    learning: Arc<tokio::sync::Mutex<()>>,
}

/// A candidate ready to rank, shared by the cache and the requests that use it.
type Ready = (Arc<Candidate>, Arc<CandidateVectors>);

/// Prepared resumes kept in memory.
const PREPARED_CACHE: usize = 10_000;

/// How often a replica reads what the others wrote to the shared store ([`QuestionService::sync`]).
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_millis(500);
/// How far back each sync reads erasures again, for those committed out of order.
const ERASURE_MARGIN_MS: i64 = 10_000;

/// How far a replica has read the shared store.
#[derive(Debug, Default)]
pub struct Synced {
    mark: crate::store::Watermark,
    erased_ms: i64,
    /// Erasures already forgotten that the margin still reads back, and when each was made.
    forgotten: HashMap<(String, String), i64>,
}

/// Runs [`QuestionService::sync`] every [`SYNC_EVERY`] until `shutdown`; the first pass only
/// takes the store's marks (the service was just built from it).
pub fn start_sync(
    service: QuestionService,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut synced = Synced { erased_ms: Utc::now().timestamp_millis(), ..Default::default() };
        if let Ok(mark) = service.store.watermark().await {
            synced.mark = mark;
        }
        while !*shutdown.borrow() {
            tokio::select! {
                () = tokio::time::sleep(SYNC_EVERY) => {}
                _ = shutdown.changed() => break,
            }
            if let Err(e) = service.sync(&mut synced).await {
                tracing::warn!(error = %e, "reading other replicas' changes failed");
            }
        }
    })
}

/// How long Generate waits for a resume uploaded moments ago to be prepared.
const PREPARATION_WAIT: std::time::Duration = std::time::Duration::from_secs(10);
/// Resumes uploaded at most this long ago may still be on their way.
const FRESH_UPLOAD: chrono::TimeDelta = chrono::TimeDelta::seconds(120);

/// How long Generate waits for resume `id` to be prepared at `now`: resume ids are time-ordered
/// UUIDs (v7) that carry their upload time, so only a resume uploaded in the last
/// [`FRESH_UPLOAD`] is waited for; an old, unknown or malformed id is NOT_FOUND at once.
fn preparation_wait(id: &str, now: chrono::DateTime<Utc>) -> std::time::Duration {
    let uploaded = uuid::Uuid::parse_str(id).ok().and_then(|u| u.get_timestamp()).and_then(|t| {
        let (secs, nanos) = t.to_unix();
        chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, nanos)
    });
    match uploaded {
        Some(at) if now - at <= FRESH_UPLOAD && at - now <= chrono::TimeDelta::seconds(5) => PREPARATION_WAIT,
        _ => std::time::Duration::ZERO,
    }
}

impl QuestionService {
    pub fn new(engine: Arc<Engine>, store: QuestionStore, roles: Arc<dyn RoleSource>) -> Self {
        Self {
            engine,
            store,
            roles,
            prepared: Arc::new(Cache::new(PREPARED_CACHE)),
            llm: None,
            epoch: Default::default(),
            learning: Default::default(),
        }
    }

    /// Lets Generate ask `llm` for extra tailored questions when a request sets `use_llm`.
    pub fn with_llm(mut self, llm: LlmProvider) -> Self {
        self.llm = Some(llm);
        self
    }

    /// Appends the LLM's questions to the kit, or records why it fell back to the bank alone.
    async fn add_llm_questions(
        &self,
        kit: &mut Kit,
        role: &nexushr_domain::Role,
        candidate: &Candidate,
        exclude: &HashSet<String>,
    ) {
        let Some(llm) = &self.llm else {
            kit.signals.push("llm-unavailable".into());
            return;
        };
        match llm.questions(role, candidate, 3).await {
            Ok((questions, stopped)) => {
                kit.stopped.extend(stopped.into_iter().map(|text| Stopped {
                    action: "llm_question",
                    question_id: String::new(),
                    text,
                }));
                let known: HashSet<String> = kit.questions.iter().map(|q| q.question.id.clone()).collect();
                for q in questions.into_iter().filter(|q| !known.contains(&q.id) && !exclude.contains(&q.id))
                {
                    let rank = kit.questions.len() as u32 + 1;
                    kit.questions.push(KitQuestion {
                        text: q.text.clone(),
                        score: 0.0,
                        rank,
                        target: q.skill_ids.first().map(|id| (id.clone(), id.clone())),
                        probe: Probe::Depth,
                        evidence: vec![Evidence { resume: None, requirement: Some(role.spec.title.clone()) }],
                        rationale: format!("Written by {} for this candidate's claims", llm.model()),
                        breakdown: Default::default(),
                        question: Arc::new(q),
                    });
                }
                kit.signals.push("llm".into());
            }
            Err(e) => {
                tracing::warn!(error = %e, "LLM questions unavailable; the kit uses the bank only");
                kit.signals.push("llm-fallback".into());
            }
        }
    }

    /// Writes what the guardrail stopped to the tenant's audit log.
    async fn audit(&self, blocks: Vec<BlockRecord>) -> Result<(), Status> {
        if blocks.is_empty() {
            return Ok(());
        }
        self.store.record_blocks(&blocks).await.map_err(QgError::from)?;
        Ok(())
    }

    /// Stores a kit with its KitGenerated event, in one transaction, and what the guardrail kept
    /// out of it in the audit log; returns its wire form.
    async fn store_kit(
        &self,
        tenant: &TenantId,
        kit: &Kit,
        audit: (&str, Option<Jurisdiction>),
    ) -> Result<pb::InterviewKit, Status> {
        let (actor, jurisdiction) = audit;
        let blocks = kit
            .stopped
            .iter()
            .flat_map(|s| {
                // An LLM question is dropped when it is barred anywhere (it is not checked per
                // jurisdiction), so its record names every jurisdiction that bars it.
                let checked = if s.action == "llm_question" { None } else { jurisdiction };
                block_records(tenant.as_str(), actor, s.action, &s.text, &s.question_id, &kit.id, checked)
            })
            .collect();
        self.audit(blocks).await?;
        let out = kit_to(kit);
        let event = Event::new(
            topics::QUESTION_SETS,
            tenant.as_str(),
            &kit.id,
            &KitGenerated {
                kit_id: kit.id.clone(),
                role_slug: kit.role_slug.clone(),
                resume_id: kit.resume_id.clone(),
                question_ids: kit.questions.iter().map(|q| q.question.id.clone()).collect(),
            },
            nexushr_telemetry::current_traceparent(),
            Utc::now(),
        );
        self.store
            .save_kit(NewKit {
                id: kit.id.clone(),
                tenant: tenant.to_string(),
                role_slug: kit.role_slug.clone(),
                resume_id: kit.resume_id.clone(),
                created_ms: kit.created_at.timestamp_millis(),
                body: out.encode_to_vec(),
                event,
            })
            .await
            .map_err(QgError::from)?;
        Ok(out)
    }

    /// Plans a loop and stores each of its kits.
    async fn loop_for(
        &self,
        tenant: &TenantId,
        actor: &str,
        req: pb::PlanLoopRequest,
    ) -> Result<pb::InterviewLoop, Status> {
        if req.role.trim().is_empty() {
            return Err(invalid("role", "is required"));
        }
        let mut stages = Vec::new();
        for s in &req.stages {
            let wire = pb::LoopStage::try_from(*s).map_err(|_| invalid("stages", "unknown enum value"))?;
            let stage = loop_stage_from(wire).ok_or_else(|| invalid("stages", "a stage is unspecified"))?;
            if stages.contains(&stage) {
                return Err(invalid("stages", "each stage at most once"));
            }
            stages.push(stage);
        }
        if stages.is_empty() {
            stages = LoopStage::ALL.to_vec();
        }
        let jurisdiction = jurisdiction(&req.jurisdiction)?;
        let language = language(&req.language)?;
        let seniority = nexushr_proto::common::v1::Seniority::try_from(req.seniority)
            .map_err(|_| invalid("seniority", "unknown enum value"))?;
        let candidate = match req.candidate {
            Some(pb::plan_loop_request::Candidate::ResumeId(id)) => Some(PbCandidate::ResumeId(id)),
            Some(pb::plan_loop_request::Candidate::ParsedResume(p)) => Some(PbCandidate::ParsedResume(p)),
            None => None,
        };
        let role = self.role(tenant, req.role.trim()).await?;
        let (resume_id, prepared) = self.candidate(tenant, candidate).await?;
        let spec = Spec {
            tenant: tenant.to_string(),
            role,
            resume_id,
            candidate: prepared.0,
            candidate_vectors: prepared.1,
            count: 10,
            behavioral_share: None,
            level: level(seniority),
            stage: Stage::Onsite,
            exclude: HashSet::new(),
            jurisdiction,
            language,
            plan: None,
        };
        let planned = self.engine.plan_loop(&spec, &stages).await.map_err(QgError::from)?;
        let mut kits = Vec::with_capacity(planned.kits.len());
        for (stage, kit) in &planned.kits {
            let kit = self.store_kit(tenant, kit, (actor, jurisdiction)).await?;
            kits.push(pb::StageKit { stage: loop_stage_to(*stage) as i32, kit: Some(kit) });
        }
        Ok(pb::InterviewLoop {
            kits,
            coverage: planned
                .coverage
                .into_iter()
                .map(|(requirement, stage)| pb::LoopCoverage {
                    requirement,
                    stage: stage.map_or(pb::LoopStage::Unspecified, loop_stage_to) as i32,
                })
                .collect(),
            language: planned.language,
        })
    }

    /// Reloads what each tenant's interviewers taught from the stored totals: the feedback
    /// signal from ratings, the calibration signal from scorecards and outcomes, each tenant's
    /// own and the prior shared among the tenants that opted in.
    pub async fn refresh_effectiveness(&self) -> Result<(), QgError> {
        let _one_at_a_time = self.learning.lock().await;
        let aggregates = self.store.aggregates().await?;
        let calibration = self.store.all_calibration().await?;
        let sharing = self.store.sharing_tenants().await?;
        let mut learned = crate::ranker::Effectiveness { sharing, ..Default::default() };
        let mut shared_feedback: HashMap<(String, String), crate::store::Aggregate> = HashMap::new();
        let mut shared_calibration: HashMap<(String, String), Vec<crate::calibration::Totals>> =
            HashMap::new();
        for ((tenant, question, role), a) in aggregates {
            if learned.sharing.contains(&tenant) {
                shared_feedback.entry((role.clone(), question.clone())).or_default().add(&a);
            }
            own(&mut learned, tenant, role, question).feedback = Some(a.effectiveness());
        }
        for ((tenant, role, question), t) in calibration {
            if learned.sharing.contains(&tenant) {
                shared_calibration.entry((role.clone(), question.clone())).or_default().push(t);
            }
            if let Some(signal) = t.measures().measured_signal() {
                own(&mut learned, tenant, role, question).calibration = Some(signal);
            }
        }
        for ((role, question), a) in shared_feedback {
            learned.shared.entry(role).or_default().entry(question).or_default().feedback =
                Some(a.effectiveness());
        }
        for ((role, question), tenants) in shared_calibration {
            if let Some(signal) = crate::calibration::pooled_signal(&tenants) {
                learned.shared.entry(role).or_default().entry(question).or_default().calibration =
                    Some(signal);
            }
        }
        self.engine.set_effectiveness(learned);
        Ok(())
    }

    async fn role(&self, tenant: &TenantId, role: &str) -> Result<Arc<nexushr_domain::Role>, QgError> {
        self.roles.find(tenant, role).await?.ok_or_else(|| QgError::NotFound(format!("role {role}")))
    }

    /// The prepared resume `id`. One uploaded moments ago may still be on its way here (Upload
    /// answers once the resume and its ResumeParsed event are stored; the event is then relayed,
    /// consumed and prepared, by whichever replica takes it): it is waited for, up to
    /// [`PREPARATION_WAIT`], so an ATS can ask for a kit as soon as Upload returns. Replicas
    /// share the store, so polling it sees a preparation made anywhere.
    async fn prepared_resume(&self, tenant: &TenantId, id: &str) -> Result<Option<Prepared>, QgError> {
        let deadline = std::time::Instant::now() + preparation_wait(id, Utc::now());
        let mut pause = std::time::Duration::from_millis(20);
        loop {
            if let Some(prepared) = self.store.resume(tenant.as_str(), id).await? {
                return Ok(Some(prepared));
            }
            if std::time::Instant::now() + pause > deadline || self.store.erased(tenant.as_str(), id).await? {
                return Ok(None);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(std::time::Duration::from_millis(200));
        }
    }

    /// The candidate and its vectors: prepared ahead of time for a resume id (from the
    /// ResumeParsed event, cached in memory), computed now for an inline parsed resume.
    async fn candidate(&self, tenant: &TenantId, c: Option<PbCandidate>) -> Result<(String, Ready), Status> {
        match c {
            Some(PbCandidate::ResumeId(id)) if !id.is_empty() => {
                let key = (tenant.to_string(), id.clone());
                if let Some(hit) = self.prepared.get(&key) {
                    return Ok((id, hit));
                }
                // An erasure while this read is in flight must not leave the resume cached.
                let epoch = self.epoch.load(std::sync::atomic::Ordering::SeqCst);
                let prepared = self.prepared_resume(tenant, &id).await?;
                let prepared =
                    prepared.ok_or_else(|| Status::from(QgError::NotFound(format!("resume {id}"))))?;
                let engine = Arc::clone(&self.engine);
                let entry = tokio::task::spawn_blocking(move || {
                    let vectors = engine.vectors();
                    let texts = prepared.candidate.texts();
                    let model = vectors.embedder.as_ref().map(|e| e.version());
                    let dense = prepared
                        .dense
                        .filter(|d| d.len() == texts.len() && model.is_some() && prepared.model == model);
                    let cv = CandidateVectors::from_parts(vectors, &texts, dense).index(&engine.bank());
                    (Arc::new(prepared.candidate), Arc::new(cv))
                })
                .await
                .map_err(|e| Status::internal(format!("ranking worker: {e}")))?;
                self.prepared.insert_if(key, entry.clone(), || {
                    self.epoch.load(std::sync::atomic::Ordering::SeqCst) == epoch
                });
                Ok((id, entry))
            }
            Some(PbCandidate::ParsedResume(p)) => {
                crate::convert::check_size(&p)
                    .map_err(|reason| invalid("candidate.parsed_resume", &reason))?;
                let candidate = crate::convert::candidate(&p);
                let engine = Arc::clone(&self.engine);
                let prepared = tokio::task::spawn_blocking(move || {
                    let cv = CandidateVectors::compute(engine.vectors(), &candidate).index(&engine.bank());
                    (candidate, cv)
                })
                .await
                .map_err(|e| Status::internal(format!("embedding worker: {e}")))?;
                Ok((String::new(), (Arc::new(prepared.0), Arc::new(prepared.1))))
            }
            _ => Err(invalid("candidate", "give a resume_id or a parsed_resume")),
        }
    }

    /// The tenant's kit `id`, or NOT_FOUND.
    async fn load_kit(&self, tenant: &TenantId, id: &str) -> Result<pb::InterviewKit, Status> {
        let body = self.store.kit(tenant.as_str(), id).await.map_err(QgError::from)?;
        let body = body.ok_or_else(|| Status::from(QgError::NotFound(format!("kit {id}"))))?;
        decode_kit(id, &body)
    }

    /// What [`QuestionService::prepare`] stores for each of `candidates`, made in one go: the
    /// lines of all of them are embedded in one batch, each distinct line once (the ResumeParsed
    /// handler's precompute over a run of events). Runs on a blocking thread.
    pub async fn preparations(&self, candidates: Vec<Candidate>) -> Result<Vec<Prepared>, QgError> {
        let engine = Arc::clone(&self.engine);
        tokio::task::spawn_blocking(move || preparations(engine.vectors(), candidates))
            .await
            .map_err(|e| QgError::Worker(format!("embedding worker: {e}")))
    }

    /// Prepares a resume for ranking now. Its in-memory form (with its closest line to
    /// every bank question) is built on its first Generate: caching it here would hold every
    /// uploaded resume in memory, used or not (about 80 KB each).
    pub async fn prepare(&self, tenant: &str, resume_id: &str, candidate: Candidate) -> Result<(), QgError> {
        let prepared = self.preparations(vec![candidate]).await?.remove(0);
        self.store_prepared(tenant, resume_id, &prepared).await
    }

    /// Stores what [`QuestionService::preparations`] made for a resume (the ResumeParsed handler).
    pub async fn store_prepared(
        &self,
        tenant: &str,
        resume_id: &str,
        prepared: &Prepared,
    ) -> Result<(), QgError> {
        self.store.put_resume(tenant, resume_id, prepared).await?;
        self.forget(tenant, resume_id);
        Ok(())
    }

    /// Drops everything derived from a resume (the ResumeErased handler).
    pub async fn erase(&self, tenant: &str, resume_id: &str) -> Result<(), QgError> {
        self.store.erase_resume(tenant, resume_id).await?;
        self.forget(tenant, resume_id);
        Ok(())
    }

    /// Brings this replica up to what the others wrote to the shared store since `synced`:
    /// reloads the learned signals if feedback, scorecards or who shares changed, adds tenants' questions it lacks, and
    /// drops resumes erased since from memory. [`start_sync`] calls it every [`SYNC_EVERY`].
    pub async fn sync(&self, synced: &mut Synced) -> Result<(), QgError> {
        let mark = self.store.watermark().await?;
        if (mark.feedback, mark.calibration, &mark.sharing)
            != (synced.mark.feedback, synced.mark.calibration, &synced.mark.sharing)
        {
            self.refresh_effectiveness().await?;
        }
        if mark.questions != synced.mark.questions {
            let bank = self.engine.bank();
            for q in self.store.tenant_questions().await? {
                if bank.index_of(&q.id).is_none() {
                    self.engine.add_question(q).await?;
                }
            }
        }
        synced.mark = mark;
        // Erasures commit in any order: read back over a margin, and forget each one once.
        let since = synced.erased_ms.saturating_sub(ERASURE_MARGIN_MS);
        for (tenant, id, at) in self.store.erased_since(since).await? {
            if synced.forgotten.insert((tenant.clone(), id.clone()), at).is_none() {
                self.forget(&tenant, &id);
            }
            synced.erased_ms = synced.erased_ms.max(at);
        }
        // What falls behind the margin is never read back again.
        let since = synced.erased_ms.saturating_sub(ERASURE_MARGIN_MS);
        synced.forgotten.retain(|_, at| *at >= since);
        Ok(())
    }

    fn forget(&self, tenant: &str, resume_id: &str) {
        self.epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.prepared.remove(&(tenant.to_string(), resume_id.to_string()));
    }
}

/// What is stored for each of `candidates` to rank it later: its lines' vectors, the lines of all
/// of them embedded in one call (the embedder packs more rows per matrix product), a line that
/// several share (a skill's evidence is often a claim's line too) embedded once.
fn preparations(vectors: &nexushr_vector_store::Vectors, candidates: Vec<Candidate>) -> Vec<Prepared> {
    let texts: Vec<Vec<String>> = candidates.iter().map(Candidate::texts).collect();
    let mut distinct: Vec<&str> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    let slots: Vec<Vec<usize>> = texts
        .iter()
        .map(|lines| {
            lines
                .iter()
                .map(|line| {
                    *slot.entry(line.as_str()).or_insert_with(|| {
                        distinct.push(line.as_str());
                        distinct.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let dense = vectors.embed(&distinct);
    let model = vectors.embedder.as_ref().map(|e| e.version());
    candidates
        .into_iter()
        .zip(slots)
        .map(|(candidate, slots)| Prepared {
            candidate,
            dense: dense.as_ref().map(|d| slots.iter().map(|&i| d[i].clone()).collect()),
            model: model.clone(),
        })
        .collect()
}

/// A tenant's own measurement of a question for a role, made on first use.
fn own(
    learned: &mut crate::ranker::Effectiveness,
    tenant: String,
    role: String,
    question: String,
) -> &mut crate::ranker::Learned {
    learned.own.entry(tenant).or_default().entry(role).or_default().entry(question).or_default()
}

/// The guardrail's jurisdiction a request names (empty: all).
fn jurisdiction(code: &str) -> Result<Option<Jurisdiction>, Status> {
    match code.trim() {
        "" => Ok(None),
        code => Jurisdiction::from_country(code)
            .map(Some)
            .ok_or_else(|| invalid("jurisdiction", "must be US, BR or MX")),
    }
}

/// The kit language a request names (empty: the resume's).
fn language(tag: &str) -> Result<Option<usize>, Status> {
    match tag.trim() {
        "" => Ok(None),
        tag => crate::areas::language_index(tag)
            .map(Some)
            .ok_or_else(|| invalid("language", "must be en, pt-BR or es-MX")),
    }
}

/// A stored kit; DATA_LOSS if it no longer decodes.
fn decode_kit(id: &str, body: &[u8]) -> Result<pb::InterviewKit, Status> {
    pb::InterviewKit::decode(body).map_err(|e| Status::data_loss(format!("stored kit {id}: {e}")))
}

fn page_size(page: Option<&nexushr_proto::common::v1::PageRequest>) -> Result<i32, Status> {
    match page.and_then(|p| p.page_size) {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(_) => Err(invalid("page.page_size", &format!("must be between 1 and {MAX_PAGE}"))),
    }
}

/// The page token of a listing paged by time-ordered ids (the last id of the previous page);
/// None for the first page.
fn id_token(page: Option<&nexushr_proto::common::v1::PageRequest>) -> Result<Option<&str>, Status> {
    let token = page.map(|p| p.page_token.as_str()).filter(|t| !t.is_empty());
    if let Some(t) = token
        && uuid::Uuid::parse_str(t).is_err()
    {
        return Err(invalid("page.page_token", "is not a token this server issued"));
    }
    Ok(token)
}

/// The audit records of `text`, stopped by the guardrail: one per rule it breaks, naming the
/// jurisdictions (of `jurisdiction`, or all when None) where that rule bars it.
fn block_records(
    tenant: &str,
    actor: &str,
    action: &str,
    text: &str,
    question_id: &str,
    kit_id: &str,
    jurisdiction: Option<Jurisdiction>,
) -> Vec<BlockRecord> {
    use sha2::Digest;
    let checked = jurisdiction.map_or(Jurisdiction::ALL.to_vec(), |j| vec![j]);
    let text_sha256 = format!("{:x}", sha2::Sha256::digest(text.as_bytes()));
    let at_ms = Utc::now().timestamp_millis();
    let mut out: Vec<BlockRecord> = Vec::new();
    for j in checked {
        for v in nexushr_guardrail::check(text, j) {
            match out.iter_mut().find(|b| b.rule == v.rule) {
                Some(b) => b.jurisdictions.push(j.code().to_string()),
                None => out.push(BlockRecord {
                    id: uuid::Uuid::now_v7().to_string(),
                    tenant: tenant.to_string(),
                    at_ms,
                    actor: actor.to_string(),
                    action: action.to_string(),
                    category: v.category.as_str().to_string(),
                    rule: v.rule.to_string(),
                    jurisdictions: vec![j.code().to_string()],
                    source: v.source.to_string(),
                    text_sha256: text_sha256.clone(),
                    question_id: question_id.to_string(),
                    kit_id: kit_id.to_string(),
                }),
            }
        }
    }
    out
}

#[tonic::async_trait]
impl QuestionGeneration for QuestionService {
    async fn generate(
        &self,
        req: Request<pb::GenerateRequest>,
    ) -> Result<Response<pb::InterviewKit>, Status> {
        let tenant = tenant_of(&req)?;
        let actor = actor_of(&req);
        let req = req.into_inner();
        if req.role.trim().is_empty() {
            return Err(invalid("role", "is required"));
        }
        let count = req.count.unwrap_or(DEFAULT_COUNT);
        if !(1..=50).contains(&count) {
            return Err(invalid("count", "must be between 1 and 50"));
        }
        let behavioral_share = match &req.mix {
            None => None,
            Some(m)
                if (0.0..=1.0).contains(&m.behavioral)
                    && (0.0..=1.0).contains(&m.technical)
                    && m.behavioral + m.technical <= 1.0001 =>
            {
                (m.behavioral + m.technical > 0.0).then(|| m.behavioral / (m.behavioral + m.technical))
            }
            Some(_) => return Err(invalid("mix", "fractions must be in [0, 1] and sum to at most 1")),
        };
        let jurisdiction = jurisdiction(&req.jurisdiction)?;
        let language = language(&req.language)?;
        let stage = match pb::InterviewStage::try_from(req.stage)
            .map_err(|_| invalid("stage", "unknown enum value"))?
        {
            pb::InterviewStage::Unspecified | pb::InterviewStage::Onsite => Stage::Onsite,
            pb::InterviewStage::Screen => Stage::Screen,
            pb::InterviewStage::Technical => Stage::Technical,
            pb::InterviewStage::Final => Stage::Final,
        };
        let seniority = nexushr_proto::common::v1::Seniority::try_from(req.seniority)
            .map_err(|_| invalid("seniority", "unknown enum value"))?;
        if req.exclude_question_ids.len() > 1000 {
            return Err(invalid("exclude_question_ids", "at most 1000"));
        }
        let role = self.role(&tenant.id, req.role.trim()).await?;
        let (resume_id, prepared) = self.candidate(&tenant.id, req.candidate).await?;
        let spec = Spec {
            tenant: tenant.id.to_string(),
            role,
            resume_id,
            candidate: prepared.0,
            candidate_vectors: prepared.1,
            count: count as usize,
            behavioral_share,
            level: level(seniority),
            stage,
            exclude: req.exclude_question_ids.into_iter().collect::<HashSet<_>>(),
            jurisdiction,
            language,
            plan: None,
        };
        let mut kit = self.engine.generate(&spec).await.map_err(QgError::from)?;
        if req.use_llm {
            self.add_llm_questions(&mut kit, &spec.role, &spec.candidate, &spec.exclude).await;
        }
        let out = self.store_kit(&tenant.id, &kit, (&actor.0, jurisdiction)).await?;
        Ok(Response::new(out))
    }

    async fn plan_loop(
        &self,
        req: Request<pb::PlanLoopRequest>,
    ) -> Result<Response<pb::InterviewLoop>, Status> {
        let tenant = tenant_of(&req)?;
        let actor = actor_of(&req);
        self.loop_for(&tenant.id, &actor.0, req.into_inner()).await.map(Response::new)
    }

    async fn get_kit(&self, req: Request<pb::GetKitRequest>) -> Result<Response<pb::InterviewKit>, Status> {
        let tenant = tenant_of(&req)?;
        let id = req.into_inner().id;
        if id.is_empty() {
            return Err(invalid("id", "is required"));
        }
        self.load_kit(&tenant.id, &id).await.map(Response::new)
    }

    async fn list_kits(
        &self,
        req: Request<pb::ListKitsRequest>,
    ) -> Result<Response<pb::ListKitsResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let size = page_size(req.page.as_ref())?;
        let token = id_token(req.page.as_ref())?;
        let rows = self
            .store
            .kits(tenant.id.as_str(), &req.role_slug, &req.resume_id, token, i64::from(size) + 1)
            .await
            .map_err(QgError::from)?;
        let more = rows.len() > size as usize;
        let mut kits = Vec::with_capacity(rows.len());
        for (id, body) in rows.into_iter().take(size as usize) {
            kits.push(decode_kit(&id, &body)?);
        }
        let next = if more { kits.last().map(|k| k.id.clone()).unwrap_or_default() } else { String::new() };
        Ok(Response::new(pb::ListKitsResponse {
            kits,
            page: Some(nexushr_proto::common::v1::PageResponse { next_page_token: next }),
        }))
    }

    async fn record_feedback(
        &self,
        req: Request<pb::RecordFeedbackRequest>,
    ) -> Result<Response<pb::RecordFeedbackResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        if !(0..=5).contains(&req.rating) {
            return Err(invalid("rating", "must be 0 (not rated) to 5"));
        }
        pb::StageOutcome::try_from(req.outcome).map_err(|_| invalid("outcome", "unknown enum value"))?;
        if req.kit_id.is_empty() {
            return Err(invalid("kit_id", "is required"));
        }
        let kit = self.load_kit(&tenant.id, &req.kit_id).await?;
        if !kit.questions.iter().any(|q| q.question.as_ref().is_some_and(|q| q.id == req.question_id)) {
            return Err(invalid("question_id", "is not a question of this kit"));
        }
        if req.interviewer_id.chars().count() > 128 {
            return Err(invalid("interviewer_id", "must be at most 128 characters"));
        }
        let feedback = crate::store::Feedback {
            kit_id: &kit.id,
            question_id: &req.question_id,
            tenant: tenant.id.as_str(),
            role_slug: &kit.role_slug,
            interviewer: &req.interviewer_id,
            asked: req.asked,
            rating: req.rating,
            outcome: req.outcome,
            at_ms: Utc::now().timestamp_millis(),
        };
        self.store.record_feedback(&feedback).await.map_err(QgError::from)?;
        self.refresh_effectiveness().await?;
        Ok(Response::new(pb::RecordFeedbackResponse {}))
    }

    async fn record_scorecard(
        &self,
        req: Request<pb::RecordScorecardRequest>,
    ) -> Result<Response<pb::RecordScorecardResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        if req.kit_id.is_empty() {
            return Err(invalid("kit_id", "is required"));
        }
        let interviewer = req.interviewer_id.trim();
        if interviewer.is_empty()
            || interviewer.chars().count() > 128
            || interviewer.chars().any(char::is_control)
        {
            return Err(invalid("interviewer_id", "must be 1 to 128 characters, none a control character"));
        }
        if req.scores.is_empty() || req.scores.len() > MAX_SCORES {
            return Err(invalid("scores", &format!("must hold 1 to {MAX_SCORES} scores")));
        }
        let kit = self.load_kit(&tenant.id, &req.kit_id).await?;
        let in_kit: HashSet<&str> =
            kit.questions.iter().filter_map(|q| q.question.as_ref()).map(|q| q.id.as_str()).collect();
        let mut seen = HashSet::new();
        for (i, s) in req.scores.iter().enumerate() {
            if !in_kit.contains(s.question_id.as_str()) {
                return Err(invalid(&format!("scores[{i}].question_id"), "is not a question of this kit"));
            }
            if !seen.insert(s.question_id.as_str()) {
                return Err(invalid(&format!("scores[{i}].question_id"), "is scored twice"));
            }
            if !(1..=4).contains(&s.score) {
                return Err(invalid(&format!("scores[{i}].score"), "must be 1 to 4 on the rubric"));
            }
            if s.notes.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
                return Err(invalid(
                    &format!("scores[{i}].notes"),
                    "must hold no control character but line breaks and tabs",
                ));
            }
            if s.notes.chars().count() > MAX_NOTES {
                return Err(invalid(
                    &format!("scores[{i}].notes"),
                    &format!("must be at most {MAX_NOTES} characters"),
                ));
            }
        }
        let scores: Vec<Score<'_>> = req
            .scores
            .iter()
            .map(|s| Score { question_id: &s.question_id, score: s.score, notes: &s.notes })
            .collect();
        let at = KitRef { tenant: tenant.id.as_str(), kit_id: &kit.id, role_slug: &kit.role_slug };
        let stored = self
            .store
            .record_scorecard(at, interviewer, &scores, Utc::now().timestamp_millis())
            .await
            .map_err(QgError::from)?;
        if !stored {
            return Err(QgError::NotFound(format!("kit {}", kit.id)).into());
        }
        self.refresh_effectiveness().await?;
        Ok(Response::new(pb::RecordScorecardResponse { recorded: scores.len() as i32 }))
    }

    async fn record_outcome(
        &self,
        req: Request<pb::RecordOutcomeRequest>,
    ) -> Result<Response<pb::RecordOutcomeResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        if req.kit_id.is_empty() {
            return Err(invalid("kit_id", "is required"));
        }
        match pb::StageOutcome::try_from(req.outcome) {
            Ok(pb::StageOutcome::Unspecified) => return Err(invalid("outcome", "is required")),
            Ok(_) => {}
            Err(_) => return Err(invalid("outcome", "unknown enum value")),
        }
        let kit = self.load_kit(&tenant.id, &req.kit_id).await?;
        let at = KitRef { tenant: tenant.id.as_str(), kit_id: &kit.id, role_slug: &kit.role_slug };
        let stored = self
            .store
            .record_outcome(at, req.outcome, Utc::now().timestamp_millis())
            .await
            .map_err(QgError::from)?;
        if !stored {
            return Err(QgError::NotFound(format!("kit {}", kit.id)).into());
        }
        self.refresh_effectiveness().await?;
        Ok(Response::new(pb::RecordOutcomeResponse {}))
    }

    async fn get_calibration(
        &self,
        req: Request<pb::GetCalibrationRequest>,
    ) -> Result<Response<pb::Calibration>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        if req.role.trim().is_empty() {
            return Err(invalid("role", "is required"));
        }
        let role = self.role(&tenant.id, req.role.trim()).await?;
        let slug = role.spec.slug.clone();
        let totals = self.store.calibration(tenant.id.as_str(), &slug).await.map_err(QgError::from)?;
        let bank = self.engine.bank();
        // Totals brought back to zero (an erasure) are no scored question.
        let mut rows: Vec<_> =
            totals.into_iter().filter(|(_, t)| !t.is_zero()).map(|(id, t)| (id, t.measures())).collect();
        rows.sort_by(|a, b| a.1.report_order(&b.1).then(a.0.cmp(&b.0)));
        let text = |id: &str| {
            bank.index_of(id)
                .map(|i| bank.get(i))
                .filter(|q| q.tenant.is_empty() || q.tenant == tenant.id.as_str())
                .map(|q| q.text.clone())
                .unwrap_or_default()
        };
        Ok(Response::new(pb::Calibration {
            questions: rows.into_iter().map(|(id, m)| calibration_to(text(&id), id, &m)).collect(),
            role_slug: slug,
            min_candidates: crate::calibration::MIN_CANDIDATES as i32,
            min_per_outcome: crate::calibration::MIN_PER_OUTCOME as i32,
            min_pairs: crate::calibration::MIN_PAIRS as i32,
        }))
    }

    async fn set_learning_sharing(
        &self,
        req: Request<pb::SetLearningSharingRequest>,
    ) -> Result<Response<pb::LearningSharing>, Status> {
        let tenant = tenant_of(&req)?;
        let share = req.into_inner().share;
        let at = Utc::now().timestamp_millis();
        self.store.set_sharing(tenant.id.as_str(), share, at).await.map_err(QgError::from)?;
        self.refresh_effectiveness().await?;
        Ok(Response::new(sharing_to(Some((share, at)))))
    }

    async fn get_learning_sharing(
        &self,
        req: Request<pb::GetLearningSharingRequest>,
    ) -> Result<Response<pb::LearningSharing>, Status> {
        let tenant = tenant_of(&req)?;
        let sharing = self.store.sharing(tenant.id.as_str()).await.map_err(QgError::from)?;
        Ok(Response::new(sharing_to(sharing)))
    }

    async fn add_question(
        &self,
        req: Request<pb::AddQuestionRequest>,
    ) -> Result<Response<pb::Question>, Status> {
        let tenant = tenant_of(&req)?;
        let actor = actor_of(&req);
        let q = req.into_inner().question.ok_or_else(|| invalid("question", "is required"))?;
        if tenant.id.as_str() == nexushr_vector_store::SHARED {
            return Err(Status::permission_denied("this tenant name is reserved for the shared bank"));
        }
        let q = question_from(q, tenant.id.as_str()).map_err(|(field, reason)| invalid(field, &reason))?;
        let all_text = format!(
            "{} {} {} {} {}",
            q.text,
            q.follow_ups.join(" "),
            q.rubric.strong,
            q.rubric.acceptable,
            q.rubric.weak
        );
        let violations = nexushr_guardrail::check_everywhere(&all_text);
        // A tenant's question joins every kit the tenant makes, wherever the interview is: it
        // must be lawful in every jurisdiction.
        if let Some(v) = violations.first() {
            self.audit(block_records(
                tenant.id.as_str(),
                &actor.0,
                "add_question",
                &all_text,
                &q.id,
                "",
                None,
            ))
            .await?;
            let barred: Vec<&str> = v.category.jurisdictions().iter().map(|j| j.code()).collect();
            let first = v.category.jurisdictions().first().copied().unwrap_or(Jurisdiction::Us);
            return Err(invalid(
                "question.text",
                &format!(
                    "asks about a protected characteristic ({}), which may not be asked in an interview in {} ({})",
                    v.category.as_str(),
                    barred.join(", "),
                    v.category.source(first)
                ),
            ));
        }
        self.store.add_question(&q).await.map_err(QgError::from)?;
        self.engine.add_question(q.clone()).await.map_err(QgError::from)?;
        Ok(Response::new(question_to(&q)))
    }

    async fn list_guardrail_blocks(
        &self,
        req: Request<pb::ListGuardrailBlocksRequest>,
    ) -> Result<Response<pb::ListGuardrailBlocksResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let size = page_size(req.page.as_ref())?;
        let token = id_token(req.page.as_ref())?;
        let mut rows =
            self.store.blocks(tenant.id.as_str(), token, i64::from(size) + 1).await.map_err(QgError::from)?;
        let more = rows.len() > size as usize;
        rows.truncate(size as usize);
        let next = if more { rows.last().map(|b| b.id.clone()).unwrap_or_default() } else { String::new() };
        Ok(Response::new(pb::ListGuardrailBlocksResponse {
            blocks: rows.into_iter().map(block_to).collect(),
            page: Some(nexushr_proto::common::v1::PageResponse { next_page_token: next }),
        }))
    }

    async fn list_questions(
        &self,
        req: Request<pb::ListQuestionsRequest>,
    ) -> Result<Response<pb::ListQuestionsResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        let size = page_size(req.page.as_ref())? as usize;
        let kind =
            match pb::QuestionKind::try_from(req.kind).map_err(|_| invalid("kind", "unknown enum value"))? {
                pb::QuestionKind::Unspecified => None,
                k => kind_from(k),
            };
        let offset: usize = match req.page.as_ref().map(|p| p.page_token.as_str()).filter(|t| !t.is_empty()) {
            None => 0,
            Some(t) => {
                t.parse().map_err(|_| invalid("page.page_token", "is not a token this server issued"))?
            }
        };
        let target = req.target_id.strip_prefix("nexushr:competency/").unwrap_or(&req.target_id);
        let bank = self.engine.bank();
        let visible: Vec<_> = bank
            .questions()
            .iter()
            .filter(|q| q.tenant.is_empty() || q.tenant == tenant.id.as_str())
            .filter(|q| kind.is_none_or(|k| q.kind == k))
            .filter(|q| {
                target.is_empty()
                    || q.skill_ids.iter().any(|s| s == target)
                    || q.competencies.iter().any(|c| c == target)
            })
            .skip(offset)
            .take(size + 1)
            .collect();
        let next = if visible.len() > size { (offset + size).to_string() } else { String::new() };
        Ok(Response::new(pb::ListQuestionsResponse {
            questions: visible.into_iter().take(size).map(|q| question_to(q)).collect(),
            page: Some(nexushr_proto::common::v1::PageResponse { next_page_token: next }),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_freshly_uploaded_resume_is_waited_for() {
        let now = Utc::now();
        assert_eq!(preparation_wait(&uuid::Uuid::now_v7().to_string(), now), PREPARATION_WAIT);
        let old = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            (now.timestamp() - 600) as u64,
            0,
        ));
        assert_eq!(preparation_wait(&old.to_string(), now), std::time::Duration::ZERO);
        let ahead =
            uuid::Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, (now.timestamp() + 60) as u64, 0));
        assert_eq!(preparation_wait(&ahead.to_string(), now), std::time::Duration::ZERO);
        assert_eq!(preparation_wait(&uuid::Uuid::new_v4().to_string(), now), std::time::Duration::ZERO);
        assert_eq!(preparation_wait("resume-7", now), std::time::Duration::ZERO);
    }
}
