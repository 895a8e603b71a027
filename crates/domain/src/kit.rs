//! An interview kit: ranked questions, each with the resume text it probes, the requirement it
//! covers and why it was chosen, and what the kit covers and leaves out. Question generation
//! makes it, stores it and renders it; the wire's `InterviewKit` is made from it at the edge.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::candidate::Span;
use crate::question::Question;

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
    pub breakdown: BTreeMap<&'static str, f32>,
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
    /// Requirement areas of the role the resume does not show.
    pub gaps: Vec<String>,
    /// The kit's language tag (`en`, `pt-BR`, `es-MX`).
    pub language: String,
    pub signals: Vec<String>,
    pub versions: Versions,
    pub created_at: DateTime<Utc>,
    pub version: i32,
    /// Questions the guardrail kept out of this kit (for the tenant's audit log; not part of
    /// the kit).
    #[serde(skip)]
    pub stopped: Vec<Stopped>,
}

/// A question the guardrail kept out of a kit.
#[derive(Debug, Clone, PartialEq)]
pub struct Stopped {
    /// `kit_question` (a question the planner had chosen) or `llm_question`.
    pub action: &'static str,
    pub question_id: String,
    /// Every text of it the guardrail read (question, follow-ups, rubric).
    pub text: String,
}

impl Kit {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
