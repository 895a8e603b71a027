//! The question bank: the bundled questions (`data/questions/bank.json`, shared by every tenant)
//! and each tenant's own, with their vectors for ranking.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use nexushr_embed::SparseVector;
use nexushr_guardrail::Blocked;
use serde::{Deserialize, Serialize};

const BUNDLED: &str = include_str!("../../../data/questions/bank.json");

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
    /// Terms the resume must show one of for it to be asked: a question for the people who do
    /// that work (how to structure Terraform modules for six teams, asked of a backend developer
    /// who has never written infrastructure code, presumes a job they do not have).
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
    fn spoken(&self) -> String {
        let mut all = vec![self.text.as_str()];
        all.extend(self.follow_ups.iter().map(String::as_str));
        for l in self.translations.values() {
            all.push(&l.text);
            all.extend(l.follow_ups.iter().map(String::as_str));
        }
        all.join("\n")
    }
}

#[derive(Debug, Deserialize)]
struct BankFile {
    version: String,
    #[serde(flatten)]
    graph: crate::areas::GraphFile,
    questions: Vec<Question>,
}

/// Questions with their vectors, looked up by id.
#[derive(Debug, Clone)]
pub struct Bank {
    pub version: String,
    /// Which change of the bank this snapshot is (cached pools are per generation).
    pub generation: u64,
    questions: Vec<Arc<Question>>,
    by_id: HashMap<String, usize>,
    dense: Vec<Option<Vec<f32>>>,
    sparse: Vec<SparseVector>,
    /// Where each question's own text may not be asked (the guardrail, run once per question,
    /// on every language).
    blocked: Vec<Blocked>,
    /// Each question in each kit language ([`crate::areas::LANGUAGES`] order), made once.
    localized: Vec<[Arc<Question>; 3]>,
    /// Requirement areas, competencies and the skill graph.
    pub graph: Arc<crate::areas::Graph>,
}

impl Bank {
    /// The bundled bank, without vectors yet.
    pub fn bundled() -> Result<Self, serde_json::Error> {
        let file: BankFile = serde_json::from_str(BUNDLED)?;
        let graph = crate::areas::Graph::new(file.graph);
        let mut bank = Self::from_questions(file.version, Vec::new());
        bank.graph = Arc::new(graph);
        for q in file.questions {
            bank.push(q);
        }
        Ok(bank)
    }

    pub fn from_questions(version: String, questions: Vec<Question>) -> Self {
        let mut bank = Self {
            version,
            generation: 0,
            questions: Vec::new(),
            by_id: HashMap::new(),
            dense: Vec::new(),
            sparse: Vec::new(),
            blocked: Vec::new(),
            localized: Vec::new(),
            graph: Arc::new(crate::areas::Graph::default()),
        };
        for q in questions {
            bank.push(q);
        }
        bank
    }

    /// Question `i` in kit language `lang` (an index into [`crate::areas::LANGUAGES`]).
    pub fn in_language(&self, i: usize, lang: usize) -> &Arc<Question> {
        &self.localized[i][lang.min(2)]
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    pub fn questions(&self) -> &[Arc<Question>] {
        &self.questions
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, i: usize) -> &Arc<Question> {
        &self.questions[i]
    }

    pub fn dense(&self, i: usize) -> Option<&[f32]> {
        self.dense[i].as_deref()
    }

    pub fn sparse(&self, i: usize) -> &SparseVector {
        &self.sparse[i]
    }

    /// Where question `i`'s text may not be asked.
    pub fn blocked(&self, i: usize) -> Blocked {
        self.blocked[i]
    }

    /// Sets the vectors of question `i`.
    pub fn set_vectors(&mut self, i: usize, dense: Option<Vec<f32>>, sparse: SparseVector) {
        self.dense[i] = dense;
        self.sparse[i] = sparse;
    }

    /// Adds (or replaces) a question, returning its index. A question without an area (a
    /// tenant's) gets the first area its text names.
    pub fn push(&mut self, mut q: Question) -> usize {
        if q.area.is_empty() && !q.kind.is_behavioral() {
            q.area = self.graph.first_area_in(&q.text).unwrap_or_default();
        }
        let blocked = Blocked::of(&q.spoken());
        let localized = crate::areas::LANGUAGES.map(|l| Arc::new(q.localized(l)));
        if let Some(&i) = self.by_id.get(&q.id) {
            self.questions[i] = Arc::new(q);
            self.blocked[i] = blocked;
            self.localized[i] = localized;
            return i;
        }
        self.by_id.insert(q.id.clone(), self.questions.len());
        self.questions.push(Arc::new(q));
        self.dense.push(None);
        self.sparse.push(SparseVector::default());
        self.blocked.push(blocked);
        self.localized.push(localized);
        self.questions.len() - 1
    }
}

/// The text a question is embedded from: the question and what a strong answer shows.
pub fn document(q: &Question) -> String {
    format!("{} {}", q.text, q.rubric.strong)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rubric check of the test command: every bundled question has its text, rubric and
    /// follow-ups in every kit language; no rubric text repeats another's or is cut off.
    #[test]
    fn every_rubric_is_its_own_and_complete() {
        let bank = Bank::bundled().unwrap();
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut problems = Vec::new();
        let cut_off = |t: &str| {
            let t = t.trim();
            t.len() < 12
                || !t.ends_with(['.', '?', '!', ')', '"', '”'])
                || t.ends_with("...")
                || t.ends_with('…')
                || t.ends_with("etc.")
        };
        for q in bank.questions() {
            for lang in crate::areas::LANGUAGES {
                let l = q.localized(lang);
                if l.language != lang {
                    problems.push(format!("{} has no {lang} version", q.id));
                    continue;
                }
                if cut_off(&l.text) {
                    problems.push(format!("{} {lang}: question cut off: {:?}", q.id, l.text));
                }
                if l.rubric.points.len() < 3 {
                    problems.push(format!("{} {lang}: {} rubric points", q.id, l.rubric.points.len()));
                }
                if l.follow_ups.len() != 2 {
                    problems.push(format!("{} {lang}: {} follow-ups", q.id, l.follow_ups.len()));
                }
                for (level, text) in [
                    ("strong", &l.rubric.strong),
                    ("acceptable", &l.rubric.acceptable),
                    ("weak", &l.rubric.weak),
                ] {
                    if cut_off(text) {
                        problems.push(format!("{} {lang} {level}: cut off: {text:?}", q.id));
                    }
                    let key: String = text
                        .to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let Some(other) = seen.insert(key, format!("{} {lang} {level}", q.id)) {
                        problems.push(format!("{} {lang} {level} repeats {other}", q.id));
                    }
                }
                let slots = ["{employer}", "{metric}", "{skills}", "{cert}", "{role}", "{topic}"];
                if slots.iter().any(|s| l.text.contains(s))
                    || (q.mode != Mode::Experience && l.text.contains("{skill}"))
                {
                    problems.push(format!("{} {lang}: placeholder in {:?}", q.id, l.text));
                }
            }
        }
        assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    }

    #[test]
    fn every_area_has_every_level_and_every_competency_its_questions() {
        let bank = Bank::bundled().unwrap();
        let graph = &bank.graph;
        assert!(graph.areas.iter().filter(|a| !a.competency).count() >= 20);
        for area in &graph.areas {
            let qs: Vec<&Arc<Question>> = bank
                .questions()
                .iter()
                .filter(
                    |q| if area.competency { q.competencies.contains(&area.id) } else { q.area == area.id },
                )
                .collect();
            for level in 0..=2u8 {
                assert!(qs.iter().any(|q| q.seniority == level), "{} has no level {level} question", area.id);
            }
            if !area.competency {
                // A gap must be askable at every level without presuming experience.
                assert!(
                    qs.iter().filter(|q| q.mode != Mode::Experience).count() >= 3,
                    "{} needs concept, scenario and design questions",
                    area.id
                );
            }
        }
    }
}
