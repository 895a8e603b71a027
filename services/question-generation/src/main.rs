//! `question-generation`: the QuestionGeneration gRPC service on its own (distributed mode).

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = nexushr_platform::Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("question-generation", settings.log_json)?;
    nexushr_question_generation::server::run(&settings).await
}
