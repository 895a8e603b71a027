//! The database every service keeps its state and its outbox in: SQLite (embedded) or
//! PostgreSQL (distributed), chosen by the URL scheme.

use std::path::Path;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

/// Connects to `sqlite://PATH` (creating its directory; WAL, a busy timeout) or
/// `postgres://…`. Services then apply their own migrations.
pub async fn connect(url: &str) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    if url.starts_with("sqlite:") {
        let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
        let path = Path::new(path.split('?').next().unwrap_or_default());
        if let Some(dir) =
            path.parent().filter(|d| !d.as_os_str().is_empty() && path.as_os_str() != ":memory:")
        {
            std::fs::create_dir_all(dir)?;
        }
        let options = AnyConnectOptions::from_str(url)?;
        return AnyPoolOptions::new()
            .max_connections(4)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await;
    }
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        return AnyPoolOptions::new()
            .max_connections(16)
            .connect_with(AnyConnectOptions::from_str(url)?)
            .await;
    }
    Err(sqlx::Error::Configuration(
        format!("unsupported database URL scheme in {url:?}: use sqlite:// or postgres://").into(),
    ))
}

/// Whether `pool` is on PostgreSQL (else SQLite).
pub fn is_postgres(pool: &AnyPool) -> bool {
    pool.connect_options().database_url.scheme().starts_with("postgres")
}

/// `($1, …, $n), (…)`: the VALUES of a multi-row insert of `rows` rows of `columns` numbered
/// parameters each.
pub fn values(rows: usize, columns: usize) -> String {
    let row = |r: usize| {
        let params: Vec<String> = (1..=columns).map(|c| format!("${}", r * columns + c)).collect();
        format!("({})", params.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// Applies a service's migrations (`sqlite` or `postgres`, by the pool's URL) and the outbox's.
/// They share one migrations table, so each set ignores the versions of the others.
pub async fn migrate(
    pool: &AnyPool,
    sqlite: sqlx::migrate::Migrator,
    postgres: sqlx::migrate::Migrator,
) -> Result<(), crate::EventError> {
    let mut migrator = if is_postgres(pool) { postgres } else { sqlite };
    migrator.set_ignore_missing(true);
    migrator.run(pool).await?;
    crate::migrate(pool).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_number_every_parameter_once() {
        assert_eq!(super::values(1, 3), "($1, $2, $3)");
        assert_eq!(super::values(2, 2), "($1, $2), ($3, $4)");
    }
}
