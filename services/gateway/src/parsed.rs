//! A parsed resume as JSON (the `ParsedResume` schema of `openapi.json`): the contract's
//! `ParsedResume` field by field, enums by their lowercase names, every value with its confidence.

use nexushr_proto::common::v1::{EvidenceSpan, Seniority, YearMonth};
use nexushr_proto::resumes::v1 as pb;
use serde_json::{Value, json};

/// An enum by its lowercase variant name (`ok`, `pdf`, `senior`); `unspecified` for 0.
fn name<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}").to_lowercase()
}

fn scored(s: Option<&pb::ScoredString>) -> Value {
    s.map_or(Value::Null, |s| json!({ "value": s.value, "confidence": s.confidence }))
}

fn month(m: Option<&YearMonth>) -> Value {
    m.map_or(Value::Null, |m| json!({ "year": m.year, "month": m.month }))
}

fn span(s: Option<&EvidenceSpan>) -> Value {
    s.map_or(Value::Null, |s| json!({ "start": s.start, "end": s.end, "text": s.text }))
}

pub(crate) fn to_json(p: &pb::ParsedResume) -> Value {
    let contact = p.contact.as_ref().map(|c| {
        json!({
            "name": scored(c.name.as_ref()),
            "emails": c.emails.iter().map(|e| scored(Some(e))).collect::<Vec<_>>(),
            "phones": c.phones.iter().map(|ph| json!({ "raw": ph.raw, "e164": ph.e164, "confidence": ph.confidence })).collect::<Vec<_>>(),
            "links": c.links.iter().map(|l| json!({ "url": l.url, "kind": name(l.kind()), "confidence": l.confidence })).collect::<Vec<_>>(),
            "location": scored(c.location.as_ref()),
        })
    });
    json!({
        "status": name(p.status()),
        "format": name(p.format()),
        "language": p.language,
        "contact": contact,
        "summary": scored(p.summary.as_ref()),
        "sections": p.sections.iter().map(|s| json!({ "kind": s.kind, "header": s.header, "span": span(s.span.as_ref()) })).collect::<Vec<_>>(),
        "work": p.work.iter().map(|w| json!({
            "title": scored(w.title.as_ref()),
            "employer": scored(w.employer.as_ref()),
            "location": scored(w.location.as_ref()),
            "start": month(w.start.as_ref()),
            "end": month(w.end.as_ref()),
            "current": w.current,
            "highlights": w.highlights,
            "confidence": w.confidence,
        })).collect::<Vec<_>>(),
        "education": p.education.iter().map(|e| json!({
            "institution": scored(e.institution.as_ref()),
            "degree": scored(e.degree.as_ref()),
            "level": name(e.level()),
            "field": scored(e.field.as_ref()),
            "start": month(e.start.as_ref()),
            "end": month(e.end.as_ref()),
            "confidence": e.confidence,
        })).collect::<Vec<_>>(),
        "skills": p.skills.iter().map(|s| {
            let skill = s.skill.clone().unwrap_or_default();
            json!({
                "name": skill.name,
                "taxonomy_id": skill.id,
                "raw": s.raw,
                "evidence": s.evidence.iter().map(|e| e.text.clone()).collect::<Vec<_>>(),
                "months": s.months,
                "last_used": month(s.last_used.as_ref()),
                "confidence": s.confidence,
            })
        }).collect::<Vec<_>>(),
        "languages": p.languages.iter().map(|l| json!({ "language": l.language, "level": l.level, "confidence": l.confidence })).collect::<Vec<_>>(),
        "certifications": p.certifications.iter().map(|c| scored(Some(c))).collect::<Vec<_>>(),
        "total_experience_months": p.total_experience_months,
        "seniority": match p.seniority() {
            Seniority::Unspecified => Value::Null,
            s => Value::String(name(s)),
        },
        "seniority_confidence": p.seniority_confidence,
        "warnings": p.warnings,
        "parser_version": p.parser_version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_reads_as_its_fields_with_lowercase_enums() {
        let p = pb::ParsedResume {
            status: pb::ParseStatus::Ok as i32,
            format: pb::DocumentFormat::Pdf as i32,
            language: "pt-BR".into(),
            contact: Some(pb::Contact {
                name: Some(pb::ScoredString { value: "Ana Souza".into(), confidence: 0.9 }),
                ..Default::default()
            }),
            work: vec![pb::WorkEntry {
                title: Some(pb::ScoredString { value: "Engenheira".into(), confidence: 0.8 }),
                start: Some(YearMonth { year: 2020, month: 9 }),
                current: true,
                ..Default::default()
            }],
            seniority: Seniority::Senior as i32,
            ..Default::default()
        };
        let j = to_json(&p);
        assert_eq!(j["status"], "ok");
        assert_eq!(j["format"], "pdf");
        assert_eq!(j["contact"]["name"]["value"], "Ana Souza");
        assert_eq!(j["work"][0]["start"], json!({ "year": 2020, "month": 9 }));
        assert_eq!(j["work"][0]["end"], Value::Null);
        assert_eq!(j["work"][0]["current"], true);
        assert_eq!(j["seniority"], "senior");
        assert_eq!(to_json(&pb::ParsedResume::default())["seniority"], Value::Null);
    }
}
