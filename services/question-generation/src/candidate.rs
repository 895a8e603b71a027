//! What the ranker knows about a candidate: skills with the resume text that shows them, and
//! claims (work highlights) with their employer, all with byte spans into the resume text.

use nexushr_resume_parser::Parse;
use nexushr_resume_parser::work::Seniority;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CandidateSkill {
    pub id: String,
    pub name: String,
    /// The line of the resume that mentions it first.
    pub evidence: Span,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub employer: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub span: Span,
    /// Skills the claim names.
    pub skill_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    pub skills: Vec<CandidateSkill>,
    pub claims: Vec<Claim>,
    pub total_months: i32,
    /// 0 junior, 1 mid, 2 senior and above.
    pub level: Option<u8>,
}

impl Candidate {
    pub fn has_skill(&self, id: &str) -> bool {
        self.skills.iter().any(|s| s.id == id)
    }

    pub fn skill(&self, id: &str) -> Option<&CandidateSkill> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// The texts embedded for ranking: one per claim, then one per skill line.
    pub fn texts(&self) -> Vec<String> {
        self.claims
            .iter()
            .map(|c| c.text.clone())
            .chain(self.skills.iter().map(|s| s.evidence.text.clone()))
            .collect()
    }
}

/// The line around byte range `start..end` of `text`, trimmed, with its byte range.
pub(crate) fn line_at(text: &str, start: usize, end: usize) -> Span {
    let (start, end, line) = nexushr_resume_parser::line_at(text, start, end);
    Span { start, end, text: line.to_string() }
}

/// Strips list bullets and trailing punctuation from a highlight.
fn clean(highlight: &str) -> String {
    highlight
        .trim()
        .trim_start_matches(['-', '*', '•', '·', '–', '—', '▪', '●'])
        .trim()
        .trim_end_matches('.')
        .to_string()
}

impl From<&Parse> for Candidate {
    fn from(p: &Parse) -> Self {
        let taxonomy = nexushr_skills::Taxonomy::bundled();
        let skills = p
            .skills
            .iter()
            .filter_map(|s| {
                let &(start, end) = s.evidence.first()?;
                Some(CandidateSkill {
                    id: s.skill_id.clone(),
                    name: s.name.clone(),
                    evidence: line_at(&p.text, start, end),
                })
            })
            .collect();
        let mut claims = Vec::new();
        for w in &p.work {
            for h in &w.highlights {
                let text = clean(h);
                if text.len() < 12 {
                    continue;
                }
                let region = p.text.get(w.start..w.end).unwrap_or("");
                let span = match region.find(text.as_str()) {
                    Some(i) => Span { start: w.start + i, end: w.start + i + text.len(), text: text.clone() },
                    None => Span { start: w.start, end: w.start, text: text.clone() },
                };
                let skill_ids = taxonomy.find(&text).into_iter().map(|m| m.skill_id).collect();
                claims.push(Claim {
                    employer: w.employer.as_ref().map(|e| e.value.clone()),
                    title: w.title.as_ref().map(|t| t.value.clone()),
                    text,
                    span,
                    skill_ids,
                });
            }
        }
        let level = p.seniority.map(|(s, _)| match s {
            Seniority::Intern | Seniority::Junior => 0,
            Seniority::Mid => 1,
            Seniority::Senior | Seniority::Staff | Seniority::Manager => 2,
        });
        Candidate { skills, claims, total_months: p.total_experience_months, level }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_around_a_mention() {
        let text = "Summary\n  Built APIs in Rust and Go.  \nEducation";
        let start = text.find("Rust").unwrap();
        let span = line_at(text, start, start + 4);
        assert_eq!(span.text, "Built APIs in Rust and Go.");
        assert_eq!(&text[span.start..span.end], span.text);
        assert_eq!(clean("• Cut p99 latency by 40%."), "Cut p99 latency by 40%");
    }
}
