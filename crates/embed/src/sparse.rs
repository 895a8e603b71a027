//! A BM25-style sparse encoder over words and taxonomy skills.
//!
//! Tokens are lowercased, accent-free words (stop words dropped, a light plural stem) plus one
//! `skill:<id>` token per skill the taxonomy finds, weighted up, so "k8s" and "Kubernetes" meet.
//! Documents carry BM25's saturated term frequency; the inverse document frequency is applied
//! by the vector store (Qdrant's IDF modifier), so collection statistics stay in one place.
//! Token indices are 32-bit FNV-1a hashes: no vocabulary to ship or keep in sync.

use std::collections::BTreeMap;

use nexushr_domain::deaccent;
use nexushr_skills::Taxonomy;

/// Sparse vector: sorted, unique indices with their weights.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SparseVector {
    pub indices: Vec<u32>,
    pub values: Vec<f32>,
}

impl SparseVector {
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// Dot product of two sparse vectors.
    pub fn dot(&self, other: &SparseVector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < self.indices.len() && j < other.indices.len() {
            match self.indices[i].cmp(&other.indices[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.values[i] * other.values[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A typical question or resume line, in tokens, for length normalization.
const AVERAGE_LENGTH: f32 = 12.0;
/// A skill counts as much as this many words.
const SKILL_WEIGHT: f32 = 2.0;

#[derive(Clone, Copy)]
pub struct SparseEncoder {
    taxonomy: &'static Taxonomy,
}

impl std::fmt::Debug for SparseEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SparseEncoder").field("skills", &self.taxonomy.len()).finish()
    }
}

impl Default for SparseEncoder {
    fn default() -> Self {
        Self { taxonomy: Taxonomy::bundled() }
    }
}

impl SparseEncoder {
    pub fn new(taxonomy: &'static Taxonomy) -> Self {
        Self { taxonomy }
    }

    /// A stamp naming the encoder's tokenization, stored with every collection.
    pub fn version(&self) -> String {
        format!("bm25-fnv32-skills{}/v1", self.taxonomy.len())
    }

    /// The tokens of `text`: words, then `skill:<id>` for each skill mentioned.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let mut tokens: Vec<String> = words(text).filter(|w| !is_stop_word(w)).map(|w| stem(&w)).collect();
        tokens.extend(self.taxonomy.find(text).into_iter().map(|m| format!("skill:{}", m.skill_id)));
        tokens
    }

    /// A document vector: BM25 term-frequency saturation with length normalization.
    pub fn encode_document(&self, text: &str) -> SparseVector {
        let tokens = self.tokens(text);
        let length = tokens.len() as f32;
        let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
        for token in &tokens {
            *counts.entry(hash(token)).or_default() +=
                if token.starts_with("skill:") { SKILL_WEIGHT } else { 1.0 };
        }
        let norm = K1 * (1.0 - B + B * length / AVERAGE_LENGTH);
        collect(counts.into_iter().map(|(i, tf)| (i, tf * (K1 + 1.0) / (tf + norm))))
    }

    /// A query vector: each distinct token once (skills weighted up).
    pub fn encode_query(&self, text: &str) -> SparseVector {
        let mut weights: BTreeMap<u32, f32> = BTreeMap::new();
        for token in self.tokens(text) {
            let w = if token.starts_with("skill:") { SKILL_WEIGHT } else { 1.0 };
            let slot = weights.entry(hash(&token)).or_default();
            *slot = slot.max(w);
        }
        collect(weights.into_iter())
    }
}

fn collect(pairs: impl Iterator<Item = (u32, f32)>) -> SparseVector {
    let (indices, values) = pairs.unzip();
    SparseVector { indices, values }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .map(|w| w.trim_start_matches(['+', '#']))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).map(deaccent).collect())
}

/// Strips an English, Portuguese or Spanish plural "s" from longer words (services → service).
fn stem(word: &str) -> String {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

fn is_stop_word(w: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it", "of", "on",
        "or", "that", "the", "this", "to", "was", "were", "what", "when", "where", "which", "who", "why",
        "with", "you", "your", "did", "do", "does", "have", "has", "had", "can", "could", "would", "me",
        "tell", "about", "time", "de", "da", "do", "dos", "das", "em", "um", "uma", "e", "o", "os", "as",
        "para", "com", "que", "la", "el", "los", "las", "en", "y", "un", "una", "del", "por", "con",
    ];
    STOP.contains(&w)
}

fn hash(token: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in token.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_meet_across_aliases() {
        let enc = SparseEncoder::default();
        let doc = enc.encode_document("Ran our services on k8s with Postgres");
        let query = enc.encode_query("Kubernetes and PostgreSQL experience");
        assert!(doc.dot(&query) > 0.0, "skill tokens should overlap");
        assert!(enc.tokens("Ran our services on k8s").iter().any(|t| t.starts_with("skill:")));
    }

    #[test]
    fn vectors_are_sorted_and_saturate() {
        let enc = SparseEncoder::default();
        let v = enc.encode_document("cache cache cache cache cache cache invalidation");
        assert!(v.indices.windows(2).all(|w| w[0] < w[1]));
        assert!(v.values.iter().all(|&x| x > 0.0 && x < K1 + 1.0));
        assert!(enc.encode_query("").is_empty());
    }

    #[test]
    fn folds_case_accents_and_plurals() {
        let enc = SparseEncoder::default();
        assert_eq!(enc.tokens("Migrações de APIs"), vec!["migracoe".to_string(), "api".to_string()]);
        assert_eq!(enc.tokens("the services"), vec!["service".to_string()]);
    }
}
