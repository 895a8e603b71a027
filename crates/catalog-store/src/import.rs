//! Importers for real public datasets: ESCO occupations, O*NET occupation data, BLS OEWS wages,
//! and NexusHR role documents (the bundled catalog).
//!
//! Parsing turns a dataset into [`Record`]s; [`import`] merges them into the global catalog in one
//! transaction, matching existing roles by standard id first and slug second, so re-running an
//! import changes nothing.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};
use nexushr_domain::{PayPeriod, Role, RoleSpec, SalaryBand, slugify};
use sqlx::{Connection, Row};

use crate::{RoleStore, StoreError};

/// The datasets the importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// ESCO `occupations.csv`: `id` (URI), `description` (labels then definition).
    EscoCsv,
    /// O*NET `Occupation Data.txt`: tab-separated code, title, description.
    OnetOccupationData,
    /// The BLS OEWS SQLite snapshot (`oews-2025.sqlite`).
    OewsSqlite,
    /// A JSON array of NexusHR role specs (the bundled catalog format).
    RolesJson,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
    pub elapsed_ms: u64,
}

/// One record of a dataset and what it contributes to the catalog.
#[derive(Debug, Clone)]
pub enum Record {
    Role(Box<RoleSpec>),
    Esco {
        uri: String,
        label: String,
        definition: String,
    },
    Onet {
        code: String,
        title: String,
        description: String,
    },
    /// National wages for a 6-digit SOC code such as `151252`.
    Wages {
        soc6: String,
        band: SalaryBand,
    },
}

/// Parses a text dataset. OEWS is a database file: use [`read_oews`].
pub fn parse_dataset(format: ImportFormat, data: &[u8]) -> Result<Vec<Record>, StoreError> {
    match format {
        ImportFormat::EscoCsv => parse_esco(data),
        ImportFormat::OnetOccupationData => parse_onet(data),
        ImportFormat::RolesJson => {
            let specs: Vec<RoleSpec> =
                serde_json::from_slice(data).map_err(|e| StoreError::Dataset(format!("roles JSON: {e}")))?;
            Ok(specs.into_iter().map(|s| Record::Role(Box::new(s))).collect())
        }
        ImportFormat::OewsSqlite => {
            Err(StoreError::Dataset("OEWS is read from a file; use read_oews".into()))
        }
    }
}

fn parse_esco(data: &[u8]) -> Result<Vec<Record>, StoreError> {
    let mut reader = csv::Reader::from_reader(data);
    let headers = reader.headers().map_err(|e| StoreError::Dataset(format!("ESCO CSV: {e}")))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| StoreError::Dataset(format!("ESCO CSV: no {name:?} column")))
    };
    let (id_col, desc_col) = (col("id")?, col("description")?);
    let mut out = Vec::new();
    for (line, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| StoreError::Dataset(format!("ESCO CSV record {}: {e}", line + 1)))?;
        let uri = rec.get(id_col).unwrap_or_default().trim();
        let text = rec.get(desc_col).unwrap_or_default().trim();
        if !uri.starts_with("http") || text.is_empty() {
            return Err(StoreError::Dataset(format!(
                "ESCO CSV record {}: missing id or description",
                line + 1
            )));
        }
        let (label, definition) = split_esco_description(text);
        out.push(Record::Esco { uri: uri.to_string(), label, definition });
    }
    Ok(out)
}

/// ESCO's `description` runs the preferred label, the alternative labels and the definition
/// together. The definition starts at the first capitalized word that is either sentence case
/// ("Technical directors realise…") or opens with the label in the plural ("ICT security
/// administrators plan…"); the preferred label is the leading words the definition repeats.
pub(crate) fn split_esco_description(text: &str) -> (String, String) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let plural_of = |label_word: &str, def_word: &str| {
        let (l, d) = (label_word.to_lowercase(), def_word.trim_end_matches([',', '.']).to_lowercase());
        d == format!("{l}s")
            || d == format!("{l}es")
            || (l.ends_with('y') && d == format!("{}ies", &l[..l.len() - 1]))
            || (l.ends_with("man") && d == format!("{}men", &l[..l.len() - 3]))
    };
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b.trim_end_matches([',', '.']));
    for k in 1..words.len() {
        let mut cs = words[k].chars();
        let (first, second) = (cs.next(), cs.next());
        // Labels are lower case, so the definition opens with a capital, or repeats a label
        // that starts with a digit or an acronym ("3D modellers create…").
        if !first.is_some_and(char::is_uppercase) && words[k] != words[0] {
            continue;
        }
        let sentence_case = first.is_some_and(char::is_uppercase) && second.is_some_and(char::is_lowercase);
        // The longest m such that the definition repeats label words 0..m, the last one plural or not.
        let mut m = 0;
        let mut plural = false;
        while m < k.min(8) && k + m < words.len() {
            if same(words[m], words[k + m]) {
                m += 1;
            } else if plural_of(words[m], words[k + m]) {
                m += 1;
                plural = true;
                break;
            } else {
                break;
            }
        }
        if sentence_case || plural {
            let take = if m > 0 { m } else { k.min(3) };
            return (words[..take].join(" "), words[k..].join(" "));
        }
    }
    (words.iter().take(4).copied().collect::<Vec<_>>().join(" "), text.to_string())
}

fn parse_onet(data: &[u8]) -> Result<Vec<Record>, StoreError> {
    let text =
        std::str::from_utf8(data).map_err(|_| StoreError::Dataset("O*NET file is not UTF-8".into()))?;
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    if !header.starts_with("O*NET-SOC Code\tTitle\tDescription") {
        return Err(StoreError::Dataset(
            "O*NET file: expected the header O*NET-SOC Code, Title, Description".into(),
        ));
    }
    let mut out = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(code), Some(title), Some(description)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(StoreError::Dataset(format!(
                "O*NET line {}: expected 3 tab-separated columns",
                n + 2
            )));
        };
        out.push(Record::Onet {
            code: code.trim().into(),
            title: title.trim().into(),
            description: description.trim().into(),
        });
    }
    Ok(out)
}

/// Reads national, all-industry annual wage percentiles from the OEWS SQLite snapshot.
pub async fn read_oews(path: &Path) -> Result<Vec<Record>, StoreError> {
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(path).read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&opts).await?;
    let release: String = sqlx::query_scalar("SELECT value FROM meta WHERE name = 'release'")
        .fetch_one(&mut conn)
        .await
        .map_err(|e| StoreError::Dataset(format!("OEWS: no release in meta: {e}")))?;
    let year: String =
        sqlx::query_scalar("SELECT value FROM meta WHERE name = 'data_year'").fetch_one(&mut conn).await?;
    let year: i32 = year.parse().map_err(|_| StoreError::Dataset(format!("OEWS: bad data_year {year:?}")))?;
    // OEWS estimates are for the May reference period of the release year.
    let as_of =
        NaiveDate::from_ymd_opt(year, 5, 1).ok_or_else(|| StoreError::Dataset("OEWS: bad year".into()))?;
    let rows =
        sqlx::query("SELECT key, v11, v12, v13, v14, v15 FROM cell WHERE key LIKE 'OEUN0000000000000%'")
            .fetch_all(&mut conn)
            .await?;
    let mut out = Vec::new();
    for row in rows {
        let key: String = row.try_get("key")?;
        let soc6 = key.get(17..).unwrap_or_default().to_string();
        let pct = |i: usize| -> Option<i64> {
            let v: Option<String> = row.try_get(i).ok().flatten();
            match v.as_deref().map(str::trim) {
                // '#': the wage is at or above the top-coded $239,200 a year.
                Some("#") => Some(23_920_000),
                Some(s) => s.replace(',', "").parse::<f64>().ok().map(|d| (d * 100.0).round() as i64),
                None => None,
            }
        };
        let (p10, p25, p50, p75, p90) = (pct(1), pct(2), pct(3), pct(4), pct(5));
        let (Some(min), Some(max)) = (p10, p90) else {
            continue;
        };
        let top_coded = row.try_get::<Option<String>, _>(5).ok().flatten().as_deref() == Some("#");
        out.push(Record::Wages {
            soc6,
            band: SalaryBand {
                country: "US".into(),
                currency: "USD".into(),
                min_minor: min,
                max_minor: max,
                p10_minor: p10,
                p25_minor: p25,
                p50_minor: p50,
                p75_minor: p75,
                p90_minor: p90,
                period: PayPeriod::Year,
                as_of,
                source: format!(
                    "BLS OEWS {release}, national, all industries{}",
                    if top_coded { " (p90 top-coded at $239,200)" } else { "" }
                ),
            },
        });
    }
    Ok(out)
}

/// O*NET-SOC major groups, for the category of roles created from O*NET.
fn soc_major_group(code: &str) -> &'static str {
    match code.get(..2).unwrap_or_default() {
        "11" => "Management",
        "13" => "Business and Financial Operations",
        "15" => "Computer and Mathematical",
        "17" => "Architecture and Engineering",
        "19" => "Life, Physical, and Social Science",
        "21" => "Community and Social Service",
        "23" => "Legal",
        "25" => "Educational Instruction and Library",
        "27" => "Arts, Design, Entertainment, Sports, and Media",
        "29" => "Healthcare Practitioners and Technical",
        "31" => "Healthcare Support",
        "33" => "Protective Service",
        "35" => "Food Preparation and Serving Related",
        "37" => "Building and Grounds Cleaning and Maintenance",
        "39" => "Personal Care and Service",
        "41" => "Sales and Related",
        "43" => "Office and Administrative Support",
        "45" => "Farming, Fishing, and Forestry",
        "47" => "Construction and Extraction",
        "49" => "Installation, Maintenance, and Repair",
        "51" => "Production",
        "53" => "Transportation and Material Moving",
        "55" => "Military Specific",
        _ => "Other",
    }
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
}

/// The in-memory catalog an import works on: global roles by id, with lookups.
struct Working {
    roles: Vec<Role>,
    original: Vec<Option<Role>>,
    by_slug: HashMap<String, usize>,
    by_esco: HashMap<String, usize>,
    by_onet: HashMap<String, usize>,
}

impl Working {
    fn new(existing: Vec<Role>) -> Self {
        let mut w = Self {
            roles: Vec::new(),
            original: Vec::new(),
            by_slug: HashMap::new(),
            by_esco: HashMap::new(),
            by_onet: HashMap::new(),
        };
        for role in existing {
            w.add(role.clone(), Some(role));
        }
        w
    }

    fn add(&mut self, role: Role, original: Option<Role>) -> usize {
        let i = self.roles.len();
        self.by_slug.insert(role.spec.slug.clone(), i);
        if !role.spec.standard_ids.esco_uri.is_empty() {
            self.by_esco.entry(role.spec.standard_ids.esco_uri.clone()).or_insert(i);
        }
        if !role.spec.standard_ids.onet_soc.is_empty() {
            self.by_onet.entry(role.spec.standard_ids.onet_soc.clone()).or_insert(i);
        }
        self.roles.push(role);
        self.original.push(original);
        i
    }

    /// A slug not yet used, derived from `base` (suffixing `-2`, `-3`, … on collisions).
    fn free_slug(&self, base: &str) -> String {
        let base = if base.is_empty() { "role".to_string() } else { base.to_string() };
        if !self.by_slug.contains_key(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}-{n}")).find(|s| !self.by_slug.contains_key(s)).unwrap_or(base)
    }

    fn create(&mut self, spec: RoleSpec, now: DateTime<Utc>) -> usize {
        self.add(Role::new(spec, None, now), None)
    }
}

fn set_if_empty(field: &mut String, value: &str) {
    if field.is_empty() {
        *field = value.to_string();
    }
}

/// The change event of a role an import created (`true`) or updated (`false`).
pub type ChangeEvents<'a> = &'a (dyn Fn(&Role, bool) -> nexushr_events::Event + Sync);

/// Merges `records` into the global catalog of `store` in one transaction, with a change event
/// per created or updated role.
pub async fn import(
    store: &dyn RoleStore,
    records: Vec<Record>,
    now: DateTime<Utc>,
    events: ChangeEvents<'_>,
) -> Result<ImportStats, StoreError> {
    let started = Instant::now();
    let mut w = Working::new(store.global_roles().await?);
    let mut stats = ImportStats::default();
    for record in records {
        match record {
            Record::Role(spec) => {
                spec.validate().map_err(|e| StoreError::Dataset(format!("role {:?}: {e}", spec.slug)))?;
                match w.by_slug.get(&spec.slug) {
                    Some(&i) => w.roles[i].spec = *spec,
                    None => {
                        w.create(*spec, now);
                    }
                }
            }
            Record::Esco { uri, label, definition } => {
                let i = match w.by_esco.get(&uri) {
                    Some(&i) => i,
                    None => {
                        let spec = RoleSpec {
                            slug: w.free_slug(&slugify(&label)),
                            title: capitalize(&label),
                            category: "ESCO occupations".into(),
                            ..Default::default()
                        };
                        w.create(spec, now)
                    }
                };
                let s = &mut w.roles[i].spec;
                set_if_empty(&mut s.standard_ids.esco_uri, &uri);
                set_if_empty(&mut s.summary, &definition);
            }
            Record::Onet { code, title, description } => {
                let i = match w.by_onet.get(&code) {
                    Some(&i) => i,
                    None => {
                        let spec = RoleSpec {
                            slug: w.free_slug(&slugify(&title)),
                            title: title.clone(),
                            category: soc_major_group(&code).into(),
                            standard_ids: nexushr_domain::StandardIds {
                                onet_soc: code.clone(),
                                ..Default::default()
                            },
                            ..Default::default()
                        };
                        w.create(spec, now)
                    }
                };
                set_if_empty(&mut w.roles[i].spec.summary, &description);
            }
            Record::Wages { soc6, band } => {
                let mut matched = false;
                for role in &mut w.roles {
                    if role.spec.standard_ids.onet_soc.replace('-', "").get(..6) == Some(soc6.as_str()) {
                        matched = true;
                        let bands = &mut role.spec.salary_bands;
                        bands.retain(|b| !(b.country == "US" && b.source.starts_with("BLS OEWS")));
                        bands.push(band.clone());
                    }
                }
                if !matched {
                    stats.skipped += 1;
                }
            }
        }
    }
    let (mut inserts, mut updates) = (Vec::new(), Vec::new());
    for (mut role, original) in w.roles.into_iter().zip(w.original) {
        match original {
            None => inserts.push(role),
            Some(orig) if orig.spec == role.spec => stats.unchanged += 1,
            Some(_) => {
                role.spec.validate().map_err(|e| {
                    StoreError::Dataset(format!("role {:?} after import: {e}", role.spec.slug))
                })?;
                role.version += 1;
                role.updated_at = now;
                updates.push(role);
            }
        }
    }
    for role in &inserts {
        role.spec
            .validate()
            .map_err(|e| StoreError::Dataset(format!("new role {:?}: {e}", role.spec.slug)))?;
    }
    stats.created = inserts.len() as u64;
    stats.updated = updates.len() as u64;
    let changes: Vec<_> =
        inserts.iter().map(|r| events(r, true)).chain(updates.iter().map(|r| events(r, false))).collect();
    store.write_global(&inserts, &updates, &changes).await?;
    stats.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esco_label_and_definition() {
        let (label, def) = split_esco_description(
            "technical director technical and operations director head of technical Technical directors realise the artistic visions.",
        );
        assert_eq!(label, "technical director");
        assert!(def.starts_with("Technical directors realise"));
        let (label, _) = split_esco_description(
            "ICT security administrator IT security administrator ICT security administrators plan and carry out security measures.",
        );
        assert_eq!(label, "ICT security administrator");
        let (label, def) = split_esco_description("3D modeller 3D artist 3D modellers design 3D models.");
        assert_eq!((label.as_str(), def.as_str()), ("3D modeller", "3D modellers design 3D models."));
    }
}
