//! The role catalog as its own process (distributed mode).

use nexushr_platform::Settings;

/// mimalloc, chosen here in the binary (see `nexushr_platform::Allocator`).
#[global_allocator]
static ALLOCATOR: nexushr_platform::Allocator = nexushr_platform::Allocator {};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("role-catalog", settings.log_json)?;
    nexushr_role_catalog::server::run(&settings, "role-catalog").await
}
