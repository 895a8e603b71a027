//! `question-generation`: the QuestionGeneration gRPC service on its own (distributed mode).

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = nexushr_platform::Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("question-generation", settings.log_json)?;
    nexushr_question_generation::server::run(&settings).await
}
