//! The skills taxonomy and skill mentions in text.
//!
//! Entries come from `data/taxonomy/skills.json` (built by `scripts/build-taxonomy.py` from ESCO
//! ICT skills and a curated technology list with aliases: k8s → Kubernetes, Postgres →
//! PostgreSQL, Golang → Go). Aliases are found leftmost-longest, ASCII case-insensitive, in one
//! scan of the text: at each position only the aliases that begin with its two bytes are tried
//! (a table indexed by those bytes, built in well under a millisecond; an Aho-Corasick automaton
//! gives the same matches but took 10 ms to build, most of a `nexushr parse` start).
//!
//! False hits are the hard part. A match must sit on word boundaries, and an *ambiguous* skill
//! (an everyday word or a letter: Go, C, R, Rust, Swift) must also be written in its own case
//! and appear among other skills (another skill on the line, or a list), and never in known
//! phrases such as "C-level", "Rust Belt" or "R&D".

use std::sync::OnceLock;

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
}

pub struct Taxonomy {
    skills: Vec<Skill>,
    /// Per alias: the skill index and the alias as written.
    patterns: Vec<(usize, String)>,
    matcher: Matcher,
}

/// Lowercased aliases by their first two bytes: `by_pair[starts[k]..starts[k + 1]]` are the
/// aliases (indices into `lowered`) of two or more bytes whose first two bytes are `k`, longest
/// first; `by_byte` the same for one-byte aliases by their byte.
struct Matcher {
    lowered: Vec<Vec<u8>>,
    starts: Vec<u32>,
    by_pair: Vec<u32>,
    byte_starts: Vec<u32>,
    by_byte: Vec<u32>,
}

impl Matcher {
    fn new(lowered: Vec<Vec<u8>>) -> Self {
        let pair = |a: &[u8]| usize::from(a[0]) << 8 | usize::from(a[1]);
        let long = |i: &usize| lowered[*i].len() >= 2;
        let (starts, by_pair) = Self::group(&lowered, 1 << 16, (0..lowered.len()).filter(long), |a| pair(a));
        let short = |i: &usize| lowered[*i].len() == 1;
        let (byte_starts, by_byte) =
            Self::group(&lowered, 256, (0..lowered.len()).filter(short), |a| usize::from(a[0]));
        Self { lowered, starts, by_pair, byte_starts, by_byte }
    }

    /// Aliases grouped by `key` (a counting sort), longest first within a group, then in
    /// taxonomy order.
    fn group(
        lowered: &[Vec<u8>],
        keys: usize,
        members: impl Iterator<Item = usize> + Clone,
        key: impl Fn(&[u8]) -> usize,
    ) -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0u32; keys + 1];
        for i in members.clone() {
            starts[key(&lowered[i]) + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut grouped = vec![0u32; starts[keys] as usize];
        for i in members {
            let k = key(&lowered[i]);
            grouped[next[k] as usize] = i as u32;
            next[k] += 1;
        }
        for k in 0..keys {
            let group = &mut grouped[starts[k] as usize..starts[k + 1] as usize];
            group.sort_by_key(|&i| (std::cmp::Reverse(lowered[i as usize].len()), i));
        }
        (starts, grouped)
    }

    /// Non-overlapping matches, leftmost first and longest at each start: `(alias, start, end)`.
    fn find_iter<'a>(&'a self, text: &'a [u8]) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                let start = at;
                let pairs = match text.get(start + 1) {
                    Some(&b) => {
                        let k = usize::from(text[start]) << 8 | usize::from(b);
                        &self.by_pair[self.starts[k] as usize..self.starts[k + 1] as usize]
                    }
                    None => &[][..],
                };
                let k = usize::from(text[start]);
                let bytes = &self.by_byte[self.byte_starts[k] as usize..self.byte_starts[k + 1] as usize];
                // Longer aliases come first, and every two-byte one is longer than a one-byte one.
                let hit = pairs
                    .iter()
                    .chain(bytes)
                    .find(|&&i| text[start..].starts_with(&self.lowered[i as usize]));
                match hit {
                    Some(&i) => {
                        let end = start + self.lowered[i as usize].len();
                        at = end;
                        return Some((i as usize, start, end));
                    }
                    None => at += 1,
                }
            }
            None
        })
    }
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
        // Case-insensitive by lowercasing aliases and text (ASCII only, so byte offsets stay the
        // text's). An empty alias is in neither group of the matcher: it never matches.
        let lowered = patterns.iter().map(|(_, a)| a.to_ascii_lowercase().into_bytes()).collect();
        Ok(Self { skills, patterns, matcher: Matcher::new(lowered) })
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
        for (pattern, start, end) in self.matcher.find_iter(lower.as_bytes()) {
            let (skill_index, alias) = &self.patterns[pattern];
            let skill = &self.skills[*skill_index];
            let raw = &text[start..end];
            if !on_word_boundaries(text, start, end) || in_address(text, start, end) {
                continue;
            }
            if skill.ambiguous && (raw != alias || in_excluded_phrase(text, start)) {
                continue;
            }
            let mention = Mention {
                skill_id: skill.id.clone(),
                name: skill.name.clone(),
                raw: raw.to_string(),
                start,
                end,
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

    /// The matcher finds exactly what a leftmost-longest Aho-Corasick automaton over the same
    /// aliases finds (the matcher it replaced), on every text of the committed corpus sample and
    /// on shuffled fragments of them.
    #[test]
    fn matches_an_aho_corasick_automaton() {
        let t = Taxonomy::bundled();
        let automaton = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&t.matcher.lowered)
            .expect("automaton");
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/sample");
        let mut texts: Vec<String> = Vec::new();
        for dir in ["text", "markdown", "jsonresume-html"] {
            for entry in std::fs::read_dir(sample.join(dir)).expect("the corpus sample") {
                texts.push(std::fs::read_to_string(entry.expect("entry").path()).expect("utf-8"));
            }
        }
        assert!(texts.len() > 90);
        let mut seed = 7u64;
        let words: Vec<&str> = texts.iter().flat_map(|t| t.split_whitespace()).collect();
        let mut fragments: Vec<String> = Vec::new();
        for _ in 0..300 {
            let mut f = String::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                f.push_str(words[(seed >> 33) as usize % words.len()]);
                f.push(if seed.is_multiple_of(5) { '/' } else { ' ' });
            }
            fragments.push(f);
        }
        let mut found = 0;
        for text in texts.iter().chain(&fragments) {
            let lower = text.to_ascii_lowercase();
            let want: Vec<(usize, usize, usize)> =
                automaton.find_iter(&lower).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            let got: Vec<(usize, usize, usize)> = t.matcher.find_iter(lower.as_bytes()).collect();
            assert_eq!(got, want);
            found += got.len();
        }
        assert!(found > 5000, "{found}");
    }

    #[test]
    fn mentions_carry_spans() {
        let text = "Stack: Kubernetes";
        let m = &Taxonomy::bundled().find(text)[0];
        assert_eq!(&text[m.start..m.end], "Kubernetes");
        assert_eq!(m.skill_id, "nexushr:skill/kubernetes");
    }
}
