//! The skills taxonomy and skill mentions in text.
//!
//! Entries come from `data/taxonomy/skills.json` (built by `scripts/build-taxonomy.py` from ESCO
//! ICT skills and a curated technology list with aliases: k8s → Kubernetes, Postgres →
//! PostgreSQL, Golang → Go). All aliases go into one Aho-Corasick automaton (leftmost-longest,
//! ASCII case-insensitive), so a resume is scanned once whatever the taxonomy's size.
//!
//! False hits are the hard part. A match must sit on word boundaries, and an *ambiguous* skill
//! (an everyday word or a letter: Go, C, R, Rust, Swift) must also be written in its own case
//! and appear among other skills (another skill on the line, or a list), and never in known
//! phrases such as "C-level", "Rust Belt" or "R&D".

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

const BUNDLED: &str = include_str!("../../../data/taxonomy/skills.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    /// ESCO skill URI or `nexushr:skill/<slug>`.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub ambiguous: bool,
}

/// One mention of a skill in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub skill_id: String,
    pub name: String,
    /// The text as written, e.g. "k8s".
    pub raw: String,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("taxonomy JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("matcher: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

pub struct Taxonomy {
    skills: Vec<Skill>,
    /// Per automaton pattern: the skill index and the alias as written.
    patterns: Vec<(usize, String)>,
    matcher: AhoCorasick,
}

/// Phrases in which an ambiguous skill name is not the skill.
const NOT_SKILLS: &[&str] = &[
    "c-level",
    "c-suite",
    "rust belt",
    "r&d",
    "go-to",
    "go to market",
    "go-live",
    "go live",
    "swift code",
    "swift transfer",
];

impl Taxonomy {
    pub fn from_json(json: &str) -> Result<Self, TaxonomyError> {
        let skills: Vec<Skill> = serde_json::from_str(json)?;
        let patterns: Vec<(usize, String)> = skills
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.aliases.iter().map(move |a| (i, a.clone())))
            .collect();
        // Case-insensitive by lowercasing patterns and text (ASCII only, so byte offsets stay the
        // text's): an automaton without the second case of every byte builds faster, and building
        // it is most of a `nexushr parse` start.
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(_, a)| a.to_ascii_lowercase()))?;
        Ok(Self { skills, patterns, matcher })
    }

    /// The taxonomy bundled with NexusHR.
    pub fn bundled() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        TAXONOMY.get_or_init(|| Taxonomy::from_json(BUNDLED).expect("the bundled taxonomy is valid JSON"))
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// The skill a single term names (an alias, any case), if any.
    pub fn lookup(&self, term: &str) -> Option<&Skill> {
        let term = term.trim();
        self.patterns.iter().find(|(_, a)| a.eq_ignore_ascii_case(term)).map(|(i, _)| &self.skills[*i])
    }

    /// Every skill mention in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut candidates: Vec<(Mention, bool)> = Vec::new();
        let lower = text.to_ascii_lowercase();
        for m in self.matcher.find_iter(&lower) {
            let (skill_index, alias) = &self.patterns[m.pattern().as_usize()];
            let skill = &self.skills[*skill_index];
            let raw = &text[m.start()..m.end()];
            if !on_word_boundaries(text, m.start(), m.end()) || in_address(text, m.start(), m.end()) {
                continue;
            }
            if skill.ambiguous && (raw != alias || in_excluded_phrase(text, m.start())) {
                continue;
            }
            let mention = Mention {
                skill_id: skill.id.clone(),
                name: skill.name.clone(),
                raw: raw.to_string(),
                start: m.start(),
                end: m.end(),
            };
            candidates.push((mention, skill.ambiguous));
        }
        candidates
            .iter()
            .filter(|(m, ambiguous)| !ambiguous || in_skill_context(text, m, &candidates))
            .map(|(m, _)| m.clone())
            .collect()
    }
}

/// Inside a web or email address ("github.com/ana", "ana@rust-lang.org"): a link, not a claim.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    // After the whitespace character, whatever its width ("\u{2000}" is three bytes).
    let from =
        text[..start].char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..].find(char::is_whitespace).map_or(text.len(), |i| end + i);
    let token = text[from..to].to_ascii_lowercase();
    token.contains("://")
        || token.contains("www.")
        || token.contains('@')
        || [".com", ".io", ".org", ".net", ".dev", ".app", ".br", ".mx"].iter().any(|d| {
            token
                .match_indices(d)
                .any(|(i, _)| token[i + d.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // "C++"/"C#" are longer patterns; a bare "C" followed by "+" or "#" is not C.
    let glued = after.is_some_and(|c| c == '+' || c == '#')
        || before.is_some_and(|c| c == '.' && !text[..start].ends_with(". "));
    let glue_ok = !glued || text[start..end].ends_with(['+', '#']);
    !joins(before) && !joins(after) && glue_ok
}

fn in_excluded_phrase(text: &str, start: usize) -> bool {
    let rest = text[start..].chars().take(16).collect::<String>().to_lowercase();
    NOT_SKILLS.iter().any(|p| rest.starts_with(p))
}

/// An ambiguous mention counts among other skills: the same line names another, unambiguous
/// skill, or the line is a list (two or more separators).
fn in_skill_context(text: &str, m: &Mention, all: &[(Mention, bool)]) -> bool {
    let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
    let others = all.iter().any(|(o, amb)| !amb && o.start >= line_start && o.end <= line_end);
    let line = &text[line_start..line_end];
    let separators = line.matches([',', '|', '•', ';', '/']).count();
    if others || separators >= 2 {
        return true;
    }
    // A list written one skill per line: the line holds only the mention, next to a line that
    // names another skill.
    let alone =
        line.trim_matches(|c: char| c.is_whitespace() || "•-*·▪●".contains(c)) == &text[m.start..m.end];
    let prev_start = text[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |i| i + 1);
    let next_end = text[(line_end + 1).min(text.len())..].find('\n').map_or(text.len(), |i| line_end + 1 + i);
    alone
        && all.iter().any(|(o, amb)| {
            !amb && ((o.start >= prev_start && o.end < line_start)
                || (o.start > line_end && o.end <= next_end))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        Taxonomy::bundled().find(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn aliases_map_to_canonical_skills() {
        assert_eq!(
            names("Ran k8s clusters on Postgres with Golang services"),
            ["Kubernetes", "PostgreSQL", "Go"]
        );
        assert_eq!(names("Node.js, C++ and C# developer"), ["Node.js", "C++", "C#"]);
        let t = Taxonomy::bundled();
        assert_eq!(t.lookup("postgres").map(|s| s.name.as_str()), Some("PostgreSQL"));
        assert!(t.len() > 900);
        assert!(names("github.com/ana · ana@rust-lang.org · https://kafka.apache.org").is_empty());
        // Found by cargo-fuzz: a multi-byte space before a mention.
        assert_eq!(names("Rust,\u{2000}Kafka and Go"), ["Rust", "Kafka", "Go"]);
        assert_eq!(names("Actions on GitHub, code on GitLab, history in Git"), ["GitHub", "GitLab", "Git"]);
    }

    #[test]
    fn no_false_hits() {
        assert!(names("I go to the office and let it go").is_empty());
        assert!(names("Reported to C-level executives in the Rust Belt").is_empty());
        assert!(names("Led R&D for a new product").is_empty());
        assert!(names("Go ahead and review the plan").is_empty(), "a capitalized verb alone is not Go");
        assert!(names("Javanese cuisine and Pythonic ideas").is_empty(), "no partial words");
    }

    #[test]
    fn ambiguous_names_count_among_other_skills() {
        assert_eq!(names("Languages: Go, Rust, C, R"), ["Go", "Rust", "C", "R"]);
        assert_eq!(names("Skills\nRust\nPostgreSQL\nKafka"), ["Rust", "PostgreSQL", "Kafka"]);
        assert!(names("Go\nto the Rust Belt\nGo").is_empty());
        assert_eq!(names("Built services in Go and Kafka"), ["Go", "Kafka"]);
    }

    #[test]
    fn mentions_carry_spans() {
        let text = "Stack: Kubernetes";
        let m = &Taxonomy::bundled().find(text)[0];
        assert_eq!(&text[m.start..m.end], "Kubernetes");
        assert_eq!(m.skill_id, "nexushr:skill/kubernetes");
    }
}
