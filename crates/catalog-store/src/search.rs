//! Lexical role search: terms matched in title, skills and summary, weighted in that order.

use nexushr_domain::Role;

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub role: Role,
    pub score: f32,
    pub matched_fields: Vec<&'static str>,
}

const STOP_WORDS: &[&str] = &["a", "an", "and", "the", "of", "for", "with", "in", "on", "to", "or", "at"];
pub(crate) const MAX_TERMS: usize = 16;

/// Splits a query into lower-case terms; keeps `c#`, `c++`, `node.js` whole.
pub fn lexical_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = query
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || "#+.".contains(c)))
        .map(|t| t.trim_matches('.').to_string())
        .filter(|t| !t.is_empty() && !STOP_WORDS.contains(&t.as_str()))
        .collect();
    terms.dedup();
    terms.truncate(MAX_TERMS);
    terms
}

fn contains_word(haystack: &str, term: &str) -> bool {
    haystack.match_indices(term).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + term.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // A plural or verb form ("developers", "engineering") still counts as a hit.
        boundary(before) && (boundary(after) || haystack[i + term.len()..].starts_with(['s', 'i', 'e']))
    })
}

/// Scores a role against terms; `None` when nothing matches.
pub(crate) fn score(role: &Role, terms: &[String]) -> Option<SearchHit> {
    let spec = &role.spec;
    let title = format!("{} {}", spec.title, spec.slug).to_lowercase();
    let skills = spec
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .chain(spec.top_tools.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" | ")
        .to_lowercase();
    let summary = spec.summary.to_lowercase();
    let mut total = 0.0;
    let mut fields = Vec::new();
    for term in terms {
        for (name, text, weight) in
            [("title", &title, 3.0), ("skills", &skills, 2.0), ("summary", &summary, 1.0)]
        {
            if contains_word(text, term) {
                total += weight;
                if !fields.contains(&name) {
                    fields.push(name);
                }
            }
        }
    }
    if total == 0.0 {
        return None;
    }
    Some(SearchHit { role: role.clone(), score: total / (6.0 * terms.len() as f32), matched_fields: fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms() {
        assert_eq!(
            lexical_terms("Senior C# and Node.js developer"),
            ["senior", "c#", "node.js", "developer"]
        );
        assert!(lexical_terms("  ,, ").is_empty());
    }

    #[test]
    fn word_boundaries() {
        assert!(contains_word("backend developer", "developer"));
        assert!(contains_word("web developers", "developer"));
        assert!(!contains_word("golang", "go"));
        assert!(contains_word("python | go | sql", "go"));
    }
}
