//! A resume as a kit is made from it: skills with the resume text that shows them, and claims
//! (work highlights) with their employer, certifications and the resume's language, all with
//! byte spans into the resume text. Question generation builds it from the resume contract
//! (`ParsedResume`) at its edge only, so the CLI and the services rank the same resume the same
//! way.

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CandidateSkill {
    pub id: String,
    pub name: String,
    /// The line of the resume that mentions it first.
    pub evidence: Span,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Claim {
    pub employer: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub span: Span,
    /// Skills the claim names.
    pub skill_ids: Vec<String>,
    /// The line is a whole sentence as the resume wrote it, not a piece of a bullet the
    /// resume wrapped onto the next line (only a whole one is quoted in a question).
    #[serde(default)]
    pub whole: bool,
    /// Whole years since the job it is from ended (0 for a current job); None when the resume
    /// gave no end.
    #[serde(default)]
    pub years_ago: Option<u16>,
    /// The line is from the resume's projects section, and `employer` is the project's name: a
    /// question says "in your SpazaStock project", not "at SpazaStock".
    #[serde(default)]
    pub project: bool,
}

/// How many years after its job ended a line is early-career work: a kit asks about it only
/// when the resume has nothing newer that fits (R34, R35: a nine-year senior asked about a
/// graduate-era rewrite, a lead about 2014 test documentation, a DevOps engineer about the
/// Jenkins of 2014-2019 over today's GitHub Actions).
const STALE_YEARS: u16 = 6;

impl Claim {
    /// Whether the line is work from long ago (`STALE_YEARS`).
    pub fn stale(&self) -> bool {
        self.years_ago.is_some_and(|y| y >= STALE_YEARS)
    }

    /// A whole achievement line without title or skills (tests and examples).
    pub fn line(employer: Option<&str>, text: &str) -> Self {
        Claim {
            employer: employer.map(str::to_string),
            title: None,
            text: text.to_string(),
            span: Span { start: 0, end: text.len(), text: text.to_string() },
            skill_ids: Vec::new(),
            whole: true,
            years_ago: None,
            project: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    pub skills: Vec<CandidateSkill>,
    pub claims: Vec<Claim>,
    pub total_months: i32,
    /// 0 junior, 1 mid, 2 senior and above.
    pub level: Option<u8>,
    /// The resume's language ("en", "pt", "es"; empty when unknown): the kit's by default.
    #[serde(default)]
    pub language: String,
    /// Certifications as the resume names them.
    #[serde(default)]
    pub certifications: Vec<Span>,
    /// The lines of the resume's skills section as written, tools the taxonomy does not know
    /// included ("Outros: ITIL v4, LGPD"): what the kit header counts as shown, with the skills.
    #[serde(default)]
    pub listed: Vec<Span>,
    /// Where the candidate lives, as an ISO 3166-1 alpha-2 code ("MX", "CO"; empty when the
    /// resume does not tell): a scenario set under one country's law is asked only there.
    #[serde(default)]
    pub country: String,
}

impl Candidate {
    pub fn has_skill(&self, id: &str) -> bool {
        self.skills.iter().any(|s| s.id == id)
    }

    pub fn skill(&self, id: &str) -> Option<&CandidateSkill> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// Whether the resume shows leading people or a team's practice: a lead title (tech lead,
    /// staff, principal, head, manager, in any of the three languages) or an achievement that
    /// starts by leading, mentoring or coordinating people.
    pub fn leads(&self) -> bool {
        const TITLES: &[&str] = &[
            "lead",
            "líder",
            "lider",
            "staff",
            "principal",
            "head",
            "manager",
            "gerente",
            "coordenador",
            "coordinador",
            "chefe",
            "jefe",
            "director",
            "diretor",
            "architect",
            "arquitet",
        ];
        const VERBS: &[&str] = &[
            "led", "lead", "mentor", "coach", "lider", "lideré", "liderei", "coorden", "coordin", "manag",
            "gerenci", "dirigí", "hired", "contrat",
        ];
        let lower_words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
        };
        self.claims.iter().any(|c| {
            c.title
                .as_deref()
                .is_some_and(|t| lower_words(t).iter().any(|w| TITLES.iter().any(|p| w.starts_with(p))))
                || lower_words(&c.text).first().is_some_and(|w| VERBS.iter().any(|v| w.starts_with(v)))
        })
    }

    /// Whether the resume shows mentoring or onboarding people. Not "junior" or "onboarding"
    /// alone: "Junior data scientist", "onboarding emails" (R30).
    pub fn mentors(&self) -> bool {
        const WORDS: &[&str] = &[
            "mentor",
            "coach",
            "onboarded",
            "new hires",
            "estagiári",
            "becari",
            "interns",
            "treinei",
            "capacitei",
        ];
        self.claims.iter().any(|c| {
            let lower = c.text.to_lowercase();
            WORDS.iter().any(|w| lower.contains(w))
        })
    }

    /// Whether the resume's work spans several teams: an achievement that names teams, squads or
    /// departments in the plural ("adopted by 12 squads", "com os times de produto", "entre
    /// áreas"). A cross-team story presumes it (or leading, which the caller checks).
    pub fn works_across_teams(&self) -> bool {
        const PLURALS: &[&str] = &[
            "teams",
            "squads",
            "departments",
            "tribes",
            "equipes",
            "equipos",
            "áreas",
            "departamentos",
            "tribos",
            "tribus",
            "cross-team",
            "cross-functional",
        ];
        // Portuguese "times" are teams; English "times" are not ("load times").
        let portuguese = self.language.starts_with("pt");
        self.claims.iter().any(|c| {
            let mut previous = "";
            c.text.split(|ch: char| !(ch.is_alphanumeric() || ch == '-')).any(|w| {
                // "Microsoft Teams" is an app.
                let app = w == "Teams" && previous.eq_ignore_ascii_case("microsoft");
                previous = w;
                !app && (PLURALS.iter().any(|p| w.eq_ignore_ascii_case(p)) || (portuguese && w == "times"))
            })
        })
    }

    /// The texts embedded for ranking: one per claim, then one per skill line.
    pub fn texts(&self) -> Vec<String> {
        self.claims
            .iter()
            .map(|c| c.text.clone())
            .chain(self.skills.iter().map(|s| s.evidence.text.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_lines(language: &str, lines: &[&str]) -> Candidate {
        Candidate {
            language: language.into(),
            claims: lines.iter().map(|t| Claim::line(None, t)).collect(),
            ..Candidate::default()
        }
    }

    #[test]
    fn work_across_teams_is_read_from_teams_in_the_plural() {
        assert!(with_lines("en", &["Rolled out contract tests adopted by 12 teams"]).works_across_teams());
        assert!(
            with_lines("pt-BR", &["Padronizei os pipelines com os times de produto"]).works_across_teams()
        );
        // English "times" are not teams, nor is Microsoft's app.
        assert!(!with_lines("en", &["Cut page load times by 40% with Next.js"]).works_across_teams());
        assert!(!with_lines("en", &["Integrated the helpdesk with Microsoft Teams"]).works_across_teams());
    }
}
