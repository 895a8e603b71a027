//! The BERT WordPiece tokenizer, as `tokenizer.json` of all-MiniLM-L6-v2 configures it:
//! BertNormalizer (clean text, pad CJK ideographs, lowercase, strip accents), BertPreTokenizer
//! (split on whitespace and punctuation), WordPiece (`##` continuations, `[UNK]` for words over
//! 100 characters or without a vocabulary split), then `[CLS] … [SEP]`.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::EmbedError;

const MAX_WORD_CHARS: usize = 100;

#[derive(Debug)]
pub struct Tokenizer {
    vocab: HashMap<String, u32>,
    unk: u32,
    cls: u32,
    sep: u32,
    lowercase: bool,
}

impl Tokenizer {
    /// Reads the vocabulary and normalizer settings from a Hugging Face `tokenizer.json`.
    pub fn from_json(json: &str) -> Result<Self, EmbedError> {
        #[derive(serde::Deserialize)]
        struct File {
            model: Model,
            normalizer: Option<Normalizer>,
        }
        #[derive(serde::Deserialize)]
        struct Model {
            #[serde(rename = "type")]
            kind: String,
            vocab: HashMap<String, u32>,
            unk_token: String,
        }
        #[derive(serde::Deserialize)]
        struct Normalizer {
            lowercase: Option<bool>,
        }
        let file: File =
            serde_json::from_str(json).map_err(|e| EmbedError::Model(format!("tokenizer.json: {e}")))?;
        if file.model.kind != "WordPiece" {
            return Err(EmbedError::Model(format!("tokenizer model {} is not WordPiece", file.model.kind)));
        }
        let id = |t: &str| {
            file.model.vocab.get(t).copied().ok_or_else(|| EmbedError::Model(format!("vocabulary lacks {t}")))
        };
        Ok(Self {
            unk: id(&file.model.unk_token)?,
            cls: id("[CLS]")?,
            sep: id("[SEP]")?,
            lowercase: file.normalizer.and_then(|n| n.lowercase).unwrap_or(true),
            vocab: file.model.vocab,
        })
    }

    /// The largest token id the tokenizer can produce.
    pub fn max_id(&self) -> u32 {
        self.vocab.values().copied().max().unwrap_or(0)
    }

    /// Token ids with `[CLS]` and `[SEP]`, at most `max_len` in all.
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let budget = max_len.saturating_sub(2);
        let mut ids = Vec::with_capacity(32.min(max_len));
        ids.push(self.cls);
        let normalized = self.normalize(text);
        'words: for word in pre_tokenize(&normalized) {
            for id in self.word_piece(word) {
                if ids.len() > budget {
                    break 'words;
                }
                ids.push(id);
            }
        }
        ids.push(self.sep);
        ids
    }

    fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c == '\0' || c == '\u{fffd}' || is_control(c) {
                continue;
            }
            if is_whitespace(c) {
                out.push(' ');
            } else if is_cjk(c) {
                out.push(' ');
                out.push(c);
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        if !self.lowercase {
            return out;
        }
        // BertNormalizer with strip_accents unset follows lowercase: NFD, drop nonspacing marks.
        out.nfd()
            .filter(|c| c.general_category() != GeneralCategory::NonspacingMark)
            .collect::<String>()
            .to_lowercase()
    }

    fn word_piece(&self, word: &str) -> Vec<u32> {
        if word.chars().count() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut candidate = String::with_capacity(word.len() + 2);
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while start < end {
                candidate.clear();
                if start > 0 {
                    candidate.push_str("##");
                }
                candidate.push_str(&word[start..end]);
                if let Some(&id) = self.vocab.get(&candidate) {
                    found = Some(id);
                    break;
                }
                end = word[..end].char_indices().next_back().map_or(start, |(i, _)| i);
            }
            match found {
                Some(id) => pieces.push(id),
                None => return vec![self.unk],
            }
            start = end;
        }
        pieces
    }
}

/// Whitespace-separated words with every punctuation character split off on its own.
fn pre_tokenize(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ').filter(|w| !w.is_empty()).flat_map(|word| {
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in word.char_indices() {
            if is_punctuation(c) {
                if start < i {
                    parts.push(&word[start..i]);
                }
                parts.push(&word[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < word.len() {
            parts.push(&word[start..]);
        }
        parts
    })
}

fn is_whitespace(c: char) -> bool {
    c.is_whitespace()
}

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
            | GeneralCategory::Unassigned
    )
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || c.general_category_group() == GeneralCategoryGroup::Punctuation
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Tokenizer {
        let vocab: Vec<&str> = vec![
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "i", "built", "api", "##s", "in", "rust", ",", "!", "cafe",
            "un", "##aff", "##able",
        ];
        let vocab: serde_json::Map<String, serde_json::Value> =
            vocab.iter().enumerate().map(|(i, t)| (t.to_string(), serde_json::json!(i))).collect();
        let json = serde_json::json!({
            "normalizer": {"type": "BertNormalizer", "lowercase": true},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": vocab}
        });
        Tokenizer::from_json(&json.to_string()).unwrap()
    }

    #[test]
    fn splits_words_punctuation_and_pieces() {
        let t = tiny();
        assert_eq!(t.encode("I built APIs, in Rust!", 64), vec![2, 4, 5, 6, 7, 10, 8, 9, 11, 3]);
        assert_eq!(t.encode("unaffable Café", 64), vec![2, 13, 14, 15, 12, 3]);
        assert_eq!(t.encode("xyz", 64), vec![2, 1, 3]);
    }

    #[test]
    fn truncates_to_the_budget_and_keeps_the_markers() {
        let t = tiny();
        let ids = t.encode(&"rust ".repeat(500), 8);
        assert_eq!(ids.len(), 8);
        assert_eq!((ids[0], ids[7]), (2, 3));
        assert_eq!(t.encode("", 8), vec![2, 3]);
    }

    #[test]
    fn drops_control_characters() {
        assert_eq!(tiny().encode("rust\u{0}\u{200b}\u{7}", 16), vec![2, 9, 3]);
    }
}
