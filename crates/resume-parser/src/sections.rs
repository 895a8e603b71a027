//! Section headers in English, Brazilian Portuguese and Mexican Spanish.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    Certifications,
    Projects,
    /// Awards, publications, volunteering, interests, references: they end the sections above.
    Other,
}

/// A recognized section: its kind, the header as written, and the byte range of its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    pub header: String,
    pub start: usize,
    pub end: usize,
}

const HEADERS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Summary,
        &[
            "summary",
            "professional summary",
            "profile",
            "about me",
            "about",
            "objective",
            "resumo",
            "resumo profissional",
            "perfil",
            "perfil profissional",
            "sobre mim",
            "objetivo",
            "resumen",
            "resumen profesional",
            "perfil profesional",
            "acerca de mi",
            "sobre mi",
        ],
    ),
    (
        SectionKind::Experience,
        &[
            "experience",
            "work",
            "work experience",
            "professional experience",
            "employment history",
            "work history",
            "employment",
            "experiencia",
            "experiencia profissional",
            "historico profissional",
            "experiencias",
            "experiencia laboral",
            "experiencia profesional",
            "trayectoria profesional",
            "freelance",
            "freelance work",
            "freelancing",
            "trayectoria",
            "trayectoria laboral",
            "trajetoria",
            "professional history",
            "career history",
            "relevant experience",
            "experience and projects",
            "trajetoria profissional",
            "experiencias profissionais",
            "historial laboral",
            "historial profesional",
            "experiencia de trabajo",
            "experiencia relevante",
            // An internship is work (JSON Resume keeps it under `work`); R50's graduate had no
            // work entry under "INTERNSHIP".
            "internship",
            "internships",
            "internship experience",
            "estagio",
            "estagios",
            "experiencia de estagio",
            "practicas profesionales",
            "practicas",
            "residencia profesional",
            // "Career" (R97: a principal architect's prose resume, its jobs read as its summary).
            "career",
            "professional career",
            "carreira",
            "carreira profissional",
            "carrera",
            "carrera profesional",
            // (R100: a senior SRE's "PROFESSIONAL BACKGROUND", no job read.)
            "professional background",
            "work background",
            "employment background",
            "background profissional",
            "antecedentes laborales",
            "antecedentes profesionales",
            // (R101: "Atuação profissional", no job read.)
            "atuacao profissional",
            "atuacao",
        ],
    ),
    (
        SectionKind::Education,
        &[
            "education",
            "academic background",
            "formacao",
            "formacao academica",
            "educacao",
            "escolaridade",
            "educacion",
            "formacion",
            "formacion academica",
            "estudios",
            // (R107: a QA analyst's degree and certificate under "Estudos" read as a job.)
            "estudos",
            "education and training",
            "educacion y formacion",
            "formacao e cursos",
            "formacion y cursos",
            "educacao e formacao",
            "education and certification",
            "education and certifications",
            "education certification",
            "education certifications",
            "formacao e certificacoes",
            "educacion y certificaciones",
        ],
    ),
    (
        SectionKind::Skills,
        &[
            "skills",
            "technical skills",
            "core skills",
            "technologies",
            "habilidades",
            "habilidades tecnicas",
            "competencias",
            "conhecimentos",
            "tecnologias",
            "competencias tecnicas",
            "aptitudes",
            "conocimientos",
            "conhecimentos tecnicos",
            "conocimientos tecnicos",
            "skills and tools",
            "tech stack",
            "key skills",
            "hard skills",
            "skills and expertise",
            "areas of expertise",
            "principais competencias",
            "habilidades e competencias",
            "habilidades y competencias",
            "competencias e habilidades",
            "stack tecnologico",
            "skills proficiency",
            "technical proficiency",
            "professional skills",
            "core competencies",
            "competencies",
            "habilidades tecnicas e ferramentas",
            "technical range",
        ],
    ),
    (SectionKind::Languages, &["languages", "idiomas", "linguas", "lenguas"]),
    (
        SectionKind::Certifications,
        &[
            "certifications",
            "certificates",
            "licenses and certifications",
            "certificacoes",
            "certificados",
            "certificaciones",
            "cursos e certificacoes",
            "certificacoes e cursos",
            "licencias y certificaciones",
            "cursos y certificaciones",
            "certifications and courses",
        ],
    ),
    (
        SectionKind::Projects,
        &[
            "projects",
            "personal projects",
            "open source projects",
            "side projects",
            "selected projects",
            "key projects",
            "academic projects",
            "projects experience",
            "project experience",
            "projetos",
            "projetos pessoais",
            "projetos selecionados",
            "projetos academicos",
            "proyectos",
            "proyectos personales",
            "proyectos destacados",
            "proyectos seleccionados",
            "proyectos academicos",
        ],
    ),
    (
        SectionKind::Other,
        &[
            "awards",
            "honors",
            "awards and honors",
            "publications",
            "volunteer",
            "volunteering",
            "volunteer experience",
            "interests",
            "hobbies",
            "references",
            "premios",
            "premiacoes",
            "publicacoes",
            "voluntariado",
            "interesses",
            "referencias",
            "publicaciones",
            "intereses",
            "reconocimientos",
            "other",
            "additional information",
            "outros",
            "otros",
            "informacoes adicionais",
            "informacion adicional",
        ],
    ),
];

/// Characters resumes start list items with.
pub(crate) const BULLETS: [char; 7] = ['•', '-', '*', '–', '▪', '●', '·'];

/// A text without its web addresses ("Pied Piper http://piedpiper.example.com" → "Pied Piper"):
/// an address beside a name is a link, not part of the name.
pub(crate) fn without_addresses(text: &str) -> String {
    text.split(' ')
        .filter(|w| !(w.starts_with("http") || w.starts_with("www.")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters that start a list item only before a space: "+ Diseñé la arquitectura" is an item
/// (R64: a DBA's "+" items read as one highlight joined by the signs), "+55 11 ..." a phone.
/// (An em dash too: "— Migré la app Android ...", R108: a mobile developer's items read as one.)
const SPACED_BULLETS: [char; 11] = ['+', '>', '◦', '○', '■', '►', '➤', '✓', '✔', '→', '—'];

/// Whether a line starts with a list bullet or an item's number ("2. Integré ...", R67: the
/// wrapped rest of a numbered item read as an achievement of its own).
pub(crate) fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(BULLETS)
        || t.strip_prefix(SPACED_BULLETS).is_some_and(|r| r.starts_with([' ', '\t']))
        || enumerator(t) > 0
}

/// The length of a number that starts `line` as an item of a numbered list ("1) ", "2. ",
/// "(3) "), up to the capitalised text after it; 0 when the line has none.
pub(crate) fn enumerator(line: &str) -> usize {
    let t = line.trim_start();
    let open = usize::from(t.starts_with('('));
    let digits = t[open..].chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return 0;
    }
    let after = &t[open + digits..];
    let close = after.strip_prefix(')').or(after.strip_prefix('.').filter(|_| open == 0));
    match close {
        Some(rest) if rest.starts_with([' ', '\t']) && rest.trim_start().starts_with(char::is_uppercase) => {
            line.len() - rest.trim_start().len()
        }
        _ => 0,
    }
}

/// A line without its list bullet or item number and surrounding spaces.
pub(crate) fn strip_bullet(line: &str) -> &str {
    let line = line.trim();
    let line = &line[enumerator(line)..];
    let t = line.trim().trim_start_matches(BULLETS).trim();
    match t.strip_prefix(SPACED_BULLETS) {
        Some(rest) if rest.starts_with([' ', '\t']) => rest.trim(),
        _ => t,
    }
}

/// Words a sentence or a name does not end on, in English, Portuguese and Spanish: a line ending in
/// one was wrapped.
pub(crate) const JOINING: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "com", "con", "da", "das", "de", "del", "do", "dos", "e", "el", "em",
    "en", "for", "from", "in", "into", "la", "las", "los", "na", "nas", "no", "nos", "o", "of", "on", "or",
    "para", "pela", "pelo", "por", "the", "to", "um", "uma", "un", "una", "with", "y",
    // ("Designed the booking platform's integration with 40+ airline and hotel suppliers
    // through" / "NDC/XML and REST adapters on Azure.", R97.)
    "through", "across", "via", "between", "about", "than", "using", "sobre", "entre", "sem", "sin",
];

/// Lower case, accents off, punctuation and decoration trimmed.
/// Words come out separated by one space, with none at either end; one allocation (this runs for
/// every line against every vocabulary).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let mut push = |c: char| {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(|c| push(nexushr_domain::deaccent(c)));
        }
    }
    out
}

/// The kind of a line that is a section header on its own.
pub fn header_kind(line: &str) -> Option<SectionKind> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return None;
    }
    // "Work Experience(3)": some layouts print a count after the header.
    let f = fold(t);
    let f = f.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // "2. Experiência", "3) Skills": some layouts number their sections (R53).
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits) && t[digits..].starts_with(['.', ')']);
    let f = if numbered { f.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start() } else { f };
    // "Freelance" is also how some layouts name the employer of a contract job: a header only
    // when marked as one, with a colon or in capitals ("Freelance:", "FREELANCE", R51).
    const MARKED: &[&str] = &["freelance"];
    if MARKED.contains(&f) && !t.ends_with(':') && t.chars().any(char::is_lowercase) {
        return None;
    }
    // (A header in a cell of its own beside its body is the cell's: "Experiência<TAB>Desenvolvedor
    // PHP Pleno".)
    let known = HEADERS.iter().find(|(_, names)| names.contains(&f)).map(|(k, _)| *k);
    // (A phrase with a colon labels what follows it: "Lo que hice:" over a job's bullets, R97.)
    let phrase = || said_as_phrase(f).filter(|_| !(t.ends_with(':') && DID.contains(&f)));
    known.or_else(|| experience_named(f).or_else(phrase).filter(|_| !t.contains('\t')))
}

/// What the candidate did, said as a header ("Lo que hice") or as a job's label ("Lo que hice:").
const DID: &[&str] = &["lo que hice", "o que fiz", "what i did"];

/// A header said as a short phrase about the candidate rather than a section's name: "Onde
/// trabalhei", "Where I've worked", "Dónde he trabajado" (R107: a QA analyst's jobs under "Onde
/// trabalhei" were read as her profile, and neither kit asked anything of her work), "Onde
/// estudei", "Ferramentas que uso", "Herramientas que manejo", "Quem sou".
fn said_as_phrase(folded: &str) -> Option<SectionKind> {
    let words: Vec<&str> = folded.split(' ').collect();
    if words.len() > 5 || folded.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // ("Por onde passei", "Por donde pasé": R111, a DevOps lead's jobs read as his profile.)
    let first = match words.as_slice() {
        ["por", next, ..] => *next,
        _ => words[0],
    };
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    let place = ["where", "onde", "donde", "empresas", "companies", "places", "lugares"].contains(&first);
    let worked = [
        "worked",
        "trabalhei",
        "trabalhado",
        "atuei",
        "trabaje",
        "trabajado",
        "labore",
        "passei",
        "pase",
        "been",
    ];
    if place && has(&worked) {
        return Some(SectionKind::Experience);
    }
    if place && has(&["studied", "estudei", "estudado", "estudie", "estudiado"]) {
        return Some(SectionKind::Education);
    }
    let tools =
        ["tools", "ferramentas", "herramientas", "tecnologias", "technologies", "stack"].contains(&first);
    let used = ["use", "used", "uso", "utilizo", "domino", "manejo", "conheco", "conozco", "know"];
    if tools && words.len() > 1 && words.last().is_some_and(|w| used.contains(w)) {
        return Some(SectionKind::Skills);
    }
    // ("LO QUE HE HECHO", "O que já fiz", "What I've done": R113, a team lead's jobs read as
    // nothing; "Lo que hago" is the profile.)
    // (Not "Lo que hice:", a job's own label, R97.)
    const DONE: &[&str] =
        &["lo que he hecho", "o que ja fiz", "what i ve done", "what i have done", "what ive done"];
    if DONE.contains(&folded) {
        return Some(SectionKind::Experience);
    }
    // ("Lo que hice" on a line of its own, R115: a developer's jobs read as nothing; with a colon
    // it labels a job's own bullets, `header_kind` leaves it.)
    if DID.contains(&folded) {
        return Some(SectionKind::Experience);
    }
    if ["lo que hago", "o que faco", "what i do"].contains(&folded) {
        return Some(SectionKind::Summary);
    }
    // ("Caixa de ferramentas", "Toolbox", R111.)
    if ["caixa de ferramentas", "caja de herramientas", "toolbox", "toolkit"].contains(&folded) {
        return Some(SectionKind::Skills);
    }
    // ("Resumo em poucas linhas", "Summary in a few lines", R111.)
    let summary = ["resumo", "resumen", "summary"].contains(&first) && words.len() >= 3;
    (summary || ["quem sou", "quem sou eu", "quien soy", "who i am"].contains(&folded))
        .then_some(SectionKind::Summary)
}

/// A header of up to four words that names experience of some kind ("Co-op Experience",
/// "Industry Experience", "Experiência em Dados"): R96's new graduate had no work under "Co-op
/// Experience", and both her kits asked nothing of her resume. Volunteering is other work.
fn experience_named(folded: &str) -> Option<SectionKind> {
    const EXPERIENCE: &[&str] = &["experience", "experiences", "experiencia", "experiencias"];
    // (Or a career's path in some field: "Trajetória em tecnologia", "Trayectoria en TI", R100:
    // no job read.)
    const PATH: &[&str] = &["trajetoria", "trayectoria", "carreira", "carrera"];
    let words: Vec<&str> = folded.split(' ').collect();
    let named = words.len() <= 4
        && (words.last().is_some_and(|w| EXPERIENCE.contains(w))
            || (words.first().is_some_and(|w| EXPERIENCE[2..].contains(w) || PATH.contains(w))
                && words.get(1).is_some_and(|w| ["em", "en", "de", "como", "no", "na"].contains(w))));
    let volunteer = words.iter().any(|w| w.starts_with("volunt"));
    // ("10 years of experience", "Mais de 5 anos de experiência" are no headers.)
    let tenure = folded.chars().any(|c| c.is_ascii_digit())
        || words.iter().any(|w| ["years", "year", "anos", "ano", "more", "mais", "mas"].contains(w));
    (named && !volunteer && !tenure).then_some(SectionKind::Experience)
}

/// A job's first labelled line ("Current role: Security Engineer II", "Cargo atual: ...",
/// "Puesto: ..."), with a value.
fn role_label(line: &str) -> bool {
    label_of(line).is_some_and(|(label, _)| crate::work::TITLE_LABELS.contains(&label.as_str()))
}

/// An employer's labelled line ("Company: Liffey Ledger, Dublin", "Empresa: ...").
fn company_label(line: &str) -> bool {
    label_of(line).is_some_and(|(label, _)| crate::work::EMPLOYER_LABELS.contains(&label.as_str()))
}

/// A line's label and where its value starts: "Company: Liffey Ledger" is ("company", 9). Only a
/// label at the start of the line, of at most three words, with a value after it.
fn label_of(line: &str) -> Option<(String, usize)> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let colon = line.find(':')?;
    let label = line[..colon].trim();
    if label.is_empty() || label.split_whitespace().count() > 3 {
        return None;
    }
    let value = &line[colon + 1..];
    let at = colon + 1 + (value.len() - value.trim_start().len());
    (!line[at..].trim().is_empty()).then(|| (label.to_lowercase(), at))
}

/// Where a resume without an experience header labels its jobs (R87: "Current role: ...",
/// "Company: ...", "Dates: ..." under a "Summary: ..." line, and "Education: ...", "Skills:
/// ..." after them, no header on a line of its own): the offset of each line that opens a
/// section, its kind and where its body starts in the line. Empty when the resume has an
/// experience header, or no role line with its employer's line just below.
fn labelled(text: &str) -> Vec<(usize, SectionKind, usize)> {
    if text.lines().any(|l| header_kind(l) == Some(SectionKind::Experience)) {
        return Vec::new();
    }
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line.trim_end()));
        offset += line.len();
    }
    let first = (0..lines.len()).find(|&k| {
        role_label(lines[k].1)
            && lines[k + 1..]
                .iter()
                .filter(|(_, l)| !l.trim().is_empty())
                .take(2)
                .any(|(_, l)| company_label(l))
    });
    let Some(first) = first else { return Vec::new() };
    let mut out = Vec::new();
    for (k, &(at, line)) in lines.iter().enumerate() {
        if k == first {
            out.push((at, SectionKind::Experience, 0));
            continue;
        }
        let Some((label, value)) = label_of(line) else { continue };
        match header_kind(&format!("{label}:")) {
            Some(kind) if kind != SectionKind::Experience => out.push((at, kind, value)),
            _ => {}
        }
    }
    out
}

/// Every section of `text`, in order; a section runs to the next header.
pub fn detect(text: &str) -> Vec<Section> {
    let mut found: Vec<Section> = Vec::new();
    let inline = labelled(text);
    let mut offset = 0;
    // The two lines before this one, as (start offset, text).
    let mut before: [Option<(usize, &str)>; 2] = [None, None];
    for line in text.split_inclusive('\n') {
        // A header in a column of its own shares its line with the first line of the body
        // ("Work<TAB>Senior Backend Engineer"): the body starts after the tab.
        let (cell, body_from) = match line.split_once('\t') {
            Some((cell, _)) if header_kind(line).is_none() => (cell, cell.len() + 1),
            _ => (line, line.len()),
        };
        // A sidebar that shares the header's baseline ("github.com/ana<TAB>Work Experience"):
        // the header is the line's last cell, and the body starts on the next line.
        let (cell, body_from) = match line.trim_end().rsplit_once('\t') {
            Some((_, last)) if header_kind(cell).is_none() && header_kind(last).is_some() => {
                (last, line.len())
            }
            _ => (cell, body_from),
        };
        // A labelled resume's section opened on a line with its body ("Education: B.Sc. ...").
        let (kind, cell, body_from) = match inline.iter().find(|(at, _, _)| *at == offset) {
            Some(&(_, kind, from)) => (Some(kind), &line[..from], from),
            None => (header_kind(cell), cell, body_from),
        };
        if let Some(kind) = kind {
            // A title set beside the second line of its first entry (a left column of section
            // titles): the school's line, alone in its block, comes just before the title.
            let start = match before {
                [Some((at, school)), blank]
                    if kind == SectionKind::Education
                        && blank.is_none_or(|(_, b)| b.trim().is_empty())
                        && crate::education::school_line(school) =>
                {
                    at
                }
                _ => offset + body_from,
            };
            if let Some(prev) = found.last_mut() {
                prev.end = offset.min(start);
            }
            found.push(Section { kind, header: cell.trim().to_string(), start, end: text.len() });
        }
        before = [Some((offset, line)), before[0]];
        offset += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowers_drops_accents_and_collapses_punctuation_to_one_space() {
        assert_eq!(fold("  Ingeniería — en SISTEMAS!! (ÇÃO) "), "ingenieria en sistemas cao");
        assert_eq!(fold("C++/Go\tÑandú"), "c go nandu");
        assert_eq!(fold(" -- • "), "");
    }

    #[test]
    fn numbered_headers() {
        assert_eq!(header_kind("2. Experiência"), Some(SectionKind::Experience));
        assert_eq!(header_kind("1) Formação Acadêmica"), Some(SectionKind::Education));
        assert_eq!(header_kind("2020 Experience"), None);
    }

    #[test]
    fn r97_career_and_education_with_certification_are_headers() {
        // R97: "Career", "Technical range", "Education and certification" and "Other" read as
        // the profile's text, and the resume had no work at all.
        assert_eq!(header_kind("Career"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Technical range"), Some(SectionKind::Skills));
        assert_eq!(header_kind("Education and certification"), Some(SectionKind::Education));
        assert_eq!(header_kind("Other"), Some(SectionKind::Other));
        // A skills group is no header of its own.
        assert_eq!(header_kind("Tools"), None);
        // R96: experience of any kind is work.
        assert_eq!(header_kind("Co-op Experience"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Experiência em Dados"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Volunteer Experience"), Some(SectionKind::Other));
        assert_eq!(header_kind("Experiencia de voluntariado"), None);
        assert_eq!(header_kind("Years of experience"), None);
        assert_eq!(header_kind("10 years experience"), None);
        assert_eq!(header_kind("Experiência\tDesenvolvedor PHP Pleno"), None);
        assert_eq!(header_kind("Experiencia Nu México"), None);
        // R100: "PROFESSIONAL BACKGROUND" opened no section, and no job was read.
        assert_eq!(header_kind("PROFESSIONAL BACKGROUND"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Trajetória em tecnologia"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Atuação profissional"), Some(SectionKind::Experience));
    }

    #[test]
    fn r107_headers_said_as_phrases() {
        // R107: "Onde trabalhei" opened no section, and the QA analyst's jobs were her profile;
        // R111: ">> Por onde passei" and its toolbox. A line of work is no header, nor is a
        // skills group.
        for (line, kind) in [
            ("Onde trabalhei", Some(SectionKind::Experience)),
            ("Empresas onde trabalhei", Some(SectionKind::Experience)),
            ("Where I've worked", Some(SectionKind::Experience)),
            ("Dónde he trabajado", Some(SectionKind::Experience)),
            ("Onde estudei", Some(SectionKind::Education)),
            ("Ferramentas que uso", Some(SectionKind::Skills)),
            ("Herramientas que manejo", Some(SectionKind::Skills)),
            ("Quem sou", Some(SectionKind::Summary)),
            ("Estudos", Some(SectionKind::Education)),
            (">> Por onde passei", Some(SectionKind::Experience)),
            ("Por donde pasé", Some(SectionKind::Experience)),
            (">> Caixa de ferramentas", Some(SectionKind::Skills)),
            (">> Resumo em poucas linhas", Some(SectionKind::Summary)),
            ("LO QUE HE HECHO", Some(SectionKind::Experience)),
            ("What I've done", Some(SectionKind::Experience)),
            ("LO QUE HAGO", Some(SectionKind::Summary)),
            ("Lo que hice:", None),
            // R115: on a line of its own it opens the jobs.
            ("Lo que hice", Some(SectionKind::Experience)),
            ("O que fiz", Some(SectionKind::Experience)),
            ("Passei por três empresas", None),
            ("Worked where the data lived", None),
            ("Tools", None),
            ("Ferramentas", None),
        ] {
            assert_eq!(header_kind(line), kind, "{line}");
        }
    }

    #[test]
    fn a_school_line_just_before_a_title_set_beside_its_entry() {
        let text = "Experiencia\nDesarrollador, Softtek\t2014 - 2016\n- Mantuve sistemas .NET\n\nUniversidad Nacional Autónoma de México\tjun. 2013\nFormación\n• Ingeniería en Computación\n";
        let s = detect(text);
        let education = s.iter().find(|x| x.kind == SectionKind::Education).expect("education");
        assert!(
            text[education.start..].starts_with("Universidad Nacional"),
            "{:?}",
            &text[education.start..]
        );
        let experience = &s[0];
        assert!(!text[experience.start..experience.end].contains("Universidad"));
        // The last job's employer line under its title stays with the job.
        let text = "Experiencia\nAuxiliar de Soporte Técnico\nUniversidad de Guadalajara\t2024 - 2025\nEducación\nLicenciatura en Informática\n";
        let s = detect(text);
        assert!(text[s[0].start..s[0].end].contains("Universidad de Guadalajara"));
    }

    #[test]
    fn headers_in_three_languages() {
        assert_eq!(header_kind("EXPERIÊNCIA PROFISSIONAL"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Experiencia laboral:"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Formação Acadêmica"), Some(SectionKind::Education));
        assert_eq!(header_kind("Educación"), Some(SectionKind::Education));
        assert_eq!(header_kind("## Skills"), Some(SectionKind::Skills));
        assert_eq!(header_kind("I have experience with Go"), None);
        assert_eq!(header_kind("Work Experience(3)"), Some(SectionKind::Experience));
        assert_eq!(header_kind("INTERNSHIP"), Some(SectionKind::Experience));
        assert_eq!(header_kind("TRAYECTORIA"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Freelance:"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Freelance"), None);
        assert_eq!(header_kind("Estágios"), Some(SectionKind::Experience));
        assert_eq!(header_kind("Prácticas profesionales"), Some(SectionKind::Experience));
        let s = detect("Ana\nWork\tSenior Engineer\nAcme\n");
        assert_eq!(
            (s[0].kind, &"Ana\nWork\tSenior Engineer\nAcme\n"[s[0].start..]),
            (SectionKind::Experience, "Senior Engineer\nAcme\n")
        );
    }

    #[test]
    fn a_resume_that_labels_its_jobs_has_sections_without_headers() {
        let text = "Lena Ortiz\nSummary: Platform engineer, eight years.\n\nCurrent role: Staff Engineer\nCompany: Tidewater Freight, Lisbon\nDates: Mar 2021 – Present\nResult: Cut deploys from 40 to 9 minutes.\n\nPrevious role: Engineer\nCompany: Orla Bank\nDates: 2017 – 2021\n\nEducation: B.Sc. Computer Science, University of Porto (2013 – 2017)\n\nSkills: Go, Kubernetes,\n  Terraform\n";
        let s = detect(text);
        let kinds: Vec<SectionKind> = s.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [SectionKind::Summary, SectionKind::Experience, SectionKind::Education, SectionKind::Skills]
        );
        assert_eq!(&text[s[0].start..s[0].end].trim(), &"Platform engineer, eight years.");
        let work = &text[s[1].start..s[1].end];
        assert!(
            work.starts_with("Current role: Staff Engineer") && work.trim_end().ends_with("2017 – 2021"),
            "{work}"
        );
        assert!(text[s[2].start..s[2].end].starts_with("B.Sc. Computer Science"));
        assert_eq!(&text[s[3].start..], "Go, Kubernetes,\n  Terraform\n");
        // A resume with an experience header keeps reading its labels as lines of its jobs.
        let text = "Experience\nRole: Engineer\nCompany: Orla Bank\nSkills: Go, SQL\nEducation\nUSP\n";
        let kinds: Vec<SectionKind> = detect(text).iter().map(|x| x.kind).collect();
        assert_eq!(kinds, [SectionKind::Experience, SectionKind::Education]);
        // A role line without its employer's line below opens nothing.
        assert!(detect("Ana\nRole: Engineer at Orla Bank\nSkills: Go\n").is_empty());
    }

    #[test]
    fn sections_span_to_the_next_header() {
        let text = "Ana\nExperience\nAcme 2020\nEducation\nUSP\n";
        let s = detect(text);
        assert_eq!(s.len(), 2);
        assert_eq!(&text[s[0].start..s[0].end], "Acme 2020\n");
        assert_eq!(&text[s[1].start..s[1].end], "USP\n");
    }
}
