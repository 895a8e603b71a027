//! Keyset pagination: opaque page tokens that carry the last (slug, id) seen.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

pub const DEFAULT_PAGE_SIZE: usize = 50;
pub const MAX_PAGE_SIZE: usize = 500;

/// Where a page starts: after this (slug, id) in listing order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(rename = "s")]
    pub slug: String,
    #[serde(rename = "i")]
    pub id: String,
    /// Fingerprint of the filter the token was issued for; a token is only valid with it.
    #[serde(rename = "f")]
    pub filter: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("page_size must be between 1 and {MAX_PAGE_SIZE}, got {0}")]
    Size(i64),
    #[error("page_token is malformed")]
    Token,
    #[error("page_token was issued for different filters")]
    FilterChanged,
}

/// A validated page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSpec {
    pub size: usize,
    pub after: Option<Cursor>,
}

impl PageSpec {
    /// Validates a requested size (`None`: the default) and token against `filter`'s fingerprint.
    pub fn parse(size: Option<i64>, token: &str, filter: u64) -> Result<Self, PageError> {
        let size = match size {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if (1..=MAX_PAGE_SIZE as i64).contains(&n) => n as usize,
            Some(n) => return Err(PageError::Size(n)),
        };
        let after = if token.is_empty() {
            None
        } else {
            let cursor = Cursor::decode(token)?;
            if cursor.filter != filter {
                return Err(PageError::FilterChanged);
            }
            Some(cursor)
        };
        Ok(Self { size, after })
    }
}

impl Cursor {
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    pub fn decode(token: &str) -> Result<Self, PageError> {
        if token.len() > 2048 {
            return Err(PageError::Token);
        }
        let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| PageError::Token)?;
        serde_json::from_slice(&bytes).map_err(|_| PageError::Token)
    }
}

/// A stable fingerprint (FNV-1a) of the strings that define a listing.
pub(crate) fn fingerprint(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_tokens() {
        assert_eq!(PageSpec::parse(None, "", 1).expect("default").size, DEFAULT_PAGE_SIZE);
        assert_eq!(PageSpec::parse(Some(0), "", 1), Err(PageError::Size(0)));
        assert_eq!(PageSpec::parse(Some(100_000), "", 1), Err(PageError::Size(100_000)));
        assert_eq!(PageSpec::parse(Some(10), "not a token!", 1), Err(PageError::Token));
        let c = Cursor { slug: "a".into(), id: "b".into(), filter: 7 };
        let token = c.encode();
        assert_eq!(PageSpec::parse(Some(10), &token, 7).expect("ok").after, Some(c));
        assert_eq!(PageSpec::parse(Some(10), &token, 8), Err(PageError::FilterChanged));
    }
}
