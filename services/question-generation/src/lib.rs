//! `nexushr.questions.v1.QuestionGeneration`: ranked, explained interview kits for a candidate
//! and a role.
//!
//! The [`Engine`](engine::Engine) holds the question bank and its vectors and ranks kits: a
//! candidate pool per role comes from the vector store (hybrid dense + sparse), and a re-ranker
//! weighs similarity to the role and to the resume, requirement coverage, diversity, seniority
//! fit and measured effectiveness. Every question passes the compliance guardrail.

pub mod anchored;
pub mod areas;
pub mod bank;
pub mod cache;
pub mod calibration;
pub mod claims;
pub mod convert;
pub mod engine;
pub mod events;
pub mod kit;
pub mod llm;
pub mod projects;
pub mod ranker;
pub mod resumes;
pub mod roles;
pub mod scorecards;
pub mod server;
pub mod service;
pub mod store;

use std::path::Path;

use nexushr_catalog_store::RoleStore;
use nexushr_domain::TenantId;

pub use engine::{Engine, EngineError, Spec};
pub use nexushr_domain::kit::Kit;

/// A kit for a resume file, as `nexushr questions` and `nexushr demo` print it.
pub async fn kit_for_file(
    engine: &Engine,
    roles: &dyn RoleStore,
    tenant: &TenantId,
    role: &str,
    resume: &Path,
    count: usize,
    language: Option<usize>,
) -> anyhow::Result<Kit> {
    let spec = spec_for_file(engine, roles, tenant, role, resume, count, language).await?;
    Ok(engine.generate(&spec).await?)
}

/// A loop for a resume file, as `nexushr loop` prints it.
pub async fn loop_for_file(
    engine: &Engine,
    roles: &dyn RoleStore,
    tenant: &TenantId,
    role: &str,
    resume: &Path,
    stages: &[engine::LoopStage],
    language: Option<usize>,
) -> anyhow::Result<engine::Loop> {
    let spec = spec_for_file(engine, roles, tenant, role, resume, 10, language).await?;
    Ok(engine.plan_loop(&spec, stages).await?)
}

/// What a kit for a resume file is asked for: the file parsed and converted as the services
/// receive it (`ParsedResume`), so the CLI ranks a resume as the server does.
async fn spec_for_file(
    engine: &Engine,
    roles: &dyn RoleStore,
    tenant: &TenantId,
    role: &str,
    resume: &Path,
    count: usize,
    language: Option<usize>,
) -> anyhow::Result<Spec> {
    let role = crate::roles::find_in_store(roles, tenant, role)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no role {role:?}"))?;
    let bytes = std::fs::read(resume).map_err(|e| anyhow::anyhow!("{}: {e}", resume.display()))?;
    let parse = nexushr_resume_parser::parse(&bytes, &nexushr_resume_parser::Limits::default());
    if parse.text.trim().is_empty() {
        anyhow::bail!("{}: no text could be read ({:?})", resume.display(), parse.status);
    }
    let candidate = convert::candidate(&convert::parse_to_proto(&parse));
    let candidate_vectors =
        ranker::CandidateVectors::compute(engine.vectors(), &candidate).index(&engine.bank());
    Ok(Spec {
        tenant: tenant.to_string(),
        role: std::sync::Arc::new(role),
        resume_id: format!("file:{}", resume.display()),
        candidate: std::sync::Arc::new(candidate),
        candidate_vectors: std::sync::Arc::new(candidate_vectors),
        count,
        behavioral_share: None,
        level: None,
        stage: ranker::Stage::Onsite,
        exclude: Default::default(),
        jurisdiction: None,
        language,
        plan: None,
    })
}
