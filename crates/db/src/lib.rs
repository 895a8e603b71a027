//! The database every service keeps its state and its outbox in: SQLite (embedded) or
//! PostgreSQL (distributed), chosen by the URL scheme; migrations embedded in the binaries.

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

/// A transaction that reads before it writes. On SQLite it takes the write lock at its start
/// (`BEGIN IMMEDIATE`, waiting out the busy timeout): a deferred one that read first fails its
/// first write with "database is locked" (SQLITE_BUSY_SNAPSHOT, code 517, which no busy timeout
/// waits out) when another connection committed in between (an erasure failed so while the
/// outbox relay marked events delivered). PostgreSQL's plain `BEGIN`.
pub async fn begin_write(pool: &AnyPool) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if is_postgres(pool) { pool.begin().await } else { pool.begin_with("BEGIN IMMEDIATE").await }
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

/// A set of migrations embedded in the binary: (file name, SQL), written with
/// [`migrations!`]. The file names are sqlx's: `<version>_<description>.sql`.
pub type Migrations = &'static [(&'static str, &'static str)];

/// Embeds migration files, named relative to the calling crate's manifest directory:
/// `migrations!("migrations/sqlite/20261128100000_outbox.sql")`. (sqlx's own `migrate!` macro
/// would compile sqlx and both of its drivers a second time, for the compiler.) Every file of a
/// folder must be listed: [`unlisted`] tells a test which are not.
#[macro_export]
macro_rules! migrations {
    ($($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $file)))),+]
    };
}

/// The migrator of `files`, in version order, as sqlx would build it from their folder.
pub fn migrator(files: Migrations) -> Result<sqlx::migrate::Migrator, sqlx::migrate::MigrateError> {
    use sqlx::migrate::{Migration, MigrationType, Migrator};
    let mut migrations = Vec::with_capacity(files.len());
    for (path, sql) in files {
        let name = path.rsplit('/').next().unwrap_or(path);
        let parsed = name
            .strip_suffix(".sql")
            .and_then(|n| n.split_once('_'))
            .and_then(|(version, description)| Some((version.parse::<i64>().ok()?, description)));
        let Some((version, description)) = parsed else {
            return Err(sqlx::migrate::MigrateError::Source(
                format!("migration {path}: expected <version>_<description>.sql").into(),
            ));
        };
        let no_tx = sql.starts_with("-- no-transaction");
        migrations.push(Migration::new(
            version,
            description.replace('_', " ").into(),
            MigrationType::Simple,
            (*sql).into(),
            no_tx,
        ));
    }
    migrations.sort_by_key(|m| m.version);
    Ok(Migrator { migrations: migrations.into(), ..Migrator::DEFAULT })
}

/// The `.sql` files under `manifest_dir/migrations/{sqlite,postgres}` that `sqlite` and
/// `postgres` do not embed (each crate's test that no migration is left out).
pub fn unlisted(manifest_dir: &str, sqlite: Migrations, postgres: Migrations) -> Vec<String> {
    let mut missing = Vec::new();
    for (folder, listed) in [("sqlite", sqlite), ("postgres", postgres)] {
        let dir = Path::new(manifest_dir).join("migrations").join(folder);
        let names: Vec<&str> = listed.iter().map(|(p, _)| p.rsplit('/').next().unwrap_or(p)).collect();
        match std::fs::read_dir(&dir) {
            Ok(entries) => missing.extend(
                entries
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".sql") && !names.contains(&n.as_str()))
                    .map(|n| format!("{folder}/{n}")),
            ),
            Err(e) => missing.push(format!("{}: {e}", dir.display())),
        }
    }
    missing.sort();
    missing
}

/// Applies a service's migrations (`sqlite` or `postgres`, by the pool's URL). Every set in one
/// database (a service's, the outbox's) shares one migrations table, so each ignores the
/// versions of the others.
pub async fn migrate(
    pool: &AnyPool,
    sqlite: Migrations,
    postgres: Migrations,
) -> Result<(), sqlx::migrate::MigrateError> {
    let mut migrator = migrator(if is_postgres(pool) { postgres } else { sqlite })?;
    migrator.set_ignore_missing(true);
    migrator.run(pool).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_named_as_sqlx_names_them_and_run_in_version_order() {
        let m = super::migrator(&[
            ("m/20261202_later.sql", "SELECT 2"),
            ("m/20261201_first_one.sql", "SELECT 1"),
        ])
        .expect("named as sqlx names them");
        let versions: Vec<(i64, String)> = m.iter().map(|m| (m.version, m.description.to_string())).collect();
        assert_eq!(versions, [(20261201, "first one".to_string()), (20261202, "later".to_string())]);
        assert!(super::migrator(&[("migrations/sqlite/outbox.sql", "SELECT 1")]).is_err());
    }

    #[test]
    fn a_folder_with_an_unlisted_file_is_caught() {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path();
        for folder in ["sqlite", "postgres"] {
            std::fs::create_dir_all(dir.join("migrations").join(folder)).expect("folder");
            std::fs::write(dir.join("migrations").join(folder).join("1_a.sql"), "SELECT 1").expect("file");
        }
        let listed: super::Migrations = &[("migrations/sqlite/1_a.sql", "SELECT 1")];
        let manifest = dir.to_str().expect("utf-8");
        assert_eq!(super::unlisted(manifest, listed, listed), Vec::<String>::new());
        assert_eq!(super::unlisted(manifest, &[], listed), vec!["sqlite/1_a.sql".to_string()]);
    }

    #[test]
    fn values_number_every_parameter_once() {
        assert_eq!(super::values(1, 3), "($1, $2, $3)");
        assert_eq!(super::values(2, 2), "($1, $2), ($3, $4)");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_after_a_read_survives_another_connection_s_commit() {
        use sqlx::Executor;
        let temp = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", temp.path().join("t.db").display());
        let pool = super::connect(&url).await.expect("sqlite");
        pool.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").await.expect("table");
        pool.execute("INSERT INTO t (v) VALUES ('a')").await.expect("row");
        // Read, then another connection commits, then write: a deferred transaction fails with
        // code 517 there; one begun for writing makes the other wait.
        let read_then_write = |immediate: bool| {
            let pool = pool.clone();
            async move {
                let mut tx = if immediate { super::begin_write(&pool).await? } else { pool.begin().await? };
                let _: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t").fetch_one(&mut *tx).await?;
                let other = tokio::spawn({
                    let pool = pool.clone();
                    async move { pool.execute("INSERT INTO t (v) VALUES ('other')").await.map(|_| ()) }
                });
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                let wrote = tx.execute("DELETE FROM t WHERE v = 'a'").await.map(|_| ());
                let committed = match wrote {
                    Ok(()) => tx.commit().await,
                    Err(e) => Err(e),
                };
                other.await.expect("other writer")?;
                committed
            }
        };
        let deferred = read_then_write(false).await;
        assert!(deferred.is_err_and(|e| e.to_string().contains("locked")), "a deferred read-then-write");
        read_then_write(true).await.expect("a transaction begun for writing commits");
    }

    #[tokio::test]
    async fn sqlite_and_unknown_schemes() {
        let pool = super::connect("sqlite::memory:").await.expect("sqlite");
        assert!(!super::is_postgres(&pool));
        let Err(refused) = super::connect("mysql://localhost/x").await else { panic!("mysql:// accepted") };
        assert!(refused.to_string().contains("sqlite:// or postgres://"), "{refused}");
    }
}
