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
pub mod listed;
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
    /// The summary section's text.
    pub summary: Option<contact::Scored>,
    /// The document's language: "en", "pt" or "es" (empty when it cannot be told).
    pub language: String,
    pub sections: Vec<sections::Section>,
    /// Skills named in the text, one entry per taxonomy skill with every place it appears and
    /// where it was seen (`source`): listed in the skills section, or only mentioned elsewhere.
    pub skills: Vec<SkillFound>,
    /// The skills section as the resume writes it: its own groups and items, verbatim, mapped
    /// to the taxonomy where it can be (unknown items are kept, unmapped).
    pub skill_groups: Vec<listed::SkillGroup>,
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
    /// Months of the work entries that mention it (overlaps once), and when it was last used.
    pub months: i32,
    pub last_used: Option<dates::YearMonth>,
    pub confidence: f32,
    /// Where the resume names it: `skills` when it is listed in the skills section, else the
    /// section of its first mention (`experience`, `summary`, ...); `None` before any section.
    pub source: Option<sections::SectionKind>,
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
                months: 0,
                last_used: None,
                confidence: 0.0,
                source: None,
            }),
        }
    }
    found
}

/// Confidence, months of use and last use of each skill, from where it is mentioned: in the
/// skills section or several times is surer than once in passing; months come from the work
/// entries whose text mentions it.
fn score_skills(skills: &mut [SkillFound], sections: &[sections::Section], work: &[work::WorkEntry]) {
    let now = today();
    for skill in skills {
        let in_skills_section = skill.evidence.iter().any(|&(a, _)| {
            sections.iter().any(|s| s.kind == sections::SectionKind::Skills && (s.start..s.end).contains(&a))
        });
        skill.source = if in_skills_section {
            Some(sections::SectionKind::Skills)
        } else {
            skill
                .evidence
                .iter()
                .find_map(|&(a, _)| sections.iter().find(|s| (s.start..s.end).contains(&a)).map(|s| s.kind))
        };
        skill.confidence = if in_skills_section {
            0.95
        } else if skill.evidence.len() > 1 {
            0.85
        } else {
            0.75
        };
        let used: Vec<&work::WorkEntry> = work
            .iter()
            .filter(|w| skill.evidence.iter().any(|&(a, _)| (w.start..w.end).contains(&a)))
            .collect();
        skill.months = work::total_months(used.iter().copied(), now);
        skill.last_used = used
            .iter()
            .map(|w| if w.period.current { now } else { w.period.end.unwrap_or(w.period.start) })
            .max();
    }
}

/// A "Languages" header whose items are programming languages (a skills group that themes print
/// like a header: "Languages: Python, Go") is part of the skills, with its header as the group.
fn programming_languages_are_skills(text: &str, sections: &mut [sections::Section]) {
    const LEVELS: &[&str] = &[
        "native",
        "nativo",
        "nativa",
        "fluent",
        "fluente",
        "basico",
        "intermediario",
        "avancado",
        "intermedio",
        "avanzado",
    ];
    for s in sections.iter_mut().filter(|s| s.kind == sections::SectionKind::Languages) {
        let body = &text[s.start..s.end];
        let folded = sections::fold(body);
        let spoken =
            folded.split(' ').filter(|w| education::SPOKEN.contains(w) || LEVELS.contains(w)).count();
        let skills = nexushr_skills::Taxonomy::bundled().find(body).len();
        if spoken == 0 && skills >= 2 {
            s.kind = sections::SectionKind::Skills;
            if let Some(at) = text[..s.start].rfind(s.header.as_str()) {
                s.start = at;
            }
        }
    }
}

/// The language of a resume from its common words: "en", "pt", "es", or "" when unclear.
fn language_of(text: &str) -> &'static str {
    const EN: &[&str] = &["the", "and", "with", "for", "of", "to", "experience", "education", "skills"];
    const PT: &[&str] =
        &["e", "com", "em", "dos", "das", "na", "no", "uma", "experiência", "formação", "até", "atual"];
    const ES: &[&str] =
        &["y", "con", "en", "los", "las", "del", "el", "una", "experiencia", "educación", "actual"];
    let mut counts = [0usize; 3];
    for word in text.split(|c: char| !c.is_alphabetic()).take(5_000) {
        let w = word.to_lowercase();
        for (i, list) in [EN, PT, ES].iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let best = (0..3).max_by_key(|&i| counts[i]).unwrap_or(0);
    if counts[best] < 3 {
        return "";
    }
    ["en", "pt", "es"][best]
}

/// The trimmed line around byte range `start..end` of `text`, with its own byte range: the
/// evidence a skill mention or a claim is quoted with.
pub fn line_at(text: &str, start: usize, end: usize) -> (usize, usize, &str) {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return (start, start, "");
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let raw = &text[line_start..line_end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    (line_start + lead, line_start + lead + trimmed.len(), trimmed)
}

fn value_of(s: &Option<contact::Scored>) -> Option<String> {
    s.as_ref().map(|s| s.value.to_lowercase())
}

/// Drops every later item whose key an earlier one had (keeps the order).
fn dedup_by_key<T, K: PartialEq>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut seen: Vec<K> = Vec::new();
    items.retain(|item| {
        let k = key(item);
        let fresh = !seen.contains(&k);
        if fresh {
            seen.push(k);
        }
        fresh
    });
}

/// Parses a document under `limits`. Never panics on any input.
pub fn parse(bytes: &[u8], limits: &Limits) -> Parse {
    let format = detect(bytes);
    let empty = |status, warning: String| Parse {
        status,
        format,
        text: String::new(),
        contact: contact::Contact::default(),
        summary: None,
        language: String::new(),
        sections: Vec::new(),
        skills: Vec::new(),
        skill_groups: Vec::new(),
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
    let mut sections = sections::detect(&text);
    programming_languages_are_skills(&text, &mut sections);
    let mut work: Vec<work::WorkEntry> = sections
        .iter()
        .filter(|s| s.kind == sections::SectionKind::Experience)
        .flat_map(|s| work::entries(&text[s.start..s.end], s.start))
        .collect();
    // Some layouts print a section twice (a summary column and the body): the same job or degree
    // seen again is the same one.
    dedup_by_key(&mut work, |w| (value_of(&w.title), value_of(&w.employer), w.period));
    let mut skills = skills_in(&text);
    score_skills(&mut skills, &sections, &work);
    let body_of = |kind: sections::SectionKind| -> String {
        sections
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| &text[s.start..s.end])
            .collect::<Vec<_>>()
            .join("\n")
    };
    let skill_groups = listed::groups(&body_of(sections::SectionKind::Skills));
    let mut education = education::entries(&body_of(sections::SectionKind::Education));
    dedup_by_key(&mut education, |e| (value_of(&e.institution), value_of(&e.degree), e.period));
    let languages = education::languages(&body_of(sections::SectionKind::Languages));
    let certifications = education::certifications(&body_of(sections::SectionKind::Certifications));
    let total_experience_months = work::total_months(&work, today());
    let summary = sections.iter().find(|s| s.kind == sections::SectionKind::Summary).and_then(|s| {
        let body = text[s.start..s.end].trim();
        (!body.is_empty())
            .then(|| contact::Scored { value: body.chars().take(2_000).collect(), confidence: 0.8 })
    });
    let language = language_of(&text).to_string();
    let seniority = (!work.is_empty()).then(|| work::seniority(&work, work::career_months(&work, today())));
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
        summary,
        language,
        sections,
        skills,
        skill_groups,
        work,
        education,
        languages,
        certifications,
        total_experience_months,
        seniority,
        warnings,
    }
}
