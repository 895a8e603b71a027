//! Resume parsing: bytes in, a structured resume out, with a status that never pretends.
//!
//! The format is detected from the content, never the file name ([`detect`]). Text comes out of
//! each format under hard limits on decompressed bytes, zip entries, XML depth and size
//! ([`Limits`]); what cannot be read gets `Unsupported`, `Malformed` or `NoText`, never invented
//! content. Structure (contact, sections, dates) is then read from the text.
//!
//! Skills are matched against the taxonomy of `nexushr-skills`.
//!

pub mod contact;
pub mod dates;
mod detect;
pub mod education;
mod extract;
mod pdf;
pub mod sections;
pub mod work;

pub use detect::{Format, detect};
pub use extract::{ExtractError, extract_text};

use serde::Serialize;

/// Bounds that keep one hostile file from taking the process down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Most bytes any archive may inflate to, all entries together.
    pub max_decompressed_bytes: u64,
    /// Most entries an archive may list.
    pub max_zip_entries: usize,
    /// Deepest XML or HTML nesting followed.
    pub max_depth: usize,
    /// Most characters of text kept.
    pub max_text_chars: usize,
    /// Most PDF pages read (the rest are left out).
    pub max_pages: usize,
    /// Most PDF content operators run, over all pages.
    pub max_pdf_operators: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 10 * 1024 * 1024,
            max_decompressed_bytes: 50 * 1024 * 1024,
            max_zip_entries: 2_000,
            max_depth: 256,
            max_text_chars: 2_000_000,
            max_pages: 50,
            max_pdf_operators: 2_000_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ParseStatus {
    Ok,
    Partial,
    NoText,
    Unsupported,
    Malformed,
}

/// What the parser read, with a status and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parse {
    pub status: ParseStatus,
    pub format: Format,
    /// The extracted text, line by line as laid out.
    pub text: String,
    pub contact: contact::Contact,
    pub sections: Vec<sections::Section>,
    /// Skills named in the text, one entry per taxonomy skill with every place it appears.
    pub skills: Vec<SkillFound>,
    pub work: Vec<work::WorkEntry>,
    pub education: Vec<education::EducationEntry>,
    pub languages: Vec<education::LanguageSkill>,
    pub certifications: Vec<contact::Scored>,
    /// Months of professional experience, overlaps counted once.
    pub total_experience_months: i32,
    pub seniority: Option<(work::Seniority, f32)>,
    pub warnings: Vec<String>,
}

/// A taxonomy skill the resume names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillFound {
    pub skill_id: String,
    pub name: String,
    /// The first mention as written.
    pub raw: String,
    /// Byte ranges of every mention in `text`.
    pub evidence: Vec<(usize, usize)>,
}

fn today() -> dates::YearMonth {
    use chrono::Datelike;
    let now = chrono::Utc::now();
    dates::YearMonth { year: now.year(), month: now.month() }
}

/// Groups mentions by skill, in order of first mention.
fn skills_in(text: &str) -> Vec<SkillFound> {
    let mut found: Vec<SkillFound> = Vec::new();
    for m in nexushr_skills::Taxonomy::bundled().find(text) {
        match found.iter_mut().find(|f| f.skill_id == m.skill_id) {
            Some(f) => f.evidence.push((m.start, m.end)),
            None => found.push(SkillFound {
                skill_id: m.skill_id,
                name: m.name,
                raw: m.raw,
                evidence: vec![(m.start, m.end)],
            }),
        }
    }
    found
}

/// Parses a document under `limits`. Never panics on any input.
pub fn parse(bytes: &[u8], limits: &Limits) -> Parse {
    let format = detect(bytes);
    let empty = |status, warning: String| Parse {
        status,
        format,
        text: String::new(),
        contact: contact::Contact::default(),
        sections: Vec::new(),
        skills: Vec::new(),
        work: Vec::new(),
        education: Vec::new(),
        languages: Vec::new(),
        certifications: Vec::new(),
        total_experience_months: 0,
        seniority: None,
        warnings: vec![warning],
    };
    if bytes.len() > limits.max_input_bytes {
        return empty(
            ParseStatus::Unsupported,
            format!("file is {} bytes, above the {} byte limit", bytes.len(), limits.max_input_bytes),
        );
    }
    let text = match extract_text(bytes, format, limits) {
        Ok(text) => text,
        Err(ExtractError::Unsupported(why)) => return empty(ParseStatus::Unsupported, why),
        Err(e) => return empty(ParseStatus::Malformed, e.to_string()),
    };
    if text.trim().is_empty() {
        return empty(ParseStatus::NoText, "the document holds no extractable text".into());
    }
    let contact = contact::extract(&text);
    let sections = sections::detect(&text);
    let skills = skills_in(&text);
    let work: Vec<work::WorkEntry> = sections
        .iter()
        .filter(|s| s.kind == sections::SectionKind::Experience)
        .flat_map(|s| work::entries(&text[s.start..s.end], s.start))
        .collect();
    let body_of = |kind: sections::SectionKind| -> String {
        sections
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| &text[s.start..s.end])
            .collect::<Vec<_>>()
            .join("\n")
    };
    let education = education::entries(&body_of(sections::SectionKind::Education));
    let languages = education::languages(&body_of(sections::SectionKind::Languages));
    let certifications = education::certifications(&body_of(sections::SectionKind::Certifications));
    let total_experience_months = work::total_months(&work, today());
    let seniority = (!work.is_empty()).then(|| work::seniority(&work, total_experience_months));
    let mut warnings = Vec::new();
    let status = if sections.is_empty() {
        warnings.push("no section headers recognized".into());
        ParseStatus::Partial
    } else {
        ParseStatus::Ok
    };
    Parse {
        status,
        format,
        text,
        contact,
        sections,
        skills,
        work,
        education,
        languages,
        certifications,
        total_experience_months,
        seniority,
        warnings,
    }
}
