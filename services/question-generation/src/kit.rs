//! An interview kit: ranked questions, each with its evidence and rationale, and what it covers;
//! rendered as JSON or as a print-friendly Markdown page.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::bank::Question;
use crate::candidate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Probe {
    /// A strength the resume claims.
    Depth,
    /// A requirement the resume does not show.
    Gap,
    /// A specific claim of the resume.
    ClaimCheck,
    /// A behavioral competency.
    Competency,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The resume text the question probes.
    pub resume: Option<Span>,
    /// The role requirement it covers.
    pub requirement: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KitQuestion {
    pub question: Arc<Question>,
    /// The text as asked, with candidate specifics.
    pub text: String,
    pub score: f32,
    pub rank: u32,
    /// (id, name) of the skill or competency probed.
    pub target: Option<(String, String)>,
    pub probe: Probe,
    pub evidence: Vec<Evidence>,
    pub rationale: String,
    pub breakdown: BTreeMap<String, f32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Versions {
    pub bank: String,
    pub model: String,
    pub ranker: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kit {
    pub id: String,
    pub tenant: String,
    pub role_slug: String,
    pub role_title: String,
    pub resume_id: String,
    pub questions: Vec<KitQuestion>,
    pub covered_requirements: Vec<String>,
    pub uncovered_requirements: Vec<String>,
    pub signals: Vec<String>,
    pub versions: Versions,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl Kit {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Interview kit: {}\n", self.role_title);
        let _ = writeln!(
            md,
            "Kit `{}` · {} questions · signals: {} · bank {}, model {}, ranker {}\n",
            self.id,
            self.questions.len(),
            self.signals.join(", "),
            self.versions.bank,
            self.versions.model,
            self.versions.ranker
        );
        if !self.covered_requirements.is_empty() {
            let _ = writeln!(md, "**Covers:** {}\n", self.covered_requirements.join(", "));
        }
        if !self.uncovered_requirements.is_empty() {
            let _ = writeln!(md, "**Not covered:** {}\n", self.uncovered_requirements.join(", "));
        }
        for q in &self.questions {
            let target = q.target.as_ref().map(|t| t.1.as_str()).unwrap_or("general");
            let _ = writeln!(md, "## {}. {}\n", q.rank, q.text);
            let _ = writeln!(
                md,
                "*{} · {} · difficulty {} · {:?} probe · score {:.2}*\n",
                q.question.kind.as_str(),
                target,
                q.question.difficulty,
                q.probe,
                q.score
            );
            let _ = writeln!(md, "**Why:** {}", q.rationale);
            for e in &q.evidence {
                if let Some(span) = e.resume.as_ref().filter(|s| !s.text.is_empty()) {
                    let _ = writeln!(md, "- Resume: \"{}\"", span.text);
                }
                if let Some(r) = &e.requirement {
                    let _ = writeln!(md, "- Role: {r}");
                }
            }
            let _ = writeln!(md, "\n**Strong answer:** {}", q.question.rubric.strong);
            let _ = writeln!(md, "**Acceptable:** {}", q.question.rubric.acceptable);
            let _ = writeln!(md, "**Weak:** {}\n", q.question.rubric.weak);
            if !q.question.follow_ups.is_empty() {
                let _ = writeln!(md, "Follow-ups:");
                for f in &q.question.follow_ups {
                    let _ = writeln!(md, "- {f}");
                }
                md.push('\n');
            }
            let _ = writeln!(md, "<sub>Source: {} ({})</sub>\n", q.question.source, q.question.license);
        }
        md
    }
}
