//! The role catalog as its own process (distributed mode).

use nexushr_platform::Settings;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::load(None)?;
    let _telemetry = nexushr_telemetry::init("role-catalog", settings.log_json)?;
    nexushr_role_catalog::server::run(&settings, "role-catalog").await
}
