//! `nexushr questions` and `nexushr demo`: an interview kit for a resume file and a role.

use std::path::{Path, PathBuf};

use nexushr_domain::TenantId;
use nexushr_platform::Settings;
use nexushr_question_generation::engine::LoopStage;
use nexushr_question_generation::{Engine, kit_for_file, loop_for_file};

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum KitFormat {
    Md,
    Json,
}

/// The sample resume `nexushr demo` uses: a fictional candidate.
pub(crate) const DEMO_RESUME: &str = include_str!("../../../data/samples/backend-engineer.md");

pub(crate) async fn open_engine(settings: &Settings) -> anyhow::Result<Engine> {
    let vectors =
        nexushr_vector_store::Vectors::open(&nexushr_role_catalog::server::vector_settings(settings))?;
    if vectors.embedder.is_none() {
        eprintln!("note: no embedding model found (scripts/fetch-data.sh model); ranking on words only");
    }
    Ok(Engine::open(vectors, &settings.cache_dir(), Vec::new()).await?)
}

pub(crate) async fn run(
    settings: &Settings,
    role: &str,
    resume: &Path,
    count: usize,
    format: KitFormat,
    language: Option<&str>,
) -> anyhow::Result<()> {
    let language = language_arg(language)?;
    let store = nexushr_role_catalog::server::open_store(settings).await?;
    let engine = open_engine(settings).await?;
    let tenant = TenantId::parse(&settings.default_tenant)?;
    let kit = kit_for_file(&engine, store.as_ref(), &tenant, role, resume, count, language).await?;
    match format {
        KitFormat::Md => print!("{}", nexushr_question_generation::kit::to_markdown(&kit)),
        KitFormat::Json => println!("{}", kit.to_json()),
    }
    Ok(())
}

/// `--language`: en, pt-BR or es-MX.
fn language_arg(language: Option<&str>) -> anyhow::Result<Option<usize>> {
    match language {
        None => Ok(None),
        Some(tag) => nexushr_question_generation::areas::language_index(tag)
            .map(Some)
            .ok_or_else(|| anyhow::anyhow!("--language {tag:?}: must be en, pt-BR or es-MX")),
    }
}

pub(crate) async fn plan_loop(
    settings: &Settings,
    role: &str,
    resume: &Path,
    stages: &[String],
    format: KitFormat,
    language: Option<&str>,
) -> anyhow::Result<()> {
    let language = language_arg(language)?;
    let stages = if stages.is_empty() {
        LoopStage::ALL.to_vec()
    } else {
        stages
            .iter()
            .map(|s| {
                LoopStage::parse(s).ok_or_else(|| {
                    anyhow::anyhow!("--stages {s:?}: must be screen, technical, system-design or behavioral")
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let store = nexushr_role_catalog::server::open_store(settings).await?;
    let engine = open_engine(settings).await?;
    let tenant = TenantId::parse(&settings.default_tenant)?;
    let planned = loop_for_file(&engine, store.as_ref(), &tenant, role, resume, &stages, language).await?;
    match format {
        KitFormat::Md => print!("{}", planned.to_markdown()),
        KitFormat::Json => println!("{}", planned.to_json()),
    }
    Ok(())
}

/// Parses the bundled sample resume, generates a Backend Developer kit and prints it.
pub(crate) async fn demo(settings: &Settings) -> anyhow::Result<()> {
    std::fs::create_dir_all(&settings.data_dir)?;
    let resume: PathBuf = settings.data_dir.join("sample-resume.md");
    std::fs::write(&resume, DEMO_RESUME)?;
    println!(
        "Parsing the sample resume ({}) and generating a kit for Backend Developer...\n",
        resume.display()
    );
    run(settings, "backend-developer", &resume, 10, KitFormat::Md, None).await
}
