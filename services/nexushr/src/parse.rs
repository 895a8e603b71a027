//! `nexushr parse FILE... [--format json|json-resume]`: resume files to structured JSON.
//!
//! One file prints one pretty JSON document; several files (or a folder) print JSON Lines,
//! `{"file": ..., "parse": ...}` or `{"file": ..., "error": ...}` each, in one process. A refused
//! file (unsupported, malformed, encrypted, too large, no text) is an error: its reason goes to
//! stderr and the command exits non-zero once every file has been tried.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use nexushr_resume_parser::{
    Limits, Parse, ParseStatus, contact::LinkKind, dates::YearMonth, parse, sections::SectionKind,
};
use serde_json::{Value, json};

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OutputFormat {
    /// NexusHR's own parse, with confidences and evidence.
    Json,
    /// The JSON Resume schema (basics, work, education, skills, languages, certificates).
    JsonResume,
}

/// The files named, with folders expanded to the files inside them (sorted, not recursive).
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            out.extend(inside);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// One file's parse, or why it was refused.
fn parse_file(file: &Path, limits: &Limits) -> Result<Parse, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(limits.max_input_bytes as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    let parsed = parse(&bytes, limits);
    match parsed.status {
        ParseStatus::Ok | ParseStatus::Partial => Ok(parsed),
        status => Err(format!("refused ({status:?}): {}", parsed.warnings.join("; "))),
    }
}

pub(crate) fn run(paths: &[PathBuf], format: OutputFormat, jsonl: bool) -> anyhow::Result<()> {
    let limits = Limits::default();
    let files = expand(paths)?;
    let render = |p: &Parse| -> anyhow::Result<serde_json::Value> {
        Ok(match format {
            OutputFormat::Json => serde_json::to_value(p)?,
            OutputFormat::JsonResume => json_resume(p),
        })
    };
    let single = !jsonl && files.len() == 1 && !paths.iter().any(|p| p.is_dir());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut refused = 0usize;
    for file in &files {
        match parse_file(file, &limits) {
            Ok(parsed) if single => writeln!(out, "{}", serde_json::to_string_pretty(&render(&parsed)?)?)?,
            Ok(parsed) => writeln!(out, "{}", json!({ "file": file, "parse": render(&parsed)? }))?,
            Err(why) => {
                refused += 1;
                eprintln!("{}: {why}", file.display());
                if !single {
                    writeln!(out, "{}", json!({ "file": file, "error": why }))?;
                }
            }
        }
    }
    out.flush()?;
    match refused {
        0 => Ok(()),
        n => anyhow::bail!("{n} of {} files refused", files.len()),
    }
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
    // The resume's own groups and items, verbatim; skills it only mentions elsewhere go to
    // `meta`, never into the listed skills.
    let skills: Vec<Value> = p
        .skill_groups
        .iter()
        .map(|g| {
            let keywords: Vec<&str> = g.items.iter().map(|i| i.raw.as_str()).collect();
            json!({ "name": g.name.as_deref().unwrap_or("Skills"), "keywords": keywords })
        })
        .collect();
    let mentioned: Vec<Value> = p
        .skills
        .iter()
        .filter(|s| s.source != Some(SectionKind::Skills))
        .map(|s| json!({ "name": s.name, "raw": s.raw, "source": s.source }))
        .collect();
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
        "meta": { "mentionedSkills": mentioned },
    })
}
