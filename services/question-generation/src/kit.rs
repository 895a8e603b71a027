//! An interview kit (`nexushr_domain::kit`) rendered as a print-friendly Markdown page, in the
//! kit's language.

use std::fmt::Write;

use nexushr_domain::kit::{Kit, Probe};

/// The kit as a Markdown page.
pub fn to_markdown(kit: &Kit) -> String {
    let l = Labels::of(&kit.language);
    let mut md = String::new();
    let _ = writeln!(md, "# {}: {}\n", l.title, kit.role_title);

    if !kit.covered_requirements.is_empty() {
        let _ = writeln!(md, "**{}:** {}\n", l.covers, kit.covered_requirements.join(", "));
    }
    if !kit.uncovered_requirements.is_empty() {
        let _ = writeln!(md, "**{}:** {}\n", l.not_covered, kit.uncovered_requirements.join(", "));
    }
    if !kit.gaps.is_empty() {
        let _ = writeln!(md, "**{}:** {}\n", l.gaps, kit.gaps.join(", "));
    }
    let _ = writeln!(md, "{}\n", l.scale);
    for q in &kit.questions {
        let _ = writeln!(md, "## {}. {}\n", q.rank, q.text);
        // An achievement outside the role's areas still says what it is (R23: "missing the
        // area tag"): its kind of work ("Migration", "Security tooling rollout"), not
        // "Headline achievement", which reviewers read as a competency (R42).
        let headline = (q.probe == Probe::ClaimCheck).then(|| {
            q.question
                .id
                .strip_prefix("claim-")
                .and_then(|kind| crate::claims::Claims::bundled().kind_label(kind, l.lang))
                .unwrap_or(l.headline)
        });
        if let Some(name) = q.target.as_ref().map(|(_, name)| name.as_str()).or(headline) {
            let _ = writeln!(md, "*{name} · {}*\n", l.mode(q.question.mode));
        }
        let _ = writeln!(md, "**{}:** {}", l.why, q.rationale);
        for e in &q.evidence {
            if let Some(span) = e.resume.as_ref().filter(|s| !s.text.is_empty()) {
                let _ = writeln!(md, "- {}: \"{}\"", l.resume, span.text);
            }
            if let Some(r) = &e.requirement {
                let _ = writeln!(md, "- {}: {r}", l.role);
            }
        }
        let rubric = &q.question.rubric;
        if !rubric.points.is_empty() {
            let _ = writeln!(md, "\n**{}:**", l.points);
            for p in &rubric.points {
                let _ = writeln!(md, "- {p}");
            }
        }
        let _ = writeln!(md, "\n**4 · {}:** {}", l.strong, rubric.strong);
        let _ = writeln!(md, "**3 · {}:** {}", l.acceptable, rubric.acceptable);
        let _ = writeln!(md, "**2 · {}:** {}", l.weak, rubric.weak);
        let _ = writeln!(md, "**1:** {}\n", l.one);
        if !q.question.follow_ups.is_empty() {
            let _ = writeln!(md, "{}:", l.follow_ups);
            for f in &q.question.follow_ups {
                let _ = writeln!(md, "- {f}");
            }
            md.push('\n');
        }
    }
    // For support, not for the interviewer: which kit this is and what made it.
    let _ = writeln!(
        md,
        "<sub>Kit {} · {} · bank {}, model {}, ranker {}</sub>",
        kit.id,
        kit.signals.join(", "),
        kit.versions.bank,
        kit.versions.model,
        kit.versions.ranker
    );
    md
}

/// The kit page's words in its language.
struct Labels {
    /// Index into [`crate::areas::LANGUAGES`].
    lang: usize,
    title: &'static str,
    covers: &'static str,
    not_covered: &'static str,
    gaps: &'static str,
    scale: &'static str,
    why: &'static str,
    resume: &'static str,
    role: &'static str,
    points: &'static str,
    strong: &'static str,
    acceptable: &'static str,
    weak: &'static str,
    one: &'static str,
    follow_ups: &'static str,
    /// What a claim outside the role's areas is.
    headline: &'static str,
}

impl Labels {
    /// How a question asks, in the kit's language.
    fn mode(&self, mode: crate::bank::Mode) -> &'static str {
        use crate::bank::Mode;
        let i = match mode {
            Mode::Concept => 0,
            Mode::Scenario => 1,
            Mode::Experience => 2,
            Mode::Design => 3,
        };
        [
            ["concept", "scenario", "experience", "design"],
            ["conceito", "cenário", "experiência", "design"],
            ["concepto", "escenario", "experiencia", "diseño"],
        ][self.lang][i]
    }

    fn of(language: &str) -> Self {
        match crate::areas::language_index(language).unwrap_or(0) {
            1 => Labels {
                lang: 1,
                title: "Roteiro de entrevista",
                covers: "Cobre",
                not_covered: "Fica para outra etapa",
                gaps: "Requisitos que o currículo não mostra",
                scale: "Pontue cada resposta de 1 a 4 com a rubrica da pergunta.",
                why: "Por quê",
                resume: "Currículo",
                role: "Vaga",
                points: "Uma resposta forte cobre",
                strong: "forte",
                acceptable: "aceitável",
                weak: "fraca",
                one: "não responde à pergunta ou erra o básico.",
                follow_ups: "Perguntas de aprofundamento",
                headline: "Conquista em destaque",
            },
            2 => Labels {
                lang: 2,
                title: "Guía de entrevista",
                covers: "Cubre",
                not_covered: "Queda para otra etapa",
                gaps: "Requisitos que el currículum no muestra",
                scale: "Califica cada respuesta de 1 a 4 con la rúbrica de la pregunta.",
                why: "Por qué",
                resume: "Currículum",
                role: "Puesto",
                points: "Una respuesta sólida cubre",
                strong: "sólida",
                acceptable: "aceptable",
                weak: "débil",
                one: "no responde la pregunta o falla en lo básico.",
                follow_ups: "Preguntas de seguimiento",
                headline: "Logro destacado",
            },
            _ => Labels {
                lang: 0,
                title: "Interview kit",
                covers: "Covers",
                not_covered: "Left for another interview",
                gaps: "Requirements the resume does not show",
                scale: "Score each answer from 1 to 4 with the question's rubric.",
                why: "Why",
                resume: "Resume",
                role: "Role",
                points: "A strong answer covers",
                strong: "strong",
                acceptable: "acceptable",
                weak: "weak",
                one: "does not answer the question, or is wrong on the basics.",
                follow_ups: "Follow-ups",
                headline: "Headline achievement",
            },
        }
    }
}
