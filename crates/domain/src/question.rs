//! A question of the bank as a kit asks it: its words in each language, what it probes, how it
//! asks and the rubric an interviewer scores the answer with. The bank (question generation)
//! loads, embeds and ranks these; a kit carries the ones it asks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Behavioral,
    Technical,
    Situational,
    RoleSpecific,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Behavioral => "behavioral",
            Kind::Technical => "technical",
            Kind::Situational => "situational",
            Kind::RoleSpecific => "role-specific",
        }
    }

    /// Behavioral and situational questions probe competencies; the others probe skills.
    pub fn is_behavioral(self) -> bool {
        matches!(self, Kind::Behavioral | Kind::Situational)
    }
}

/// How a question asks: about knowledge, a situation, the candidate's own work, or a design.
/// Only `Experience` questions presume the candidate has done it, so a requirement the resume
/// does not show is never asked that way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Concept,
    Scenario,
    #[default]
    Experience,
    Design,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Concept => "concept",
            Mode::Scenario => "scenario",
            Mode::Experience => "experience",
            Mode::Design => "design",
        }
    }
}

/// How to score an answer from 1 to 4: the points a strong answer covers, and what a strong (4),
/// an acceptable (3) and a weak (2) answer look like. 1 is no relevant answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    #[serde(default)]
    pub points: Vec<String>,
    pub strong: String,
    pub acceptable: String,
    pub weak: String,
}

/// A question's words in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Localized {
    pub text: String,
    pub rubric: Rubric,
    #[serde(default)]
    pub follow_ups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub kind: Kind,
    #[serde(default)]
    pub skill_ids: Vec<String>,
    #[serde(default)]
    pub competencies: Vec<String>,
    /// Role slugs the question was written for.
    #[serde(default)]
    pub roles: Vec<String>,
    /// 1 easy, 2 medium, 3 hard.
    pub difficulty: u8,
    /// 0 junior, 1 mid, 2 senior and above.
    pub seniority: u8,
    pub rubric: Rubric,
    #[serde(default)]
    pub follow_ups: Vec<String>,
    pub source: String,
    pub license: String,
    /// Empty for the shared bank.
    #[serde(default)]
    pub tenant: String,
    #[serde(default)]
    pub mode: Mode,
    /// The requirement area it covers (`data`, `apis`...); empty for behavioral questions.
    #[serde(default)]
    pub area: String,
    /// Terms of the skill graph it is about.
    #[serde(default)]
    pub terms: Vec<String>,
    /// The situations it shares with other questions, separated by spaces ("release-regression":
    /// something broke right after a release; "query-performance": a slow query and its index),
    /// whatever their area or kind; a kit asks one question per situation. Empty for most.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub topic: String,
    /// The job areas (the area a role's title names: `mobile`, `analytics`...) where it is off the
    /// job: a cart database design in a data analyst's kit, a nightly partner-API batch in a
    /// mobile developer's (reviewers, R15-R16).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off_for: Vec<String>,
    /// The job areas it is asked for, and none other (empty: any): a nightly Bash job that stops
    /// halfway is the programming of an infrastructure job, and the customer import or discount
    /// function a backend developer is asked about is not its programming (R89: application
    /// scenarios in cloud and DevOps kits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_for: Vec<String>,
    /// Terms the resume's work must show one of for it to be asked (a skills list is not enough):
    /// a question for the people who do that work (how to structure Terraform modules for six
    /// teams, asked of a backend developer who has never written infrastructure code, presumes a
    /// job they do not have).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// The language of `text`, `rubric` and `follow_ups`.
    #[serde(default = "english")]
    pub language: String,
    /// The same question in other languages, by language tag.
    #[serde(default)]
    pub translations: BTreeMap<String, Localized>,
}

fn english() -> String {
    "en".into()
}

impl Question {
    /// The question in `language`, or as written when it has no such translation.
    pub fn localized(&self, language: &str) -> Question {
        match self.translations.get(language) {
            Some(l) if language != self.language => Question {
                text: l.text.clone(),
                rubric: l.rubric.clone(),
                follow_ups: l.follow_ups.clone(),
                language: language.to_string(),
                translations: BTreeMap::new(),
                ..self.clone()
            },
            _ => Question { translations: BTreeMap::new(), ..self.clone() },
        }
    }

    /// Every text a candidate may hear, in every language (for the guardrail).
    pub fn spoken(&self) -> String {
        let mut all = vec![self.text.as_str()];
        all.extend(self.follow_ups.iter().map(String::as_str));
        for l in self.translations.values() {
            all.push(&l.text);
            all.extend(l.follow_ups.iter().map(String::as_str));
        }
        all.join("\n")
    }
}
