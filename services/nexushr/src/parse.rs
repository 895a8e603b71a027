//! `nexushr parse FILE [--format json|json-resume]`: a resume file to structured JSON.

use std::io::Read;
use std::path::Path;

use clap::ValueEnum;
use nexushr_resume_parser::{Limits, Parse, contact::LinkKind, dates::YearMonth, parse};
use serde_json::{Value, json};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OutputFormat {
    /// NexusHR's own parse, with confidences and evidence.
    Json,
    /// The JSON Resume schema (basics, work, education, skills, languages, certificates).
    JsonResume,
}

pub(crate) fn run(file: &Path, format: OutputFormat) -> anyhow::Result<()> {
    let limits = Limits::default();
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
        .take(limits.max_input_bytes as u64 + 1)
        .read_to_end(&mut bytes)?;
    let parsed = parse(&bytes, &limits);
    let out = match format {
        OutputFormat::Json => serde_json::to_value(&parsed)?,
        OutputFormat::JsonResume => json_resume(&parsed),
    };
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

fn date(ym: &YearMonth) -> String {
    if ym.month == 0 { format!("{}", ym.year) } else { format!("{}-{:02}", ym.year, ym.month) }
}

/// The parse as a JSON Resume document; fields the parse does not have are left out.
fn json_resume(p: &Parse) -> Value {
    let c = &p.contact;
    let profiles: Vec<Value> = c
        .links
        .iter()
        .filter(|l| l.kind != LinkKind::Portfolio)
        .map(|l| json!({ "network": if l.kind == LinkKind::LinkedIn { "LinkedIn" } else { "GitHub" }, "url": l.url }))
        .collect();
    let mut basics = serde_json::Map::new();
    if let Some(name) = &c.name {
        basics.insert("name".into(), json!(name.value));
    }
    if let Some(email) = c.emails.first() {
        basics.insert("email".into(), json!(email.value));
    }
    if let Some(phone) = c.phones.first() {
        basics.insert("phone".into(), json!(phone.e164.clone().unwrap_or_else(|| phone.raw.clone())));
    }
    if let Some(site) = c.links.iter().find(|l| l.kind == LinkKind::Portfolio) {
        basics.insert("url".into(), json!(site.url));
    }
    basics.insert("profiles".into(), json!(profiles));
    let work: Vec<Value> = p
        .work
        .iter()
        .map(|w| {
            let mut entry = serde_json::Map::new();
            if let Some(e) = &w.employer {
                entry.insert("name".into(), json!(e.value));
            }
            if let Some(t) = &w.title {
                entry.insert("position".into(), json!(t.value));
            }
            entry.insert("startDate".into(), json!(date(&w.period.start)));
            if let Some(end) = &w.period.end {
                entry.insert("endDate".into(), json!(date(end)));
            }
            entry.insert("highlights".into(), json!(w.highlights));
            Value::Object(entry)
        })
        .collect();
    let skills: Vec<Value> =
        p.skills.iter().map(|s| json!({ "name": s.name, "keywords": [s.raw] })).collect();
    let education: Vec<Value> = p
        .education
        .iter()
        .map(|e| {
            let mut entry = serde_json::Map::new();
            let mut put = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    entry.insert(k.into(), json!(v));
                }
            };
            put("institution", e.institution.as_ref().map(|s| s.value.clone()));
            put("studyType", e.degree.as_ref().map(|s| s.value.clone()));
            put("area", e.field.as_ref().map(|s| s.value.clone()));
            put("startDate", e.period.map(|p| date(&p.start)));
            put("endDate", e.period.and_then(|p| p.end).map(|d| date(&d)));
            Value::Object(entry)
        })
        .collect();
    let languages: Vec<Value> = p
        .languages
        .iter()
        .map(|l| match &l.level {
            Some(level) => json!({ "language": l.language, "fluency": level }),
            None => json!({ "language": l.language }),
        })
        .collect();
    let certificates: Vec<Value> = p.certifications.iter().map(|c| json!({ "name": c.value })).collect();
    json!({
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "languages": languages,
        "certificates": certificates,
    })
}
