//! The parser's output as the wire's `ParsedResume`: resume ingestion converts at its edge with it,
//! and the CLI ranks a resume file through the same conversion as the services.

use nexushr_proto::common::v1::{EvidenceSpan, Seniority, TaxonomyRef, YearMonth};
use nexushr_proto::resumes::v1 as pb;
use nexushr_resume_parser::contact::{LinkKind, Scored};
use nexushr_resume_parser::education::DegreeLevel;
use nexushr_resume_parser::sections::SectionKind;
use nexushr_resume_parser::work::Seniority as S;
use nexushr_resume_parser::{Format, Parse, ParseStatus, dates};

/// Bumped whenever a change to the parser changes what it reads from the same file; a Reparse
/// brings stored resumes up to it.
pub const PARSER_VERSION: &str = concat!("nexushr-resume-parser/", env!("CARGO_PKG_VERSION"), "+pdf1");

fn scored(s: &Scored) -> pb::ScoredString {
    pb::ScoredString { value: s.value.clone(), confidence: s.confidence }
}

fn ym(d: &dates::YearMonth) -> YearMonth {
    YearMonth { year: d.year, month: d.month as i32 }
}

pub fn status(s: ParseStatus) -> pb::ParseStatus {
    match s {
        ParseStatus::Ok => pb::ParseStatus::Ok,
        ParseStatus::Partial => pb::ParseStatus::Partial,
        ParseStatus::NoText => pb::ParseStatus::NoText,
        ParseStatus::Unsupported => pb::ParseStatus::Unsupported,
        ParseStatus::Malformed => pb::ParseStatus::Malformed,
    }
}

fn format(f: Format) -> pb::DocumentFormat {
    match f {
        Format::Pdf => pb::DocumentFormat::Pdf,
        Format::Docx => pb::DocumentFormat::Docx,
        Format::Odt => pb::DocumentFormat::Odt,
        Format::Html => pb::DocumentFormat::Html,
        Format::Markdown => pb::DocumentFormat::Markdown,
        Format::Text => pb::DocumentFormat::Text,
        Format::Rtf => pb::DocumentFormat::Rtf,
        Format::Image | Format::Archive | Format::Unknown => pb::DocumentFormat::Unspecified,
    }
}

fn section_kind(k: SectionKind) -> &'static str {
    match k {
        SectionKind::Summary => "summary",
        SectionKind::Experience => "experience",
        SectionKind::Education => "education",
        SectionKind::Skills => "skills",
        SectionKind::Languages => "languages",
        SectionKind::Certifications => "certifications",
        SectionKind::Projects => "projects",
        SectionKind::Other => "other",
    }
}

fn level(l: Option<DegreeLevel>) -> pb::DegreeLevel {
    match l {
        None => pb::DegreeLevel::Unspecified,
        Some(DegreeLevel::Secondary) => pb::DegreeLevel::Secondary,
        Some(DegreeLevel::Vocational) => pb::DegreeLevel::Vocational,
        Some(DegreeLevel::Associate) => pb::DegreeLevel::Associate,
        Some(DegreeLevel::Bachelor) => pb::DegreeLevel::Bachelor,
        Some(DegreeLevel::Master) => pb::DegreeLevel::Master,
        Some(DegreeLevel::Doctorate) => pb::DegreeLevel::Doctorate,
    }
}

fn seniority(s: Option<S>) -> Seniority {
    match s {
        None => Seniority::Unspecified,
        Some(S::Intern) => Seniority::Intern,
        Some(S::Junior) => Seniority::Junior,
        Some(S::Mid) => Seniority::Mid,
        Some(S::Senior) => Seniority::Senior,
        Some(S::Staff) => Seniority::Staff,
        Some(S::Manager) => Seniority::Manager,
    }
}

/// The whole parse, every field with its confidence; skill evidence is the quoted line.
pub fn to_proto(p: &Parse) -> pb::ParsedResume {
    let span = |start: usize, end: usize| {
        let (start, end) = (start.min(p.text.len()), end.min(p.text.len()));
        EvidenceSpan {
            start: start as u32,
            end: end as u32,
            text: p.text.get(start..end).unwrap_or_default().to_string(),
        }
    };
    let c = &p.contact;
    pb::ParsedResume {
        status: status(p.status) as i32,
        format: format(p.format) as i32,
        language: p.language.clone(),
        contact: Some(pb::Contact {
            name: c.name.as_ref().map(scored),
            emails: c.emails.iter().map(scored).collect(),
            phones: c
                .phones
                .iter()
                .map(|ph| pb::Phone {
                    raw: ph.raw.clone(),
                    e164: ph.e164.clone().unwrap_or_default(),
                    confidence: ph.confidence,
                })
                .collect(),
            links: c
                .links
                .iter()
                .map(|l| pb::Link {
                    url: l.url.clone(),
                    kind: match l.kind {
                        LinkKind::LinkedIn => pb::LinkKind::Linkedin,
                        LinkKind::GitHub => pb::LinkKind::Github,
                        LinkKind::Portfolio => pb::LinkKind::Portfolio,
                    } as i32,
                    confidence: l.confidence,
                })
                .collect(),
            location: c.location.as_ref().map(scored),
        }),
        summary: p.summary.as_ref().map(scored),
        sections: p
            .sections
            .iter()
            .map(|s| pb::Section {
                kind: section_kind(s.kind).into(),
                header: s.header.clone(),
                span: Some(span(s.start, s.end)),
            })
            .collect(),
        work: p
            .work
            .iter()
            .map(|w| pb::WorkEntry {
                title: w.title.as_ref().map(scored),
                employer: w.employer.as_ref().map(scored),
                location: w.location.as_ref().map(scored),
                start: Some(ym(&w.period.start)),
                end: w.period.end.as_ref().map(ym),
                current: w.period.current,
                highlights: w.highlights.clone(),
                confidence: w.confidence,
                span: Some(span(w.start, w.end)),
            })
            .collect(),
        education: p
            .education
            .iter()
            .map(|e| pb::EducationEntry {
                institution: e.institution.as_ref().map(scored),
                degree: e.degree.as_ref().map(scored),
                level: level(e.level) as i32,
                field: e.field.as_ref().map(scored),
                start: e.period.as_ref().map(|p| ym(&p.start)),
                end: e.period.as_ref().and_then(|p| p.end.as_ref().map(ym)),
                confidence: e.confidence,
            })
            .collect(),
        skills: p
            .skills
            .iter()
            .map(|s| pb::ResumeSkill {
                skill: Some(TaxonomyRef { id: s.skill_id.clone(), name: s.name.clone() }),
                raw: s.raw.clone(),
                evidence: s
                    .evidence
                    .iter()
                    .map(|&(a, b)| {
                        let (start, end, text) = nexushr_resume_parser::line_at(&p.text, a, b);
                        EvidenceSpan { start: start as u32, end: end as u32, text: text.to_string() }
                    })
                    .collect(),
                months: s.months,
                last_used: s.last_used.as_ref().map(ym),
                confidence: s.confidence,
            })
            .collect(),
        languages: p
            .languages
            .iter()
            .map(|l| pb::LanguageSkill {
                language: l.language.clone(),
                level: l.level.clone().unwrap_or_default(),
                confidence: l.confidence,
            })
            .collect(),
        certifications: p.certifications.iter().map(scored).collect(),
        total_experience_months: p.total_experience_months,
        seniority: seniority(p.seniority.map(|s| s.0)) as i32,
        seniority_confidence: p.seniority.map_or(0.0, |s| s.1),
        warnings: p.warnings.clone(),
        parser_version: PARSER_VERSION.into(),
    }
}

/// The parse without contact details: what events carry, so a topic never holds a candidate's
/// name, emails, phones or profile links, not even quoted in evidence (consumers that need them
/// ask the service, which honors erasure).
pub fn without_contact(parsed: &pb::ParsedResume) -> pb::ParsedResume {
    let mut out = pb::ParsedResume { contact: None, ..parsed.clone() };
    let Some(c) = &parsed.contact else { return out };
    let mut needles: Vec<&str> = c.emails.iter().map(|e| e.value.as_str()).collect();
    needles.extend(c.phones.iter().map(|p| p.raw.as_str()));
    needles.extend(c.links.iter().map(|l| l.url.as_str()));
    needles.extend(c.name.iter().map(|n| n.value.as_str()));
    needles.retain(|n| n.len() >= 4);
    let scrub = |text: &mut String| {
        for n in &needles {
            if text.contains(n) {
                *text = text.replace(n, "[contact]");
            }
        }
    };
    for s in &mut out.skills {
        s.evidence.iter_mut().for_each(|e| scrub(&mut e.text));
    }
    for s in &mut out.sections {
        s.span.iter_mut().for_each(|e| scrub(&mut e.text));
    }
    for w in &mut out.work {
        w.span.iter_mut().for_each(|e| scrub(&mut e.text));
        w.highlights.iter_mut().for_each(&scrub);
    }
    if let Some(summary) = &mut out.summary {
        scrub(&mut summary.value);
    }
    out
}
