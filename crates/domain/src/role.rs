//! The role model: every field of a NexusHR role page, standard ids and dated salary bands.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{Locale, TenantId, ValidationError, iso};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Demand {
    #[default]
    Unspecified,
    Low,
    Moderate,
    High,
    VeryHigh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillKind {
    #[default]
    Skill,
    Knowledge,
    Tool,
    Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    #[default]
    Unspecified,
    Intern,
    Junior,
    Mid,
    Senior,
    Staff,
    Principal,
    Manager,
    Executive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    Hour,
    #[default]
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Skill {
    pub name: String,
    #[serde(default)]
    pub taxonomy_id: String,
    #[serde(default)]
    pub kind: SkillKind,
    #[serde(default)]
    pub essential: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StandardIds {
    #[serde(default)]
    pub onet_soc: String,
    #[serde(default)]
    pub isco08: String,
    #[serde(default)]
    pub esco_uri: String,
}

/// A salary band; amounts are in minor units of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalaryBand {
    pub country: String,
    pub currency: String,
    pub min_minor: i64,
    pub max_minor: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p10_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p25_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p50_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p75_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p90_minor: Option<i64>,
    pub period: PayPeriod,
    pub as_of: NaiveDate,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CareerLevel {
    pub order: i32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_slug: Option<String>,
    #[serde(default)]
    pub seniority: Seniority,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// Translated text of a role; empty fields fall back along the locale chain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalizedText {
    pub title: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub requirements: Vec<String>,
    pub day_in_the_life: String,
    pub faq: Vec<Faq>,
    pub interview_questions: Vec<String>,
    pub career_path_titles: Vec<String>,
}

/// The fields a client sets; the server owns the rest of [`Role`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleSpec {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub demand: Demand,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub requirements: Vec<String>,
    pub skills: Vec<Skill>,
    pub day_in_the_life: String,
    pub career_path: Vec<CareerLevel>,
    pub top_tools: Vec<String>,
    pub faq: Vec<Faq>,
    pub interview_questions: Vec<String>,
    pub standard_ids: StandardIds,
    pub salary_bands: Vec<SalaryBand>,
    /// Text per locale other than `en` (the fields above are `en`).
    pub localized: BTreeMap<String, LocalizedText>,
}

/// A stored role: the spec plus identity, ownership and concurrency metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    /// The owning tenant of a private role; `None` for a global role.
    pub tenant: Option<TenantId>,
    pub spec: RoleSpec,
    /// Starts at 1 and grows by one on every update.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Role {
    /// A new role at version 1 with a fresh time-ordered id.
    pub fn new(spec: RoleSpec, tenant: Option<TenantId>, now: DateTime<Utc>) -> Self {
        Self {
            id: uuid::Uuid::now_v7().to_string(),
            tenant,
            spec,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    /// The entity tag clients send back to update: changes with every version.
    pub fn etag(&self) -> String {
        format!("W/\"{}-{}\"", self.id, self.version)
    }

    /// A copy with the translatable text in `locale`, falling back field by field.
    /// Returns the copy and the locale most of its text came from.
    pub fn localized(&self, locale: &Locale) -> (Role, String) {
        let mut out = self.clone();
        let chain = locale.fallback_chain();
        let Some((tag, text)) =
            chain.iter().find_map(|tag| self.spec.localized.get(tag).map(|t| (tag.clone(), t)))
        else {
            return (out, Locale::DEFAULT.to_string());
        };
        let s = &mut out.spec;
        replace_if_set(&mut s.title, &text.title);
        replace_if_set(&mut s.summary, &text.summary);
        replace_if_set(&mut s.responsibilities, &text.responsibilities);
        replace_if_set(&mut s.requirements, &text.requirements);
        replace_if_set(&mut s.day_in_the_life, &text.day_in_the_life);
        replace_if_set(&mut s.faq, &text.faq);
        replace_if_set(&mut s.interview_questions, &text.interview_questions);
        if text.career_path_titles.len() == s.career_path.len() {
            for (level, title) in s.career_path.iter_mut().zip(&text.career_path_titles) {
                replace_if_set(&mut level.title, title);
            }
        }
        (out, tag)
    }

    /// Lower-case words a lexical search matches: title, skills, tools and summary.
    pub fn search_text(&self) -> String {
        let s = &self.spec;
        let mut text = format!("{} {} {}", s.title, s.slug, s.summary);
        for skill in &s.skills {
            text.push(' ');
            text.push_str(&skill.name);
        }
        for tool in &s.top_tools {
            text.push(' ');
            text.push_str(tool);
        }
        for l in s.localized.values() {
            text.push(' ');
            text.push_str(&l.title);
        }
        text.to_lowercase()
    }

    /// Keys a skill filter matches: lower-case names and taxonomy ids.
    pub fn skill_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .spec
            .skills
            .iter()
            .flat_map(|s| [s.name.to_lowercase(), s.taxonomy_id.to_lowercase()])
            .chain(self.spec.top_tools.iter().map(|t| t.to_lowercase()))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Countries with salary data.
    pub fn countries(&self) -> Vec<String> {
        let mut c: Vec<String> = self.spec.salary_bands.iter().map(|b| b.country.clone()).collect();
        c.sort();
        c.dedup();
        c
    }
}

fn replace_if_set<T: Clone + IsEmpty>(target: &mut T, value: &T) {
    if !value.is_empty() {
        *target = value.clone();
    }
}

trait IsEmpty {
    fn is_empty(&self) -> bool;
}
impl IsEmpty for String {
    fn is_empty(&self) -> bool {
        String::is_empty(self)
    }
}
impl<T> IsEmpty for Vec<T> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

/// Upper bounds that keep one role (and so one request) small.
pub mod limits {
    pub const SHORT_TEXT: usize = 200;
    pub const LONG_TEXT: usize = 10_000;
    pub const LIST_ITEMS: usize = 200;
    pub const SALARY_BANDS: usize = 300;
    pub const LOCALES: usize = 50;
}

/// Turns a title into a slug: `Backend Developer` → `backend-developer`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = deaccent(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug.truncate(limits::SHORT_TEXT);
    slug
}

/// The unaccented letter of a Portuguese or Spanish accented lower-case letter.
pub fn deaccent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

fn check_text(field: &str, value: &str, max: usize, required: bool) -> Result<(), ValidationError> {
    if required && value.trim().is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(ValidationError::new(field, format!("must be at most {max} characters")));
    }
    Ok(())
}

fn check_list(field: &str, items: &[String], max_len: usize) -> Result<(), ValidationError> {
    if items.len() > limits::LIST_ITEMS {
        return Err(ValidationError::new(field, format!("must have at most {} items", limits::LIST_ITEMS)));
    }
    for (i, item) in items.iter().enumerate() {
        check_text(&format!("{field}[{i}]"), item, max_len, true)?;
    }
    Ok(())
}

impl SalaryBand {
    pub fn validate(&self, field: &str) -> Result<(), ValidationError> {
        if !iso::is_country(&self.country) {
            return Err(ValidationError::new(
                format!("{field}.country"),
                format!("{:?} is not an ISO 3166-1 alpha-2 code", self.country),
            ));
        }
        if !iso::is_currency(&self.currency) {
            return Err(ValidationError::new(
                format!("{field}.currency"),
                format!("{:?} is not an ISO 4217 currency code", self.currency),
            ));
        }
        if self.min_minor < 0 {
            return Err(ValidationError::new(format!("{field}.min_minor"), "must not be negative"));
        }
        if self.min_minor > self.max_minor {
            return Err(ValidationError::new(
                format!("{field}.min_minor"),
                format!("{} is above max_minor {}", self.min_minor, self.max_minor),
            ));
        }
        let pcts = [
            ("p10_minor", self.p10_minor),
            ("p25_minor", self.p25_minor),
            ("p50_minor", self.p50_minor),
            ("p75_minor", self.p75_minor),
            ("p90_minor", self.p90_minor),
        ];
        let mut prev: Option<i64> = None;
        for (name, value) in pcts {
            let Some(v) = value else { continue };
            if v < 0 {
                return Err(ValidationError::new(format!("{field}.{name}"), "must not be negative"));
            }
            if prev.is_some_and(|p| v < p) {
                return Err(ValidationError::new(format!("{field}.{name}"), "percentiles must not decrease"));
            }
            prev = Some(v);
        }
        check_text(&format!("{field}.source"), &self.source, limits::SHORT_TEXT, false)
    }
}

impl RoleSpec {
    /// Checks every field; the error names the first offending field under `role.`.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_text("role.title", &self.title, limits::SHORT_TEXT, true)?;
        check_text("role.slug", &self.slug, limits::SHORT_TEXT, true)?;
        if slugify(&self.slug) != self.slug {
            return Err(ValidationError::new(
                "role.slug",
                "must be lower-case letters, digits and single hyphens",
            ));
        }
        check_text("role.category", &self.category, limits::SHORT_TEXT, true)?;
        check_text("role.summary", &self.summary, limits::LONG_TEXT, false)?;
        check_text("role.day_in_the_life", &self.day_in_the_life, limits::LONG_TEXT, false)?;
        check_list("role.responsibilities", &self.responsibilities, limits::LONG_TEXT)?;
        check_list("role.requirements", &self.requirements, limits::LONG_TEXT)?;
        check_list("role.top_tools", &self.top_tools, limits::SHORT_TEXT)?;
        check_list("role.interview_questions", &self.interview_questions, limits::LONG_TEXT)?;
        if self.skills.len() > limits::LIST_ITEMS {
            return Err(ValidationError::new("role.skills", "too many skills"));
        }
        for (i, s) in self.skills.iter().enumerate() {
            check_text(&format!("role.skills[{i}].name"), &s.name, limits::SHORT_TEXT, true)?;
            check_text(&format!("role.skills[{i}].taxonomy_id"), &s.taxonomy_id, limits::SHORT_TEXT, false)?;
        }
        if self.career_path.len() > limits::LIST_ITEMS {
            return Err(ValidationError::new("role.career_path", "too many levels"));
        }
        for (i, level) in self.career_path.iter().enumerate() {
            check_text(&format!("role.career_path[{i}].title"), &level.title, limits::SHORT_TEXT, true)?;
            if level.order != i as i32 {
                return Err(ValidationError::new(
                    format!("role.career_path[{i}].order"),
                    format!("must be {i}: levels are listed in ladder order from 0"),
                ));
            }
        }
        if self.faq.len() > limits::LIST_ITEMS {
            return Err(ValidationError::new("role.faq", "too many entries"));
        }
        for (i, f) in self.faq.iter().enumerate() {
            check_text(&format!("role.faq[{i}].question"), &f.question, limits::LONG_TEXT, true)?;
            check_text(&format!("role.faq[{i}].answer"), &f.answer, limits::LONG_TEXT, true)?;
        }
        check_text("role.standard_ids.onet_soc", &self.standard_ids.onet_soc, 16, false)?;
        if !self.standard_ids.onet_soc.is_empty() && !is_onet_soc(&self.standard_ids.onet_soc) {
            return Err(ValidationError::new("role.standard_ids.onet_soc", "must look like 15-1252.00"));
        }
        let isco = &self.standard_ids.isco08;
        if !(isco.is_empty() || (isco.len() <= 4 && isco.bytes().all(|b| b.is_ascii_digit()))) {
            return Err(ValidationError::new("role.standard_ids.isco08", "must be 1-4 digits"));
        }
        check_text("role.standard_ids.esco_uri", &self.standard_ids.esco_uri, limits::SHORT_TEXT, false)?;
        if self.salary_bands.len() > limits::SALARY_BANDS {
            return Err(ValidationError::new("role.salary_bands", "too many bands"));
        }
        for (i, b) in self.salary_bands.iter().enumerate() {
            b.validate(&format!("role.salary_bands[{i}]"))?;
        }
        if self.localized.len() > limits::LOCALES {
            return Err(ValidationError::new("role.localized", "too many locales"));
        }
        for (tag, text) in &self.localized {
            let field = format!("role.localized[{tag}]");
            let parsed = Locale::parse(tag).map_err(|e| ValidationError::new(&field, e.reason))?;
            if parsed.as_str() != tag {
                return Err(ValidationError::new(&field, format!("write the tag as {}", parsed.as_str())));
            }
            check_text(&format!("{field}.title"), &text.title, limits::SHORT_TEXT, false)?;
            check_text(&format!("{field}.summary"), &text.summary, limits::LONG_TEXT, false)?;
            check_text(&format!("{field}.day_in_the_life"), &text.day_in_the_life, limits::LONG_TEXT, false)?;
        }
        Ok(())
    }
}

fn is_onet_soc(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b[2] == b'-'
        && b[7] == b'.'
        && b.iter().enumerate().all(|(i, c)| matches!(i, 2 | 7) || c.is_ascii_digit())
}

/// The fields of a role an update mask may name.
pub const UPDATABLE_FIELDS: &[&str] = &[
    "slug",
    "title",
    "category",
    "demand",
    "summary",
    "responsibilities",
    "requirements",
    "skills",
    "day_in_the_life",
    "career_path",
    "top_tools",
    "faq",
    "interview_questions",
    "standard_ids",
    "salary_bands",
    "localized",
];

impl RoleSpec {
    /// Copies the fields named in `mask` from `patch` into `self`.
    pub fn apply_mask(&mut self, patch: &RoleSpec, mask: &[String]) -> Result<(), ValidationError> {
        if mask.is_empty() {
            return Err(ValidationError::new("update_mask", "must name at least one field"));
        }
        for path in mask {
            match path.as_str() {
                "slug" => self.slug = patch.slug.clone(),
                "title" => self.title = patch.title.clone(),
                "category" => self.category = patch.category.clone(),
                "demand" => self.demand = patch.demand,
                "summary" => self.summary = patch.summary.clone(),
                "responsibilities" => self.responsibilities = patch.responsibilities.clone(),
                "requirements" => self.requirements = patch.requirements.clone(),
                "skills" => self.skills = patch.skills.clone(),
                "day_in_the_life" => self.day_in_the_life = patch.day_in_the_life.clone(),
                "career_path" => self.career_path = patch.career_path.clone(),
                "top_tools" => self.top_tools = patch.top_tools.clone(),
                "faq" => self.faq = patch.faq.clone(),
                "interview_questions" => self.interview_questions = patch.interview_questions.clone(),
                "standard_ids" => self.standard_ids = patch.standard_ids.clone(),
                "salary_bands" => self.salary_bands = patch.salary_bands.clone(),
                "localized" => self.localized = patch.localized.clone(),
                other => {
                    return Err(ValidationError::new(
                        "update_mask",
                        format!("unknown field {other:?}; updatable fields: {}", UPDATABLE_FIELDS.join(", ")),
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band() -> SalaryBand {
        SalaryBand {
            country: "BR".into(),
            currency: "BRL".into(),
            min_minor: 1_000_000,
            max_minor: 1_800_000,
            p10_minor: None,
            p25_minor: None,
            p50_minor: None,
            p75_minor: None,
            p90_minor: None,
            period: PayPeriod::Month,
            as_of: NaiveDate::from_ymd_opt(2026, 6, 22).expect("valid date"),
            source: "seed".into(),
        }
    }

    fn spec() -> RoleSpec {
        RoleSpec {
            slug: "backend-developer".into(),
            title: "Backend Developer".into(),
            category: "Technology".into(),
            salary_bands: vec![band()],
            ..Default::default()
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Backend Developer"), "backend-developer");
        assert_eq!(slugify("  ICT / Security -- Engineer! "), "ict-security-engineer");
        assert_eq!(slugify("Desenvolvedor Júnior"), "desenvolvedor-junior");
    }

    #[test]
    fn validation_names_the_field() {
        assert!(spec().validate().is_ok());
        let mut s = spec();
        s.title = " ".into();
        assert_eq!(s.validate().unwrap_err().field, "role.title");
        let mut s = spec();
        s.salary_bands[0].currency = "ZZZ".into();
        assert_eq!(s.validate().unwrap_err().field, "role.salary_bands[0].currency");
        let mut s = spec();
        s.salary_bands[0].min_minor = 2_000_000;
        assert_eq!(s.validate().unwrap_err().field, "role.salary_bands[0].min_minor");
        let mut s = spec();
        s.slug = "Not A Slug".into();
        assert_eq!(s.validate().unwrap_err().field, "role.slug");
    }

    #[test]
    fn masks() {
        let mut s = spec();
        let mut patch = spec();
        patch.title = "API Engineer".into();
        patch.summary = "ignored".into();
        s.apply_mask(&patch, &["title".into()]).expect("known field");
        assert_eq!(s.title, "API Engineer");
        assert_eq!(s.summary, "");
        let err = s.apply_mask(&patch, &["salary".into()]).unwrap_err();
        assert_eq!(err.field, "update_mask");
        assert!(err.reason.contains("salary"));
    }

    #[test]
    fn localization_falls_back_per_field() {
        let mut s = spec();
        s.summary = "English summary".into();
        s.localized.insert(
            "pt-BR".into(),
            LocalizedText { title: "Desenvolvedor Backend".into(), ..Default::default() },
        );
        let role = Role::new(s, None, Utc::now());
        let (pt, tag) = role.localized(&Locale::parse("pt-BR").expect("tag"));
        assert_eq!(tag, "pt-BR");
        assert_eq!(pt.spec.title, "Desenvolvedor Backend");
        assert_eq!(pt.spec.summary, "English summary");
        let (fr, tag) = role.localized(&Locale::parse("fr").expect("tag"));
        assert_eq!((fr.spec.title.as_str(), tag.as_str()), ("Backend Developer", "en"));
    }
}
