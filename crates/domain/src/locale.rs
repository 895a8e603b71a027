//! Locales and the fallback chain used to pick translated text.

use crate::ValidationError;

/// A BCP 47 language tag as the catalog uses it: `en`, `pt-BR`, `es-MX`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Locale(String);

impl Locale {
    pub const DEFAULT: &'static str = "en";

    /// Parses and canonicalizes a tag (`pt_br` → `pt-BR`). The empty string is `en`.
    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        if s.is_empty() {
            return Ok(Self(Self::DEFAULT.into()));
        }
        let mut parts = s.split(['-', '_']);
        let lang = parts.next().unwrap_or_default();
        let region = parts.next();
        let valid_lang = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_alphabetic());
        let valid_region = region.is_none_or(|r| {
            (r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
                || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
        });
        if !valid_lang || !valid_region || parts.next().is_some() {
            return Err(ValidationError::new(
                "locale",
                format!("{s:?} is not a language tag like en, pt-BR or es-MX"),
            ));
        }
        Ok(Self(match region {
            Some(r) => format!("{}-{}", lang.to_ascii_lowercase(), r.to_ascii_uppercase()),
            None => lang.to_ascii_lowercase(),
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The tags to try in order: the tag itself, its language, then `en`.
    pub fn fallback_chain(&self) -> Vec<String> {
        let mut chain = vec![self.0.clone()];
        if self.language() != self.0 {
            chain.push(self.language().to_string());
        }
        if self.language() != Self::DEFAULT {
            chain.push(Self::DEFAULT.to_string());
        }
        chain
    }
}

impl Default for Locale {
    fn default() -> Self {
        Self(Self::DEFAULT.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalizes_and_falls_back() {
        let l = Locale::parse("pt_br").expect("valid tag");
        assert_eq!(l.as_str(), "pt-BR");
        assert_eq!(l.fallback_chain(), ["pt-BR", "pt", "en"]);
        assert_eq!(Locale::parse("").expect("empty is en").fallback_chain(), ["en"]);
        assert_eq!(Locale::parse("es-419").expect("numeric region").as_str(), "es-419");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["e", "english", "pt-BRA", "pt-BR-x", "1234", "pt-"] {
            assert!(Locale::parse(bad).is_err(), "{bad}");
        }
    }
}
