//! The question bank: the bundled questions (`data/questions/bank.json`, shared by every tenant)
//! and each tenant's own, with their vectors for ranking.

use std::collections::HashMap;
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    pub strong: String,
    pub acceptable: String,
    pub weak: String,
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
}

#[derive(Debug, Deserialize)]
struct BankFile {
    version: String,
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
    /// Where each question's own text may not be asked (the guardrail, run once per question).
    blocked: Vec<Blocked>,
}

impl Bank {
    /// The bundled bank, without vectors yet.
    pub fn bundled() -> Result<Self, serde_json::Error> {
        let file: BankFile = serde_json::from_str(BUNDLED)?;
        Ok(Self::from_questions(file.version, file.questions))
    }

    pub fn from_questions(version: String, questions: Vec<Question>) -> Self {
        let by_id = questions.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect();
        let n = questions.len();
        let blocked = questions.iter().map(|q| Blocked::of(&q.text)).collect();
        Self {
            version,
            generation: 0,
            questions: questions.into_iter().map(Arc::new).collect(),
            by_id,
            dense: vec![None; n],
            sparse: vec![SparseVector::default(); n],
            blocked,
        }
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

    /// Adds (or replaces) a question, returning its index.
    pub fn push(&mut self, q: Question) -> usize {
        let blocked = Blocked::of(&q.text);
        if let Some(&i) = self.by_id.get(&q.id) {
            self.questions[i] = Arc::new(q);
            self.blocked[i] = blocked;
            return i;
        }
        self.by_id.insert(q.id.clone(), self.questions.len());
        self.questions.push(Arc::new(q));
        self.dense.push(None);
        self.sparse.push(SparseVector::default());
        self.blocked.push(blocked);
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

    #[test]
    fn the_bundled_bank_is_complete() {
        let bank = Bank::bundled().unwrap();
        assert!(bank.len() >= 1500, "{} questions", bank.len());
        for q in bank.questions() {
            assert!(
                !q.text.is_empty() && !q.rubric.strong.is_empty() && !q.rubric.weak.is_empty(),
                "{}",
                q.id
            );
            assert!((1..=3).contains(&q.follow_ups.len()), "{} has {} follow-ups", q.id, q.follow_ups.len());
            assert!((1..=3).contains(&q.difficulty) && q.seniority <= 2, "{}", q.id);
            assert!(!q.source.is_empty() && !q.license.is_empty(), "{}", q.id);
            assert!(
                !q.skill_ids.is_empty() || !q.competencies.is_empty() || !q.roles.is_empty(),
                "{} has no target",
                q.id
            );
        }
        for competency in [
            "ownership",
            "collaboration",
            "communication",
            "conflict",
            "learning",
            "leadership",
            "customer-focus",
            "problem-solving",
        ] {
            assert!(
                bank.questions().iter().any(|q| q.competencies.iter().any(|c| c == competency)),
                "{competency}"
            );
        }
    }
}
