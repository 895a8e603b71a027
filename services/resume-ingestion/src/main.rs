//! `resume-ingestion`: the ResumeIngestion gRPC service on its own (distributed mode).

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = nexushr_platform::Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("resume-ingestion", settings.log_json)?;
    nexushr_resume_ingestion::server::run(&settings).await
}
