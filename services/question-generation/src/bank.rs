//! The question bank: the bundled questions (`data/questions/bank.json`, shared by every tenant)
//! and each tenant's own, with their vectors for ranking.

use std::collections::HashMap;
use std::sync::Arc;

use nexushr_embed::SparseVector;
use nexushr_guardrail::Blocked;
use serde::Deserialize;

const BUNDLED: &str = include_str!("../../../data/questions/bank.json");

pub use nexushr_domain::question::{Kind, Localized, Mode, Question, Rubric};

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
